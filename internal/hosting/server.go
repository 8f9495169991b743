package hosting

import (
	"bytes"
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
	"golang.org/x/time/rate"

	"commonwealth/internal/lang"
)

// The student's page: an html/template whose words (t "id") and script's
// words (.Script) are filled in the class's language.
//
//go:embed page.html
var pageHTML string

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{"t": lang.English.T}).Parse(pageHTML))

// pages are the page in each language, made when first asked for.
var pages sync.Map // language code → []byte

// scriptWords are the words the page's script says, by its name for them:
// each a message id and the names of the values it fills in ({name} in the
// page's text).
var scriptWords = map[string][2]string{
	"lost":        {"page_lost", ""},
	"unreachable": {"page_unreachable", ""},
	"joined":      {"page_joined", "Name:name"},
	"hello":       {"page_hello", "Name:name"},
	"rejoin":      {"page_rejoin", ""},
	"community":   {"page_community", "Community:community"},
	"follow":      {"page_follow", "Person:person"},
	"followInArm": {"page_follow_in_arm", "Person:person Arm:arm"},
	"person":      {"page_person", "Number:number"},
	"roundMine":   {"page_round_mine", "Community:community Seconds:seconds"},
	"roundOther":  {"page_round_other", "Community:community"},
	"typeCode":    {"page_type_code", ""},
}

// pageIn returns the student's page in tx's language.
func pageIn(tx *lang.Book) ([]byte, error) {
	if b, ok := pages.Load(tx.Code()); ok {
		return b.([]byte), nil
	}
	script := map[string]string{}
	for name, w := range scriptWords {
		var args []any
		for _, f := range strings.Fields(w[1]) {
			k, v, _ := strings.Cut(f, ":")
			args = append(args, k, "{"+v+"}")
		}
		script[name] = tx.T(w[0], args...)
	}
	t, err := pageTemplate.Clone()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Funcs(template.FuncMap{"t": tx.T}).Execute(&b, map[string]any{"Lang": tx.Code(), "Script": script}); err != nil {
		return nil, err
	}
	pages.Store(tx.Code(), b.Bytes())
	return b.Bytes(), nil
}

// Limits on each connection: what one phone, or one mischievous student,
// can ask of the host.
const (
	maxMessage   = 512              // bytes in a message from a phone
	joinWithin   = 10 * time.Second // to send the join message after connecting (the page sends it at once)
	writeWithin  = 5 * time.Second  // for a phone to take a message
	messageRate  = 5                // messages a second, sustained
	messageBurst = 10               // messages at once
	strikes      = 20               // messages over the rate, or not understood, before the connection is closed
)

// Limits on the time a connection may hold the host (variables only so
// that a test need not wait the full time).
var (
	idleFor      = 20 * time.Second // an idle keep-alive connection (after the page loaded) is closed
	headerWithin = 5 * time.Second  // for a request's headers to arrive
)

// Server serves the student's page and their WebSocket on the room's
// network.
type Server struct {
	Class *Class
	Page  string // the page's address without the code, http://host:port/
	srv   *http.Server
	ln    *capped
	hosts map[string]bool // the names a request's Host may give (with port)
	wg    sync.WaitGroup
	// state is the latest state message, sent to each student who joins;
	// behind, the students whose queue was full when it was sent.
	stateMu sync.Mutex
	state   []byte
	behind  []string
}

// Listen serves class on addr ("" for the machine's address on the room's
// network and a free port; "127.0.0.1:0" for tests). Requests must name
// the host by an address it serves (its IP address and port, or localhost
// for the loopback), so that a web page elsewhere cannot reach the class
// through a name of its own that points here (DNS rebinding).
func Listen(c *Class, addr string) (*Server, error) {
	host := ""
	if addr == "" {
		host = roomAddress()
		addr = net.JoinHostPort(host, "0")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("hosting: %w", err)
	}
	tcp := ln.Addr().(*net.TCPAddr)
	if host == "" {
		host = tcp.IP.String()
	}
	s := &Server{Class: c, hosts: served(tcp)}
	s.ln = newCapped(ln, func() int {
		l := c.Limits()
		return l.StudentsPerAddress*l.TabsPerStudent + 16 // every tab, and the page loads still open
	})
	s.Page = fmt.Sprintf("http://%s/", net.JoinHostPort(host, strconv.Itoa(tcp.Port)))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("GET /ws", s.socket)
	s.srv = &http.Server{Handler: s.checkHost(mux), ReadHeaderTimeout: headerWithin, IdleTimeout: idleFor, MaxHeaderBytes: 8 << 10}
	go s.srv.Serve(s.ln)
	return s, nil
}

// URL is the page's address with the class's code, for the QR code (the
// code may change: see Limits.NewCodeAfter).
func (s *Server) URL() string { return s.Page + "?code=" + s.Class.Code() }

