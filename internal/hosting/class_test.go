package hosting

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// serve starts a class on the loopback for a test.
func serve(t testing.TB, cfg Config) *Server {
	t.Helper()
	n := atomic.Int64{}
	c := New("AB12", cfg, func() string { return fmt.Sprintf("token-%d", n.Add(1)) })
	s, err := Listen(c, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// phone is a raw connection to the class, as the page would make.
type phone struct {
	t    *testing.T
	conn *websocket.Conn
	ctx  context.Context
}

func dial(t *testing.T, s *Server) *phone { return dialAt(t, s, nil) }

// dialAt connects a phone from the loopback address ip (nil: 127.0.0.1).
func dialAt(t *testing.T, s *Server, ip net.IP) *phone {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	conn, _, err := websocket.Dial(ctx, wsURL(s), dialFrom(ip))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	return &phone{t, conn, ctx}
}

// wsURL is the address of the class's WebSocket.
func wsURL(s *Server) string { return "ws" + strings.TrimPrefix(s.Page, "http") + "ws" }

func (p *phone) send(s string) error { return p.conn.Write(p.ctx, websocket.MessageText, []byte(s)) }

// next reads messages until one of kind comes (any, for ""), and returns
// it.
func (p *phone) next(kind string) map[string]any {
	p.t.Helper()
	for {
		_, data, err := p.conn.Read(p.ctx)
		if err != nil {
			p.t.Fatalf("waiting for %s: %v", kind, err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			p.t.Fatal(err)
		}
		if m["type"] == kind || kind == "" {
			return m
		}
	}
}

// drain reads until the connection ends, as a page does.
func (p *phone) drain() {
	for {
		if _, _, err := p.conn.Read(p.ctx); err != nil {
			return
		}
	}
}

// join joins as name and returns the welcome.
func join(t *testing.T, s *Server, name, token string) (*phone, map[string]any) {
	t.Helper()
	p := dial(t, s)
	p.send(fmt.Sprintf(`{"type":"join","code":%q,"name":%q,"token":%q}`, strings.ToLower(s.Class.Code()), name, token)) // codes are read in either case
	return p, p.next("welcome")
}

// eventually waits for cond, the server working in its own goroutines.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal(what)
		}
	}
}

// TestProtocol joins, predicts, takes a stance, votes, leaves and
// reconnects, as phones would.
func TestProtocol(t *testing.T) {
	s := serve(t, Config{Communities: 3, People: 100, Answers: []string{"a", "b", "c"}})
	ana, w := join(t, s, "  Ana  ", "")
	if w["name"] != "Ana" || w["community"] != 0.0 || w["person"].(float64) < 0 {
		t.Fatalf("welcome %v", w)
	}
	_, w2 := join(t, s, "ana", "")
	if w2["name"] != "ana 2" || w2["community"] != 1.0 || w2["person"] == w["person"] {
		t.Fatalf("a second Ana: %v", w2)
	}
	bad := dial(t, s)
	bad.send(`{"type":"join","code":"ZZZZ","name":"Eve"}`)
	if m := bad.next("refused"); !strings.Contains(m["text"].(string), "code") {
		t.Fatalf("a wrong code: %v", m)
	}
	ana.send(`{"type":"predict","answer":7}`)
	if m := ana.next("error"); !strings.Contains(m["text"].(string), "no such answer") {
		t.Fatalf("a bad answer: %v", m)
	}
	ana.send(`{"type":"predict","answer":2}`)
	ana.send(`{"type":"refuse","refuse":true}`)
	eventually(t, "the answer and the stance were not counted", func() bool {
		tl := s.Class.Tally()
		return tl.Answers[2] == 1 && tl.Refuse[0] == 1
	})
	ana.send(`{"type":"vote","ballot":1,"yes":true}`)
	if m := ana.next("error"); !strings.Contains(m["text"].(string), "closed") {
		t.Fatalf("a vote with no ballot open: %v", m)
	}
	s.Class.Open(1, "Expropriate?")
	ana.send(`{"type":"vote","ballot":1,"yes":true}`)
	ana.send(`{"type":"vote","ballot":1,"yes":false}`) // a change of mind counts once
	eventually(t, "the vote was not counted once", func() bool {
		tl := s.Class.Tally()
		return tl.Yes == 0 && tl.No == 1
	})
	ana.conn.CloseNow() // a phone gone, as when it loses the network
	eventually(t, "leaving did not show", func() bool { return s.Class.Tally().Online == 1 })
	if tl := s.Class.Tally(); tl.No != 1 || tl.Answers[2] != 1 {
		t.Fatalf("a student who left lost their vote: %+v", tl)
	}
	again, w3 := join(t, s, "whoever", w["token"].(string))
	if w3["name"] != "Ana" || w3["person"] != w["person"] || w3["community"] != w["community"] || w3["answer"] != 2.0 {
		t.Fatalf("reconnecting: %v, first %v", w3, w)
	}
	if yes, no := s.Class.Close(); yes != 0 || no != 1 {
		t.Fatalf("closing: %d yes, %d no", yes, no)
	}
	again.send(`{"type":"ping","t":42}`)
	if m := again.next("pong"); m["t"] != 42.0 {
		t.Fatalf("pong %v", m)
	}
	s.Close()
	if m := again.next("bye"); !strings.Contains(m["text"].(string), "closed") {
		t.Fatalf("the host going: %v", m)
	}
}

