package hosting

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
)

// joinAt joins as name from the loopback address ip and returns the first
// message the class sends: a welcome or a refusal.
func joinAt(t *testing.T, s *Server, ip net.IP, name, token string) (*phone, map[string]any) {
	t.Helper()
	p := dialAt(t, s, ip)
	p.send(fmt.Sprintf(`{"type":"join","code":%q,"name":%q,"token":%q}`, s.Class.Code(), name, token))
	return p, p.first("welcome", "refused")
}

// first reads until a message of one of kinds comes.
func (p *phone) first(kinds ...string) map[string]any {
	p.t.Helper()
	for {
		m := p.next("")
		for _, k := range kinds {
			if m["type"] == k {
				return m
			}
		}
	}
}

// ballot reads states until one has a ballot that is, and returns it.
func (p *phone) ballot(is func(map[string]any) bool) map[string]any {
	p.t.Helper()
	for {
		if b, _ := p.next("state")["ballot"].(map[string]any); b != nil && is(b) {
			return b
		}
	}
}

// TestLeaveEndsWriter joins and leaves twenty times: every connection's
// goroutines end (each left one behind when Leave did not close its queue).
func TestLeaveEndsWriter(t *testing.T) {
	s := serve(t, Config{})
	s.Class.SetLimits(Limits{StudentsPerAddress: 100})
	cycle := func() {
		p, _ := join(t, s, "Ana", "")
		p.conn.Close(websocket.StatusNormalClosure, "")
		eventually(t, "the phone did not leave", func() bool { return s.Class.Tally().Online == 0 })
	}
	cycle() // the server's and the client's first goroutines start
	runtime.GC()
	before := runtime.NumGoroutine()
	for range 20 {
		cycle()
	}
	eventually(t, "goroutines are left behind by leaving", func() bool { return runtime.NumGoroutine() <= before+2 })
}

// TestTabs: a browser's tabs share the student's token, and each rejoins
// as the same student, up to the limit of tabs; every tab hears the class.
func TestTabs(t *testing.T) {
	s := serve(t, Config{Answers: []string{"a", "b"}})
	first, w := join(t, s, "Ana", "")
	token := w["token"].(string)
	tabs := []*phone{first}
	for range DefaultLimits.TabsPerStudent - 1 {
		p, m := join(t, s, "", token)
		if m["name"] != "Ana" || m["seat"] != w["seat"] {
			t.Fatalf("another tab joined as %v", m)
		}
		tabs = append(tabs, p)
	}
	_, m := joinAt(t, s, nil, "", token)
	if m["type"] != "refused" || !strings.Contains(m["text"].(string), "other tabs") || m["forget"] != false {
		t.Fatalf("a tab beyond the limit: %v", m)
	}
	if tl := s.Class.Tally(); tl.Joined != 1 || tl.Online != 1 {
		t.Fatalf("four tabs of one student: %+v", tl)
	}
	s.Class.Broadcast(message("news", map[string]any{"text": "hello"}))
	for _, p := range tabs {
		p.next("news")
	}
	tabs[1].send(`{"type":"predict","answer":1}`)
	eventually(t, "a tab's answer was not the student's", func() bool { return s.Class.Tally().Answers[1] == 1 })
	tabs[0].conn.CloseNow()
	tabs[1].conn.CloseNow()
	eventually(t, "closing two of four tabs", func() bool {
		s.Class.mu.Lock()
		defer s.Class.mu.Unlock()
		return len(s.Class.students[token].outs) == 2
	})
	if tl := s.Class.Tally(); tl.Online != 1 {
		t.Fatalf("with two tabs open the student is offline: %+v", tl)
	}
}

