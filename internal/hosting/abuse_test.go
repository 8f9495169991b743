package hosting

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// realClass is the class of real students the abuse test seats beside
// each attack, each phone on its own address, each pinging the host
// pingEvery (within a phone's rate of messages).
const (
	realClass = 30
	pingEvery = 250 * time.Millisecond
)

// attack is one way a student could try to break the room: run it until
// ctx ends (every loop is bounded too), telling ready once it bites; check
// then says whether the server held.
type attack struct {
	name  string
	run   func(ctx context.Context, s *Server, ready func())
	check func(t *testing.T, s *Server)
}

// attacker is the address attacks come from.
var attacker = net.IPv4(127, 0, 0, 66)

// wsFrom connects a WebSocket from the attacker's address, or returns nil.
func wsFrom(ctx context.Context, s *Server, ip net.IP) *websocket.Conn {
	c, _, err := websocket.Dial(ctx, wsURL(s), dialFrom(ip))
	if err != nil {
		return nil
	}
	c.SetReadLimit(1 << 20)
	return c
}

// tryJoin sends a join and returns the first answer's text (or type).
func tryJoin(ctx context.Context, s *Server, ip net.IP, code, name, token string) (typ, text string) {
	c := wsFrom(ctx, s, ip)
	if c == nil {
		return "no connection", ""
	}
	defer c.CloseNow()
	c.Write(ctx, websocket.MessageText, fmt.Appendf(nil, `{"type":"join","code":%q,"name":%q,"token":%q}`, code, name, token))
	_, data, err := c.Read(ctx)
	if err != nil {
		return "closed", ""
	}
	var m struct{ Type, Text string }
	jsonUnmarshal(data, &m)
	return m.Type, m.Text
}

// attacks are those of issue 24 that a student on the room's network can
// make.
var attacks = []attack{
	{name: "fake students from one address", run: func(ctx context.Context, s *Server, ready func()) {
		for i := range 600 {
			if ctx.Err() != nil {
				return
			}
			tryJoin(ctx, s, attacker, s.Class.Code(), fmt.Sprintf("fake %d", i), "")
			if i == 20 {
				ready()
			}
		}
	}, check: func(t *testing.T, s *Server) {
		if tl := s.Class.Tally(); tl.Joined != realClass+DefaultLimits.StudentsPerAddress {
			t.Errorf("%d joined: the attacker added %d", tl.Joined, tl.Joined-realClass)
		}
	}},
	{name: "malformed floods from four tabs, reconnecting", run: func(ctx context.Context, s *Server, ready func()) {
		_, _ = tryJoin(ctx, s, attacker, s.Class.Code(), "mal", "")
		token := s.Class.Students()[0].Token
		var wg sync.WaitGroup
		var once sync.Once
		for tab := range DefaultLimits.TabsPerStudent {
			wg.Go(func() {
				bad := [][]byte{[]byte(`not json`), []byte(`{"type":"predict","answer":0,"x":1}`), []byte(`{"type":"launch"}`), {0xff, 0}}
				for range 30 { // reconnections: a repeat offender is closed each time
					c := wsFrom(ctx, s, attacker)
					if c == nil {
						return
					}
					gone := make(chan struct{})
					go func() {
						defer close(gone)
						for {
							if _, _, err := c.Read(ctx); err != nil {
								return
							}
						}
					}()
					c.Write(ctx, websocket.MessageText, fmt.Appendf(nil, `{"type":"join","token":%q}`, token))
					for i := range 5000 {
						typ := websocket.MessageText
						if i%4 == 3 {
							typ = websocket.MessageBinary
						}
						if c.Write(ctx, typ, bad[(i+tab)%4]) != nil {
							break // (writes may also go into the socket's buffers after the host has closed it)
						}
						if i == 100 {
							once.Do(ready)
						}
					}
					closed := false
					select { // the host closes the connection: the reader sees it end
					case <-gone:
						closed = ctx.Err() == nil
					case <-time.After(10 * time.Second): // a bound on the wait, not a pause
					case <-ctx.Done():
					}
					if ctx.Err() != nil {
						c.CloseNow()
						return // the test ended it, not the host: it counts as neither
					}
					floods.Add(1)
					if closed {
						floodsClosed.Add(1)
					}
					c.CloseNow()
				}
			})
		}
		wg.Wait()
	}, check: func(t *testing.T, s *Server) {
		if floods.Load() == 0 || floodsClosed.Load() != floods.Load() {
			t.Errorf("the host closed %d of %d flooding connections", floodsClosed.Load(), floods.Load())
		}
		t.Logf("%d flooding connections, every one closed", floods.Load())
	}},
	{name: "idle keep-alive connections hoarded", run: func(ctx context.Context, s *Server, ready func()) {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: attacker}}
		host := strings.TrimSuffix(strings.TrimPrefix(s.Page, "http://"), "/")
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for range 2000 {
			c, err := d.DialContext(ctx, "tcp", host)
			if err != nil {
				return
			}
			held = append(held, c)
			fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: %s\r\n\r\n", host)
		}
		ready()
		<-ctx.Done()
	}, check: func(t *testing.T, s *Server) {
		if _, away := s.ln.counts(); away < 2000-(DefaultLimits.StudentsPerAddress*DefaultLimits.TabsPerStudent+16) {
			t.Errorf("only %d of the attacker's 2,000 connections were turned away", away)
		}
	}},
	{name: "the code guessed from one address", run: func(ctx context.Context, s *Server, ready func()) {
		for i := range 2000 {
			if ctx.Err() != nil {
				return
			}
			typ, text := tryJoin(ctx, s, attacker, fmt.Sprintf("G%03d", i), "guess", "")
			guessed.Add(1)
			if typ == "refused" && strings.Contains(text, "not this class's code") {
				checked.Add(1)
			}
			if i == 20 {
				ready()
			}
		}
	}, check: func(t *testing.T, s *Server) {
		// 3 free, then waits of 1, 2, 4, 8 ... s: in a test of under a minute, at most 3 + 6 codes are checked.
		if n := checked.Load(); n > int64(DefaultLimits.FreeGuesses+6) {
			t.Errorf("%d of %d guesses were checked", n, guessed.Load())
		}
		t.Logf("%d of %d guesses checked", checked.Load(), guessed.Load())
	}},
	{name: "the code guessed from 250 addresses", run: func(ctx context.Context, s *Server, ready func()) {
		first := s.Class.Code()
		for i := range 250 {
			if ctx.Err() != nil {
				return
			}
			tryJoin(ctx, s, net.IPv4(127, 2, 0, byte(i+1)), "ZZZZ", "guess", "")
		}
		if s.Class.Code() != first {
			codeChanged.Store(true)
		}
		ready()
	}, check: func(t *testing.T, s *Server) {
		if !codeChanged.Load() {
			t.Error("250 wrong codes did not change the code")
		}
	}},
	{name: "a page elsewhere reaching the host by its own name (DNS rebinding)", run: func(ctx context.Context, s *Server, ready func()) {
		for i := range 500 {
			req, _ := http.NewRequestWithContext(ctx, "GET", s.Page, nil)
			req.Host = "evil.example"
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				rebound.Add(1)
			}
			if i == 10 {
				ready()
			}
		}
	}, check: func(t *testing.T, s *Server) {
		if n := rebound.Load(); n > 0 {
			t.Errorf("%d requests by another name were served", n)
		}
	}},
}