// TestBadMessages sends what a page never would: none of it stops the
// class or touches another student.
func TestBadMessages(t *testing.T) {
	s := serve(t, Config{Answers: []string{"a", "b", "c"}})
	good, _ := join(t, s, "Good", "")
	mal, _ := join(t, s, "Mal", "")
	for _, msg := range []string{`not json`, `{"type":"predict","answer":1,"extra":1}`, `{"type":"launch"}`, `[1,2]`, `{"type":"predict"} {"type":"predict"}`, `{"type":"join","name":"again"}`} {
		mal.send(msg)
		mal.next("error")
	}
	mal.conn.Write(mal.ctx, websocket.MessageBinary, []byte{0, 1, 2})
	mal.next("error")
	// Anything before joining ends the connection.
	early := dial(t, s)
	early.send(`{"type":"predict","answer":0}`)
	if _, _, err := early.conn.Read(early.ctx); websocket.CloseStatus(err) != websocket.StatusPolicyViolation {
		t.Fatalf("a message before joining: %v", err)
	}
	// A name that is not a name.
	p := dial(t, s)
	p.send(`{"type":"join","code":"AB12","name":"<script>"}`)
	p.next("refused")
	// A message over the limit closes that connection only. (The phone
	// reads on, as the page does, so that the close handshake is quick.)
	go mal.drain()
	mal.send(`{"type":"ping","t":1,"name":"` + strings.Repeat("x", 2*maxMessage) + `"}`)
	eventually(t, "an oversized message did not end its connection", func() bool { return s.Class.Tally().Online == 1 })
	// A flood: beyond the rate messages are refused, and then the connection closed.
	flood, _ := join(t, s, "Flood", "")
	go flood.drain()
	for range messageBurst + strikes + 10 {
		if flood.send(`{"type":"predict","answer":0}`) != nil {
			break
		}
	}
	eventually(t, "a flood did not end its connection", func() bool { return s.Class.Tally().Online == 1 })
	good.send(`{"type":"predict","answer":1}`)
	eventually(t, "the good student's answer was lost", func() bool { return s.Class.Tally().Answers[1] == 1 })
	if tl := s.Class.Tally(); tl.Answers[0] > 1 {
		t.Fatalf("the flood counted %d times", tl.Answers[0])
	}
}

// TestJoinLimits refuses a full class, and a connection that never joins.
func TestJoinLimits(t *testing.T) {
	c := New("AB12", Config{}, NewToken)
	for i := range MaxStudents {
		if _, _, err := c.Join("AB12", fmt.Sprintf("s%d", i), ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := c.Join("AB12", "one more", ""); err != errFull {
		t.Fatalf("a full class took one more: %v", err)
	}
	for _, name := range []string{"", "   ", strings.Repeat("a", MaxName+1), "a\x00b", "a<b"} {
		if _, err := cleanName(name); err == nil {
			t.Errorf("nickname %q was taken", name)
		}
	}
}