// TestMalformedCounts sends, as fast as it can, what a page never sends:
// bad JSON, binary frames, unknown fields, unknown types. Each is counted
// by the rate limiter before it is read, and the connection is closed; a
// student beside it is answered.
func TestMalformedCounts(t *testing.T) {
	for _, msg := range []string{`not json`, `{"type":"predict","answer":0,"extra":1}`, `{"type":"launch"}`, "binary"} {
		t.Run(msg, func(t *testing.T) {
			s := serve(t, Config{Answers: []string{"a", "b"}})
			good, _ := join(t, s, "Good", "")
			mal, _ := join(t, s, "Mal", "")
			answers := make(chan int, 1) // the errors answered, once the connection has ended
			go func() {                  // the phone reads, as a page does
				n := 0
				for {
					_, data, err := mal.conn.Read(mal.ctx)
					if err != nil {
						answers <- n
						return
					}
					if strings.Contains(string(data), `"error"`) {
						n++
					}
				}
			}()
			// Send until the connection ends: the server closes it after a few
			// dozen, but writes land in the sockets' buffers, so how many the
			// sender gets out before it hears depends on the machine's load.
			sent, answered := 0, -1
			for answered < 0 {
				typ, data := websocket.MessageText, []byte(msg)
				if msg == "binary" {
					typ, data = websocket.MessageBinary, []byte{0, 1, 2}
				}
				if mal.conn.Write(mal.ctx, typ, data) != nil {
					answered = <-answers
					break
				}
				sent++
				select {
				case answered = <-answers:
				default:
				}
			}
			if mal.ctx.Err() != nil {
				t.Fatalf("%d malformed messages and the connection was still open when the phone's time ran out", sent)
			}
			if answered > messageBurst+2*strikes+1 {
				t.Errorf("%d of %d malformed messages were answered", answered, sent)
			}
			t.Logf("closed after %d messages sent, %d answered", sent, answered)
			good.send(`{"type":"ping","t":7}`)
			good.next("pong")
		})
	}
}

// TestStudentsPerAddress: one address may add few students (a spare for a
// second device), removed ones still counting; another address joins as
// before; the teacher's reset begins the allowance again, and a larger
// allowance takes a classroom behind one NAT.
func TestStudentsPerAddress(t *testing.T) {
	s := serve(t, Config{})
	one, two := net.IPv4(127, 0, 0, 2), net.IPv4(127, 0, 0, 3)
	for i := range DefaultLimits.StudentsPerAddress {
		if _, m := joinAt(t, s, one, fmt.Sprintf("s%d", i), ""); m["type"] != "welcome" {
			t.Fatalf("student %d from one address: %v", i+1, m)
		}
	}
	if _, m := joinAt(t, s, one, "fake", ""); m["type"] != "refused" || !strings.Contains(m["text"].(string), "this network") {
		t.Fatalf("one student too many from one address: %v", m)
	}
	if _, m := joinAt(t, s, two, "Real", ""); m["type"] != "welcome" {
		t.Fatalf("another address: %v", m)
	}
	if !s.Class.Remove(1) {
		t.Fatal("no seat 1 to remove")
	}
	if _, m := joinAt(t, s, one, "again", ""); m["type"] != "refused" {
		t.Fatalf("a removed student freed their address's place: %v", m)
	}
	if tl := s.Class.Tally(); tl.Refused != 2 || tl.Joined != DefaultLimits.StudentsPerAddress {
		t.Fatalf("tally %+v", tl)
	}
	s.Class.Reset()
	s.Class.SetLimits(Limits{StudentsPerAddress: 30})
	for i := range 30 {
		if _, m := joinAt(t, s, one, fmt.Sprintf("n%d", i), ""); m["type"] != "welcome" {
			t.Fatalf("a classroom behind one NAT, student %d: %v", i+1, m)
		}
	}
}