// served returns the Host headers that name the listener: its address, or
// every address of the machine when it listens on all of them, and
// localhost when the loopback is among them.
func served(tcp *net.TCPAddr) map[string]bool {
	ips := []net.IP{tcp.IP}
	if tcp.IP.IsUnspecified() {
		ips = nil
		addrs, _ := net.InterfaceAddrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				ips = append(ips, n.IP)
			}
		}
	}
	port := strconv.Itoa(tcp.Port)
	hosts := map[string]bool{}
	for _, ip := range ips {
		hosts[net.JoinHostPort(ip.String(), port)] = true
		if ip.IsLoopback() {
			hosts[net.JoinHostPort("localhost", port)] = true
		}
	}
	return hosts
}

// checkHost refuses a request whose Host header does not name this host.
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hosts[strings.ToLower(r.Host)] {
			http.Error(w, "this is not the class's address: open the address on the board", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
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
	s.Class.CloseAll(message("bye", map[string]any{"text": s.Class.Lang().T("bye")}))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	s.wg.Wait()
	return err
}

func (s *Server) page(w http.ResponseWriter, _ *http.Request) {
	b, err := pageIn(s.Class.Lang())
	if err != nil {
		http.Error(w, "the page could not be made: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
}

// SetState sets the state every student sees (and a joining one gets
// first), and sends it to everyone online.
func (s *Server) SetState(msg []byte) {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	s.state = msg
	s.behind = s.Class.Broadcast(msg)
}

// CatchUp sends the latest state to the students whose queue was full
// when it was set, as their queues make room: a phone that fell behind
// still learns how the lesson ended. Each is tried once a call, so a
// phone that never reads costs one attempt a call, never a broadcast.
func (s *Server) CatchUp() {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	s.behind = slices.DeleteFunc(s.behind, func(token string) bool { return s.Class.Send(token, s.state) })
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
	Round  int    `json:"round"`
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
// counted by the rate limiter before it is read (so that bad JSON, binary
// frames and unknown fields cost a flood as much as good ones), while a
// writer sends it the class's. A connection that floods, or keeps sending
// what the page never sends, is closed.
func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil) // checks that the Origin, if any, is this Host
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
	st, out, err := s.Class.JoinFrom(remoteHost(r.RemoteAddr), join.Code, join.Name, join.Token)
	if err != nil {
		reply(message("refused", map[string]any{"text": spoken(s.Class.Lang(), err), "forget": forgets(err)}))
		conn.CloseNow() // the message said why; the page stops there
		return
	}
	defer s.Class.Leave(st.Token, out) // closes out: the writer ends
	if reply(message("welcome", welcome(st))) != nil {
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
	over, bad := 0, 0
	answer := func(text string) { s.Class.reply(st.Token, out, message("error", map[string]any{"text": text})) }
	for {
		typ, data, err := conn.Read(ctx)
		if err != nil {
			return
		}
		if !limit.Allow() {
			if over++; over > strikes {
				conn.CloseNow() // no handshake for a flood
				return
			}
			answer("slow down: that was not counted")
			continue
		}
		in, err := parse(typ, data)
		if err == nil {
			err = s.handle(st.Token, out, in)
		}
		var not *badMessage
		if errors.As(err, &not) {
			if bad++; bad > strikes {
				conn.CloseNow() // no page sends these
				return
			}
		}
		if err != nil {
			answer(spoken(s.Class.Lang(), err))
		}
	}
}

// spoken is an error as a phone shows it: a refusal in the class's
// language, anything else as it is.
func spoken(tx *lang.Book, err error) string {
	var r refusal
	if errors.As(err, &r) {
		return r.In(tx)
	}
	return err.Error()
}

// welcome is what a phone is told when it joins.
func welcome(st Student) map[string]any {
	return map[string]any{"token": st.Token, "name": st.Name, "seat": st.Seat, "community": st.Community,
		"person": st.Person, "answer": st.Answer, "refuse": st.Refuse}
}

// forgets reports whether a refusal means the phone's token is no use.
func forgets(err error) bool { return errors.Is(err, errRemoved) }

// badMessage is a message that is not one the page sends.
type badMessage struct{ why string }

func (b *badMessage) Error() string { return "a message the class did not understand: " + b.why }

// read reads one message and checks its form.
func read(ctx context.Context, conn *websocket.Conn) (inbound, error) {
	typ, data, err := conn.Read(ctx)
	if err != nil {
		return inbound{}, err
	}
	return parse(typ, data)
}

// parse checks a message's form.
func parse(typ websocket.MessageType, data []byte) (inbound, error) {
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
func (s *Server) handle(token string, out chan []byte, in inbound) error {
	switch in.Type {
	case "predict":
		return s.Class.Predict(token, in.Answer)
	case "refuse":
		return s.Class.Stance(token, in.Refuse)
	case "vote":
		return s.Class.Vote(token, in.Ballot, in.Yes)
	case "decide":
		return s.Class.DecideRound(token, in.Round, in.Refuse)
	case "ping":
		s.Class.reply(token, out, message("pong", map[string]any{"t": in.T}))
		return nil
	case "join":
		return &badMessage{"already joined"}
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
