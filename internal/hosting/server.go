package hosting

import (
	"bytes"
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
	"golang.org/x/time/rate"
)

// The student's page.
//
//go:embed page.html
var page []byte

// Limits on each connection: what one phone, or one mischievous student,
// can ask of the host.
const (
	maxMessage   = 512              // bytes in a message from a phone
	joinWithin   = 30 * time.Second // to send the join message after connecting
	writeWithin  = 5 * time.Second  // for a phone to take a message
	messageRate  = 5                // messages a second, sustained
	messageBurst = 10               // messages at once
	strikes      = 20               // messages over the rate before the connection is closed
)

// Server serves the student's page and their WebSocket on the room's
// network.
type Server struct {
	Class *Class
	URL   string // the page's address, for the QR code
	srv   *http.Server
	ln    net.Listener
	wg    sync.WaitGroup
	// state is the latest state message, sent to each student who joins.
	stateMu sync.Mutex
	state   []byte
}

// Listen serves class on addr ("" for the machine's address on the room's
// network and a free port; "127.0.0.1:0" for tests).
func Listen(c *Class, addr string) (*Server, error) {
	host := ""
	if addr == "" {
		host = roomAddress()
		addr = net.JoinHostPort(host, "0")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("class: %w", err)
	}
	s := &Server{Class: c, ln: ln}
	port := ln.Addr().(*net.TCPAddr).Port
	if host == "" {
		host = ln.Addr().(*net.TCPAddr).IP.String()
	}
	s.URL = fmt.Sprintf("http://%s/?code=%s", net.JoinHostPort(host, strconv.Itoa(port)), c.Code())
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("GET /ws", s.socket)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go s.srv.Serve(ln)
	return s, nil
}

// roomAddress returns this machine's address on the room's network: the
// address it would reach other machines from (no packet is sent), else
// its first private address, else the loopback.
func roomAddress() string {
	if c, err := net.Dial("udp4", "192.168.0.1:9"); err == nil {
		defer c.Close()
		if ip := c.LocalAddr().(*net.UDPAddr).IP; !ip.IsLoopback() {
			return ip.String()
		}
	}
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsPrivate() {
			return n.IP.String()
		}
	}
	return "127.0.0.1"
}

// Close tells every student the host is gone and stops serving.
func (s *Server) Close() error {
	s.Class.CloseAll(message("bye", map[string]any{"text": "The teacher has closed the class."}))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	s.wg.Wait()
	return err
}

func (s *Server) page(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(page)
}

// SetState sets the state every student sees (and a joining one gets
// first), and sends it to everyone online.
func (s *Server) SetState(msg []byte) {
	s.stateMu.Lock()
	s.state = msg
	s.stateMu.Unlock()
	s.Class.Broadcast(msg)
}

// inbound is a message from a phone; which fields count depends on Type.
type inbound struct {
	Type   string `json:"type"`
	Code   string `json:"code"`
	Name   string `json:"name"`
	Token  string `json:"token"`
	Answer int    `json:"answer"`
	Refuse bool   `json:"refuse"`
	Ballot int    `json:"ballot"`
	Yes    bool   `json:"yes"`
	T      int64  `json:"t"`
}

// message encodes a message to a phone.
func message(kind string, fields map[string]any) []byte {
	fields["type"] = kind
	b, _ := json.Marshal(fields)
	return b
}

// socket runs one phone's connection: the join, then its messages, each
// checked, at a limited rate, while a writer sends it the class's.
func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	s.wg.Add(1)
	defer s.wg.Done()
	conn.SetReadLimit(maxMessage)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	reply := func(msg []byte) error {
		wctx, done := context.WithTimeout(ctx, writeWithin)
		defer done()
		return conn.Write(wctx, websocket.MessageText, msg)
	}
	jctx, done := context.WithTimeout(ctx, joinWithin)
	join, err := read(jctx, conn)
	done()
	if err != nil || join.Type != "join" {
		conn.Close(websocket.StatusPolicyViolation, "join first") // the page always joins first: this is no page
		return
	}
	st, out, err := s.Class.Join(join.Code, join.Name, join.Token)
	if err != nil {
		reply(message("refused", map[string]any{"text": err.Error()}))
		conn.CloseNow() // the message said why; the page stops there
		return
	}
	defer s.Class.Leave(st.Token, out)
	if reply(message("welcome", map[string]any{"token": st.Token, "name": st.Name, "community": st.Community,
		"person": st.Person, "answer": st.Answer, "refuse": st.Refuse})) != nil {
		return
	}
	s.stateMu.Lock()
	state := s.state
	s.stateMu.Unlock()
	if state != nil && reply(state) != nil {
		return
	}
	go func() { // the writer: the class's messages to this phone
		defer cancel()
		for msg := range out {
			if reply(msg) != nil {
				return
			}
		}
		conn.CloseNow() // the goodbye was the last message; a phone that never answers the close handshake must not hold the host for its 5 s
	}()
	limit := rate.NewLimiter(messageRate, messageBurst)
	over := 0
	for {
		in, err := read(ctx, conn)
		var bad *badMessage
		switch {
		case errors.As(err, &bad):
			s.Class.Send(st.Token, message("error", map[string]any{"text": bad.Error()}))
			continue
		case err != nil:
			return
		}
		if !limit.Allow() {
			if over++; over > strikes {
				conn.CloseNow() // no handshake for a flood
				return
			}
			s.Class.Send(st.Token, message("error", map[string]any{"text": "slow down: that was not counted"}))
			continue
		}
		if err := s.handle(st.Token, in); err != nil {
			s.Class.Send(st.Token, message("error", map[string]any{"text": err.Error()}))
		}
	}
}

// badMessage is a message that is not one the page sends.
type badMessage struct{ why string }

func (b *badMessage) Error() string { return "a message the class did not understand: " + b.why }

// read reads one message and checks its form.
func read(ctx context.Context, conn *websocket.Conn) (inbound, error) {
	typ, data, err := conn.Read(ctx)
	if err != nil {
		return inbound{}, err
	}
	var in inbound
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	switch {
	case typ != websocket.MessageText:
		return in, &badMessage{"not text"}
	case dec.Decode(&in) != nil:
		return in, &badMessage{"not a JSON object of known fields"}
	case dec.More():
		return in, &badMessage{"more than one value"}
	}
	return in, nil
}

// handle carries out a joined student's message.
func (s *Server) handle(token string, in inbound) error {
	switch in.Type {
	case "predict":
		return s.Class.Predict(token, in.Answer)
	case "refuse":
		return s.Class.Stance(token, in.Refuse)
	case "vote":
		return s.Class.Vote(token, in.Ballot, in.Yes)
	case "ping":
		s.Class.Send(token, message("pong", map[string]any{"t": in.T}))
		return nil
	case "join":
		return errors.New("already joined")
	}
	return &badMessage{fmt.Sprintf("unknown type %q", strings.ToValidUTF8(in.Type, "?"))}
}

// NewCode returns a join code: four letters and digits that cannot be
// misread (no 0/O, 1/I/L).
func NewCode() string {
	const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
	b := make([]byte, 4)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// NewToken returns a token a phone keeps to rejoin as the same student.
func NewToken() string { return rand.Text() }