// TestCodeGuesses: an address that guesses wrong waits, longer each time;
// a right code after the wait joins; many wrong codes from many addresses
// change the code, and those who joined rejoin by token.
func TestCodeGuesses(t *testing.T) {
	now := time.Unix(1e9, 0)
	c := New("AB12", Config{}, NewToken)
	c.now = func() time.Time { return now }
	codes := 0
	c.codes = func() string { codes++; return fmt.Sprintf("NEW%d", codes) }
	st, _, err := c.JoinFrom("10.0.0.1", "AB12", "Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	for i := range DefaultLimits.FreeGuesses + 1 {
		if _, _, err := c.JoinFrom("10.0.0.9", "ZZZZ", "Eve", ""); err != errCode {
			t.Fatalf("guess %d: %v", i+1, err)
		}
	}
	var wait *waitError
	if _, _, err := c.JoinFrom("10.0.0.9", "AB12", "Eve", ""); !errors.As(err, &wait) || wait.wait != time.Second {
		t.Fatalf("a right code within the wait: %v", err)
	}
	if _, _, err := c.JoinFrom("10.0.0.8", "AB12", "Bo", ""); err != nil {
		t.Fatalf("another address was held up: %v", err)
	}
	now = now.Add(time.Second)
	c.JoinFrom("10.0.0.9", "ZZZZ", "Eve", "")
	if _, _, err := c.JoinFrom("10.0.0.9", "AB12", "Eve", ""); !errors.As(err, &wait) || wait.wait != 2*time.Second {
		t.Fatalf("the second wait: %v", err)
	}
	now = now.Add(time.Hour)
	if _, _, err := c.JoinFrom("10.0.0.9", "ab12", "Eve", ""); err != nil {
		t.Fatalf("a right code after the wait: %v", err)
	}
	c.SetLimits(Limits{NewCodeAfter: 10})
	for i := range 10 {
		c.JoinFrom(fmt.Sprintf("10.1.0.%d", i), "QQQQ", "x", "")
	}
	if c.Code() != "NEW1" {
		t.Fatalf("after 10 wrong codes the code is %s", c.Code())
	}
	if _, _, err := c.JoinFrom("10.2.0.1", "AB12", "late", ""); err != errCode {
		t.Fatalf("the old code after it changed: %v", err)
	}
	if again, _, err := c.JoinFrom("10.0.0.1", "", "", st.Token); err != nil || again.Name != "Ana" {
		t.Fatalf("rejoining by token after the code changed: %v", err)
	}
}

// TestHostHeader refuses a request that names the host by another name
// (a page elsewhere whose name was pointed here: DNS rebinding), and takes
// its address and localhost.
func TestHostHeader(t *testing.T) {
	s := serve(t, Config{})
	addr := strings.TrimSuffix(strings.TrimPrefix(s.Page, "http://"), "/")
	_, port, _ := net.SplitHostPort(addr)
	for host, want := range map[string]int{addr: 200, "localhost:" + port: 200, "evil.example:" + port: 421,
		"127.0.0.1:1": 421, "evil.example": 421} {
		req, _ := http.NewRequest("GET", s.Page, nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, resp.StatusCode, want)
		}
	}
	h := http.Header{"Host": {"evil.example:" + port}}
	if _, _, err := websocket.Dial(t.Context(), wsURL(s), &websocket.DialOptions{Host: "evil.example:" + port, HTTPHeader: h}); err == nil {
		t.Error("a WebSocket by another name was accepted")
	}
}

// TestConnectionCap: one address holds only so many connections; beyond,
// each is closed at once, and a phone from another address still joins.
func TestConnectionCap(t *testing.T) {
	s := serve(t, Config{})
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 4)}}
	capN := DefaultLimits.StudentsPerAddress*DefaultLimits.TabsPerStudent + 16
	addr := strings.TrimSuffix(strings.TrimPrefix(s.Page, "http://"), "/")
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	closedAtOnce := 0
	for range capN + 10 {
		c, err := d.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	eventually(t, "the connections beyond the cap were not turned away", func() bool { _, away := s.ln.counts(); return away == 10 })
	for _, c := range held {
		c.SetReadDeadline(time.Now().Add(50 * time.Millisecond)) // a bound on reading, not a wait for an event
		if _, err := c.Read(make([]byte, 1)); err == io.EOF {
			closedAtOnce++
		}
	}
	if closedAtOnce != 10 {
		t.Errorf("%d connections of %d closed at once; the cap is %d", closedAtOnce, capN+10, capN)
	}
	if _, m := joinAt(t, s, nil, "Real", ""); m["type"] != "welcome" {
		t.Fatalf("a real student: %v", m)
	}
	for _, c := range held {
		c.Close()
	}
	held = nil
	eventually(t, "closed connections kept their places", func() bool { open, _ := s.ln.counts(); return open == 1 })
}

