package hosting

import (
	"net"
	"sync"
)

// maxConns bounds the connections the host holds open at once, from every
// address together.
const maxConns = 4096

// capped is a listener that holds at most perAddress() connections open
// from one remote address, and maxConns in all: a connection beyond is
// closed as soon as it is accepted, before a byte is read. (Idle keep-alive
// connections are closed by the server's IdleTimeout, so a phone's page
// load does not hold its place for long.)
type capped struct {
	net.Listener
	perAddress func() int
	mu         sync.Mutex
	open       map[string]int
	total      int
	turnedAway int // connections closed at once for the caps, so far
}

func newCapped(ln net.Listener, perAddress func() int) *capped {
	return &capped{Listener: ln, perAddress: perAddress, open: map[string]int{}}
}

// Accept returns the next connection within the caps.
func (l *capped) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		addr := remoteHost(c.RemoteAddr().String())
		l.mu.Lock()
		ok := l.open[addr] < l.perAddress() && l.total < maxConns
		if ok {
			l.open[addr]++
			l.total++
		} else {
			l.turnedAway++
		}
		l.mu.Unlock()
		if !ok {
			c.Close()
			continue
		}
		return &countedConn{Conn: c, release: func() { l.release(addr) }}, nil
	}
}

func (l *capped) release(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.open[addr]--; l.open[addr] <= 0 {
		delete(l.open, addr)
	}
}

// counts returns the connections open and those turned away so far.
func (l *capped) counts() (open, turnedAway int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total, l.turnedAway
}

// countedConn gives its place back when it is first closed (the server's
// and the WebSocket's closing both reach it).
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *countedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

// remoteHost is the address part of host:port.
func remoteHost(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}