// What the attacks saw, for their checks.
var (
	guessed, checked, rebound atomic.Int64
	floods, floodsClosed      atomic.Int64
	codeChanged               atomic.Bool
)

// TestAbuse runs each attack while a class of 30 real students, each on
// their own address, joins, predicts and votes, pinging the host every
// 250 ms: every real student joins, and every answer and vote is counted
// once, within limits; the figures are logged (go test -v -run TestAbuse).
func TestAbuse(t *testing.T) {
	if testing.Short() {
		t.Skip("the abuse test takes some seconds")
	}
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			s := serve(t, Config{Answers: []string{"a", "b", "c"}})
			ctx, stop := context.WithTimeout(context.Background(), time.Minute)
			defer stop()
			ready := make(chan struct{})
			var once sync.Once
			done := make(chan struct{})
			go func() { defer close(done); a.run(ctx, s, func() { once.Do(func() { close(ready) }) }) }()
			select {
			case <-ready:
			case <-done:
				once.Do(func() { close(ready) })
			case <-time.After(30 * time.Second):
				t.Fatal("the attack did not start within 30 s")
			}
			m := measure(t, s)
			stop()
			<-done
			t.Logf("%s: real students' join: max %v, p95 %v; ping round trip p95 %v over %d pings; %d joined in all",
				a.name, m.joinMax, m.joinP95, m.rttP95, m.pings, s.Class.Tally().Joined)
			if m.rttP95 > time.Second {
				t.Errorf("the real students' p95 round trip was %v", m.rttP95)
			}
			if a.check != nil {
				a.check(t, s)
			}
		})
	}
}

// figures are what the real students felt.
type figures struct {
	joinMax, joinP95, rttP95 time.Duration
	pings                    int
}

// measure seats the real class beside whatever is going on, has it
// predict and vote, and returns what they felt.
func measure(t *testing.T, s *Server) figures {
	t.Helper()
	before := s.Class.Tally()
	bots, stop := fill(t, s, realClass, pingEvery) // every real student joined and answered
	if tl := s.Class.Tally(); tl.Answered-before.Answered != realClass {
		t.Errorf("%d real answers counted", tl.Answered-before.Answered)
	}
	voteAll(t, s, bots, stop, func() bool { // and each has had five pings answered
		return !slices.ContainsFunc(bots, func(b *Bot) bool { return b.Pongs.Load() < 5 })
	})
	var joins, rtts []time.Duration
	for _, b := range bots {
		joins = append(joins, b.JoinTime)
		rtts = append(rtts, b.Latencies...)
	}
	slices.Sort(joins)
	slices.Sort(rtts)
	return figures{joinMax: joins[len(joins)-1], joinP95: joins[len(joins)*95/100], rttP95: rtts[len(rtts)*95/100], pings: len(rtts)}
}

// jsonUnmarshal decodes a message, leaving v as it is when it is not JSON.
func jsonUnmarshal(data []byte, v any) { _ = json.Unmarshal(data, v) }