// TestTeacher locks the class, removes a student, hides the count while a
// vote is open, announces a tie as a tie on the window and every phone,
// and begins the roll again keeping the code.
func TestTeacher(t *testing.T) {
	sim, h := hosted(t, "expropriation")
	h.Sync(sim)
	s := h.Server
	a, wa := join(t, s, "Ana", "")
	b, _ := join(t, s, "Bo", "")
	c, wc := join(t, s, "Cy", "")
	s.Class.Lock(true)
	if _, m := joinAt(t, s, nil, "Late", ""); m["type"] != "refused" || !strings.Contains(m["text"].(string), "closed to new") {
		t.Fatalf("joining a locked class: %v", m)
	}
	if _, m := joinAt(t, s, nil, "", wa["token"].(string)); m["type"] != "welcome" {
		t.Fatalf("a student of a locked class rejoining: %v", m)
	}
	s.Class.Lock(false)
	if !s.Class.Remove(int(wc["seat"].(float64))) {
		t.Fatal("Cy was not removed")
	}
	if m := c.next("removed"); !strings.Contains(m["text"].(string), "removed") {
		t.Fatalf("the removed phone was told %v", m)
	}
	if _, m := joinAt(t, s, nil, "", wc["token"].(string)); m["type"] != "refused" || m["forget"] != true {
		t.Fatalf("a removed student's token: %v", m)
	}
	roll := h.View().Roll
	if len(roll) != 2 || roll[0].Name != "Ana" || roll[1].Seat != 2 || roll[0].Answered {
		t.Fatalf("the roll %+v", roll)
	}
	sim.Apply(classroom.Intent{Next: true})
	sim.Apply(classroom.Intent{Next: true})
	for sim.Ballot == nil {
		sim.StepMonth()
	}
	h.Sync(sim)
	id := a.ballot(func(b map[string]any) bool { return b["open"] == true })["id"]
	for _, p := range []struct {
		ph  *phone
		yes bool
	}{{a, true}, {b, false}} {
		p.ph.send(fmt.Sprintf(`{"type":"vote","ballot":%v,"yes":%v}`, id, p.yes))
	}
	eventually(t, "the votes were not counted", func() bool { return h.View().Voted == 2 })
	if v := h.View(); v.Yes != 0 || v.No != 0 || !v.Roll[0].Voted {
		t.Fatalf("while the vote is open the window sees %+v", v)
	}
	h.Decide(sim)
	h.Sync(sim)
	if !strings.Contains(sim.Caption, "split: 1 yes, 1 no") {
		t.Errorf("a tie's caption: %q", sim.Caption)
	}
	if v := h.View(); v.Yes != 1 || v.No != 1 || !strings.Contains(v.Result, "split") {
		t.Errorf("after the vote the window sees %+v", v)
	}
	for _, p := range []*phone{a, b} {
		bl := p.ballot(func(b map[string]any) bool { return b["open"] == false })
		if !strings.Contains(bl["result"].(string), "The class was split: 1 yes, 1 no") {
			t.Errorf("a phone was told %v", bl["result"])
		}
	}
	code := s.Class.Code()
	s.Class.Reset()
	a.next("reset")
	if tl := s.Class.Tally(); tl.Joined != 0 || s.Class.Code() != code {
		t.Fatalf("after a reset: %+v, code %s (was %s)", tl, s.Class.Code(), code)
	}
	if _, m := joinAt(t, s, nil, "Ana", ""); m["type"] != "welcome" || m["name"] != "Ana" {
		t.Fatalf("joining again after a reset: %v", m)
	}
}

// TestPredictionsClose: once the worlds run, predictions are refused: 20
// late phones (which changed the card before) change nothing.
func TestPredictionsClose(t *testing.T) {
	sim, h := hosted(t, "expropriation")
	h.Sync(sim)
	p, _ := join(t, h.Server, "Ana", "")
	p.send(`{"type":"predict","answer":0}`)
	eventually(t, "a prediction before the worlds ran was not counted", func() bool { return h.View().Answered == 1 })
	sim.Apply(classroom.Intent{Next: true})
	sim.Apply(classroom.Intent{Next: true})
	h.Sync(sim)
	late := []*phone{p}
	for i := range 19 {
		q, _ := joinAt(t, h.Server, loopback(i), fmt.Sprintf("late %d", i), "")
		late = append(late, q)
	}
	for _, q := range late {
		q.send(`{"type":"predict","answer":2}`)
		if m := q.next("error"); !strings.Contains(m["text"].(string), "predictions are closed") {
			t.Fatalf("a late prediction: %v", m)
		}
	}
	if v := h.View(); v.Answers[0] != 1 || v.Answers[2] != 0 {
		t.Fatalf("the late prediction counted: %v", v.Answers)
	}
}

// TestPlurality: the phones' answer is the one most gave, and none when
// they tie.
func TestPlurality(t *testing.T) {
	for _, c := range []struct {
		counts []int
		want   int
	}{{[]int{1, 5, 2}, 1}, {[]int{67, 67, 66}, -1}, {[]int{0, 3, 3}, -1}, {[]int{4}, 0}, {nil, -1}} {
		if got := classroom.Plurality(c.counts); got != c.want {
			t.Errorf("Plurality(%v) = %d, want %d", c.counts, got, c.want)
		}
	}
	if s := phones(lang.English, []string{"a", "b"}, Tally{Answered: 4, Answers: []int{2, 2}}); s != "The class was split: 2 a, 2 b." {
		t.Errorf("a tie on the phones: %q", s)
	}
}

// TestNames takes nicknames in any script and refuses control and
// direction characters.
func TestNames(t *testing.T) {
	for _, name := range []string{"Siobhán O'Neil", "O’Brien", "Zoë", "Łukasz", "Nguyễn Văn An", "محمد", "עדי",
		"山田太郎", "Дмитрий", "Ολυμπία", "नमस्ते", "ਸਿੰਘ", "😀", "Ana 👩🏽‍🚀", "🇬🇧 Sam", "Jean-Luc", "l·l", "Sam_2", "1️⃣"} {
		if got, err := cleanName(name); err != nil {
			t.Errorf("%q was refused: %v", name, err)
		} else if got == "" {
			t.Errorf("%q became empty", name)
		}
	}
	for _, name := range []string{"", "   ", strings.Repeat("a", MaxName+1), "a\x00b", "a\x07", "a\u202eb", "\u2066x\u2069",
		"a\u200fb", "a\u061cb", "<script>", "a\u0301\u0301\u0301\u0301\u0301\u0301b", "\u200d", "\xff", "a\ufeffb"} {
		if got, err := cleanName(name); err == nil {
			t.Errorf("%q was taken as %q", name, got)
		}
	}
	if got, _ := cleanName("  Zoe\u0308\u00a0 Li "); got != "Zoë Li" {
		t.Errorf("tidied: %q", got)
	}
}

// TestCommand runs the teacher's typed commands against a class.
func TestCommand(t *testing.T) {
	c := New("AB12", Config{Answers: []string{"a"}}, NewToken)
	for _, name := range []string{"Ana", "Bo"} {
		if _, _, err := c.JoinFrom("10.0.0.1", "AB12", name, ""); err != nil {
			t.Fatal(err)
		}
	}
	for _, step := range []struct{ cmd, want string }{
		{"roll", "2 joined, 2 online"},
		{"lock", "locked"},
		{"remove 1", "removed student 1"},
		{"remove 9", "no such student"},
		{"allow 40", "40 students"},
		{"allow -2", "allow N"},
		{"launch", "commands: lock"},
	} {
		if got := c.Command(step.cmd); !strings.Contains(got, step.want) {
			t.Errorf("%s: %q, want %q in it", step.cmd, got, step.want)
		}
	}
	if roll := c.Command("roll"); strings.Contains(roll, "Bo") || !strings.Contains(roll, "joining locked") || !strings.Contains(roll, "  2") {
		t.Errorf("the roll without names: %q", roll)
	}
	if roll := c.Command("roll names"); !strings.Contains(roll, "Bo") || strings.Contains(roll, "Ana") {
		t.Errorf("the roll with names: %q", roll)
	}
	if _, _, err := c.JoinFrom("10.0.0.2", "AB12", "Cy", ""); err != errLocked {
		t.Errorf("joining after lock: %v", err)
	}
	if c.Command("reset"); c.Tally().Joined != 0 || c.Limits().StudentsPerAddress != 40 {
		t.Errorf("after reset: %+v, %+v", c.Tally(), c.Limits())
	}
}

// TestTeach carries out the window's keys: a seat typed and Delete
// removes its student, J locks and opens joining, U lets the phones share
// one address and limits them again, Shift+J empties the roll.
func TestTeach(t *testing.T) {
	_, h := hosted(t, "expropriation")
	h.Class.Join(h.Class.Code(), "Ana", "")
	h.Class.Join(h.Class.Code(), "Bo", "")
	if !h.RemoveSeat(1) || h.RemoveSeat(1) || h.View().Joined != 1 || h.View().Roll[0].Name != "Bo" {
		t.Fatalf("removing seat 1: %+v", h.View().Roll)
	}
	for _, step := range []struct {
		do   classroom.Teaching
		want func(v classroom.ClassView) bool
	}{
		{classroom.ToggleLock, func(v classroom.ClassView) bool { return v.Locked }},
		{classroom.ToggleLock, func(v classroom.ClassView) bool { return !v.Locked }},
		{classroom.ToggleShared, func(v classroom.ClassView) bool {
			return v.Shared && h.Class.Limits().StudentsPerAddress == MaxStudents
		}},
		{classroom.ToggleShared, func(v classroom.ClassView) bool { return !v.Shared && h.Class.Limits() == DefaultLimits }},
		{classroom.NewRoll, func(v classroom.ClassView) bool { return v.Joined == 0 }},
	} {
		h.Teach(step.do)
		if v := h.View(); !step.want(v) {
			t.Errorf("after %d: %+v", step.do, v)
		}
	}
}

// TestIdleConnections: a keep-alive connection left idle after its page,
// and one that never sends its request's headers, are closed by the host.
func TestIdleConnections(t *testing.T) {
	idle, header := idleFor, headerWithin
	idleFor, headerWithin = 300*time.Millisecond, 300*time.Millisecond
	defer func() { idleFor, headerWithin = idle, header }()
	s := serve(t, Config{})
	addr := strings.TrimSuffix(strings.TrimPrefix(s.Page, "http://"), "/")
	for _, send := range []string{"GET / HTTP/1.1\r\nHost: " + addr + "\r\n\r\n", "GET / HTTP/1.1\r\nHost: "} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprint(c, send)
		start := time.Now()
		c.SetReadDeadline(start.Add(20 * time.Second)) // a bound on a hung test: the host should close it in 0.3 s
		n, err := io.Copy(io.Discard, c)
		if err != nil {
			t.Errorf("%q: the connection was not closed by the host: %v", send, err)
		}
		t.Logf("%q: %d bytes, closed after %v", send, n, time.Since(start))
	}
}
