// Package hosting hosts a class in a lesson: students join from their own
// phones over the room's network (a web page and a WebSocket served by the
// window, or by `headless host`), answer the lesson's question, live in a
// community of the class's world and vote on its data centres, vote on the
// events the scenario offers, and follow a person of the world. Nothing
// about a student is kept but the nickname they type, in memory, for the
// lesson's length.
package hosting

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"commonwealth/internal/lang"
)

// Limits on what a room can do to the host.
const (
	MaxStudents = 500 // students in a class
	MaxName     = 24  // characters in a nickname
	outQueue    = 64  // messages waiting for a slow phone; beyond, the oldest kind are dropped
)

// Config is what the class can do in the world it is given.
type Config struct {
	Communities int        // communities the students live in (0: none)
	People      int        // persons they may follow (0: none)
	Answers     []string   // the lesson's answers to predict from (nil: no prediction)
	Lang        *lang.Book // the language the phones are spoken to in (nil: English)
}

// Limits are what one network address may do to a class. The zero value
// of a field means its default.
type Limits struct {
	// StudentsPerAddress is how many students may join from one network
	// address (removed ones still count, until the roll is reset). Phones
	// on the room's own network each have their own address, so the
	// default is small: a student's phone and laptop and a spare. A class
	// whose phones all reach the host through one router doing NAT (the
	// host on another network, or a school proxy) shares one address: set
	// it to the class's size (`headless host --per-address 40`).
	StudentsPerAddress int
	// TabsPerStudent is how many connections one student may hold at once
	// (tabs of one browser share a student).
	TabsPerStudent int
	// FreeGuesses is how many wrong codes an address may send before it
	// must wait; each wrong code beyond doubles the wait, from a second to
	// MaxWait.
	FreeGuesses int
	MaxWait     time.Duration
	// NewCodeAfter is how many wrong codes the class takes, from every
	// address together, before its code changes (those who joined stay
	// joined: their phones rejoin by token).
	NewCodeAfter int
}

// DefaultLimits are the limits of a class whose Limits are zero.
var DefaultLimits = Limits{StudentsPerAddress: 4, TabsPerStudent: 4, FreeGuesses: 3, MaxWait: time.Minute, NewCodeAfter: 100}

// or returns l with every zero field set to its default.
func (l Limits) or(d Limits) Limits {
	pick := func(v, dv int) int {
		if v > 0 {
			return v
		}
		return dv
	}
	l.StudentsPerAddress = pick(l.StudentsPerAddress, d.StudentsPerAddress)
	l.TabsPerStudent = pick(l.TabsPerStudent, d.TabsPerStudent)
	l.FreeGuesses = pick(l.FreeGuesses, d.FreeGuesses)
	l.NewCodeAfter = pick(l.NewCodeAfter, d.NewCodeAfter)
	if l.MaxWait <= 0 {
		l.MaxWait = d.MaxWait
	}
	return l
}

// Class is the students of a hosted lesson and what each has said. Its
// methods are safe to call from the server's goroutines and the window's
// at once.
type Class struct {
	mu          sync.Mutex
	code        string
	cfg         Config
	limits      Limits
	students    map[string]*Student // by token
	order       []*Student          // in the order they joined
	ballot      *Ballot
	round       *round // the decision round, open or last closed; nil before the first
	changed     int    // bumped on every change a tally would show
	tokens      func() string
	codes       func() string    // new join codes, when the code must change
	now         func() time.Time // the clock of the guesses' back-off
	locked      bool             // no new students
	predict     bool             // predictions are taken
	admitted    map[string]int   // students admitted from each address since the roll began
	barred      map[string]bool  // tokens of removed students
	guesses     guesses          // wrong codes, by address
	wrong       int              // wrong codes since the code was made
	codeChanges int              // times the code changed for guessing
	refused     int              // joins refused for the limit per address since the roll began
	seats       int              // seats given since the class began
}

// Student is one student: who, where they live, whom they follow, what
// they said.
type Student struct {
	Token     string
	Name      string
	Seat      int  // their number in the roll, in the order they joined
	Community int  // the community they live in, or −1
	Person    int  // the person they follow, or −1
	Answer    int  // their prediction, an index of the answers, or −1
	Refuse    int  // their stance on data centres in their community: 1 refuse, 0 accept, −1 unsaid
	Online    bool // connected now, in one tab or more
	Joins     int  // connections so far: a phone that has just (re)joined has no history yet
	votes     map[int]bool
	outs      []chan []byte // a queue for each connection (tab) open now
}

// Ballot is a vote the class is taking, or has taken.
type Ballot struct {
	ID       int
	Question string
	Open     bool
	Yes, No  int    // the count, once closed
	Result   string // how it ended, in words, once closed
}

// New returns an empty class that joins with code, with the default
// limits.
func New(code string, cfg Config, tokens func() string) *Class {
	return &Class{code: code, cfg: cfg, limits: DefaultLimits, students: map[string]*Student{}, tokens: tokens,
		codes: NewCode, now: time.Now, predict: true, admitted: map[string]int{}, barred: map[string]bool{},
		guesses: guesses{}}
}

// SetLimits changes the limits per address (zero fields: the defaults).
func (c *Class) SetLimits(l Limits) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.limits = l.or(DefaultLimits)
}

// Limits returns the class's limits per address.
func (c *Class) Limits() Limits {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.limits
}

// Code is what students type to join.
func (c *Class) Code() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.code
}

// refusal is an error a student's phone shows: the id of its message.
type refusal string

// Error is the refusal in English.
func (r refusal) Error() string { return r.In(lang.English) }

// In is the refusal in a language.
func (r refusal) In(tx *lang.Book) string {
	return tx.T(string(r), "Students", MaxStudents, "Letters", MaxName)
}

// errors a student's phone shows.
const (
	errCode    = refusal("refused_code")
	errFull    = refusal("refused_full")
	errName    = refusal("refused_name")
	errLocked  = refusal("refused_locked")
	errAddress = refusal("refused_address")
	errTabs    = refusal("refused_tabs")
	errRemoved = refusal("refused_removed")
)

// Join admits a student from nowhere in particular (the window's own
// tests and tools): see JoinFrom.
func (c *Class) Join(code, name, token string) (Student, chan []byte, error) {
	return c.JoinFrom("", code, name, token)
}

// JoinFrom admits a student connecting from the network address addr
// ("": no limits per address): with a token the class knows, the same
// student again, in another tab or after a reconnection; otherwise a new
// one, whose nickname is made unique, if the class is open, the code is
// right and the address has not used its allowance. It returns a copy of
// the student and the queue of this connection's messages.
func (c *Class) JoinFrom(addr, code, name, token string) (Student, chan []byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.students[token]; ok && token != "" {
		if len(s.outs) >= c.limits.TabsPerStudent {
			return Student{}, nil, errTabs
		}
		out := make(chan []byte, outQueue)
		s.outs = append(s.outs, out)
		s.Online = true
		s.Joins++
		c.changed++
		return *s, out, nil
	}
	if c.barred[token] {
		return Student{}, nil, errRemoved
	}
	if c.locked {
		return Student{}, nil, errLocked
	}
	if err := c.checkCode(addr, code); err != nil {
		return Student{}, nil, err
	}
	name, err := cleanName(name)
	if err != nil {
		return Student{}, nil, err
	}
	if len(c.order) >= MaxStudents {
		return Student{}, nil, errFull
	}
	if addr != "" && c.admitted[addr] >= c.limits.StudentsPerAddress {
		c.refused++
		c.changed++
		return Student{}, nil, errAddress
	}
	if addr != "" {
		c.admitted[addr]++
	}
	unique := name
	for n := 2; c.taken(unique); n++ {
		unique = fmt.Sprintf("%s %d", name, n)
	}
	out := make(chan []byte, outQueue)
	s := &Student{Token: c.tokens(), Name: unique, Community: -1, Person: -1, Answer: -1, Refuse: -1,
		Online: true, Joins: 1, votes: map[int]bool{}, outs: []chan []byte{out}}
	c.seats++
	s.Seat = c.seats
	c.place(s, len(c.order))
	c.students[s.Token] = s
	c.order = append(c.order, s)
	c.changed++
	return *s, out, nil
}

// place gives the k'th student to join their community (in turn) and their
// person (spread over the world, each a different one while there are
// people enough).
func (c *Class) place(s *Student, k int) {
	s.Community, s.Person = -1, -1
	if n := c.cfg.Communities; n > 0 {
		s.Community = k % n
	}
	if n := c.cfg.People; n > 0 {
		s.Person = int((int64(k)*7919 + 17) % int64(n)) // 7919 is prime: distinct for the first n students when n is not its multiple
	}
}

func (c *Class) taken(name string) bool {
	for _, s := range c.order {
		if strings.EqualFold(s.Name, name) {
			return true
		}
	}
	return false
}

// Reconfigure gives the class another world (the teacher opened another
// scenario): every student is placed again, and their answers and votes
// are cleared.
func (c *Class) Reconfigure(cfg Config) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cfg, c.ballot, c.round, c.predict = cfg, nil, nil, true
	for k, s := range c.order {
		c.place(s, k)
		s.Answer, s.Refuse, s.votes = -1, -1, map[int]bool{}
	}
	c.changed++
}

// Leave ends one connection of a student: its queue is closed (so its
// writer ends) and the student is offline once no tab is left; what they
// said still counts.
func (c *Class) Leave(token string, out chan []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.students[token]
	if !ok {
		return // removed, or the roll reset: the queue was closed then
	}
	if i := slices.Index(s.outs, out); i >= 0 {
		close(out)
		s.outs = slices.Delete(s.outs, i, i+1)
		s.Online = len(s.outs) > 0
		c.changed++
	}
}

// end sends a student's every connection a last message and closes it.
// The caller holds c.mu.
func (s *Student) end(msg []byte) {
	for _, out := range s.outs {
		put(out, msg)
		close(out)
	}
	s.outs, s.Online = nil, false
}

// errors of what students send.
const (
	errNotJoined = refusal("refused_not_joined")
	errNoAnswer  = refusal("refused_no_answer")
	errNoVote    = refusal("refused_vote_closed")
	errNoPlace   = refusal("refused_no_community")
	errPredicted = refusal("refused_predictions_closed")
)

// change carries out a change a student asks for, under the lock, and
// marks the tally changed when it is made.
func (c *Class) change(token string, do func(s *Student) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.students[token]
	if !ok {
		return errNotJoined
	}
	if err := do(s); err != nil {
		return err
	}
	c.changed++
	return nil
}

// Predict records a student's answer; a later one replaces it, while
// predictions are open.
func (c *Class) Predict(token string, answer int) error {
	return c.change(token, func(s *Student) error {
		switch {
		case !c.predict:
			return errPredicted
		case answer < 0 || answer >= len(c.cfg.Answers):
			return errNoAnswer
		}
		s.Answer = answer
		return nil
	})
}

// SetPredicting opens or closes the predictions: the host closes them when
// the worlds start, so that nobody predicts what they have seen.
func (c *Class) SetPredicting(open bool) { c.set(&c.predict, open) }

// set turns one of the class's switches, marking the tally changed if it
// changes.
func (c *Class) set(flag *bool, on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if *flag != on {
		*flag = on
		c.changed++
	}
}

// Stance records whether a student would refuse data centres in their
// community.
func (c *Class) Stance(token string, refuse bool) error {
	return c.change(token, func(s *Student) error {
		if s.Community < 0 {
			return errNoPlace
		}
		s.Refuse = 0
		if refuse {
			s.Refuse = 1
		}
		return nil
	})
}

// Vote records a student's vote on the open ballot; a later one replaces
// it, so each student counts once.
func (c *Class) Vote(token string, ballot int, yes bool) error {
	return c.change(token, func(s *Student) error {
		if c.ballot == nil || !c.ballot.Open || c.ballot.ID != ballot {
			return errNoVote
		}
		s.votes[ballot] = yes
		return nil
	})
}

// Open starts a ballot.
func (c *Class) Open(id int, question string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ballot = &Ballot{ID: id, Question: question, Open: true}
	c.changed++
}

// Close ends the open ballot and returns its count; the ballot keeps the
// count and how it ended (Outcome) for every phone to be told.
func (c *Class) Close() (yes, no int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ballot == nil {
		return 0, 0
	}
	if c.ballot.Open {
		yes, no = c.count(c.ballot.ID)
		c.ballot.Open, c.ballot.Yes, c.ballot.No, c.ballot.Result = false, yes, no, Outcome(c.cfg.tx(), yes, no)
		c.changed++
	}
	return c.ballot.Yes, c.ballot.No
}

// Outcome says how a vote ended: a majority either way, or a tie, which
// is announced as one (and changes nothing: the motion needs a majority).
func Outcome(tx *lang.Book, yes, no int) string {
	id := "vote_tie"
	switch {
	case yes+no == 0:
		id = "vote_nobody"
	case yes > no:
		id = "vote_yes"
	case no > yes:
		id = "vote_no"
	}
	return tx.T(id, "Yes", yes, "No", no)
}

// Lang returns the book of the class's language.
func (c *Class) Lang() *lang.Book {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cfg.tx()
}

// tx returns the book of the language cfg gives (English if none).
func (cfg Config) tx() *lang.Book {
	if cfg.Lang != nil {
		return cfg.Lang
	}
	return lang.English
}

func (c *Class) count(id int) (yes, no int) {
	for _, s := range c.order {
		if v, ok := s.votes[id]; ok && v {
			yes++
		} else if ok {
			no++
		}
	}
	return yes, no
}

// Tally is what the class has said, for the host (the window shows only
// what View lets it).
type Tally struct {
	Joined, Online int
	Answered       int
	Answers        []int // students giving each answer
	Refuse, Accept []int // residents for and against data centres, a community
	Ballot         *Ballot
	Yes, No        int  // the ballot's votes so far
	Voted          int  // students who have voted on the ballot
	Locked         bool // no new students
	Predicting     bool // predictions are taken
	Refused        int  // joins refused for the limit per address
	Changed        int  // differs when anything in the tally may have
}

// Tally counts what the class has said.
func (c *Class) Tally() Tally {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := Tally{Joined: len(c.order), Answers: make([]int, len(c.cfg.Answers)),
		Refuse: make([]int, c.cfg.Communities), Accept: make([]int, c.cfg.Communities), Changed: c.changed,
		Locked: c.locked, Predicting: c.predict, Refused: c.refused}
	for _, s := range c.order {
		if s.Online {
			t.Online++
		}
		if s.Answer >= 0 && s.Answer < len(t.Answers) {
			t.Answers[s.Answer]++
			t.Answered++
		}
		if s.Community >= 0 && s.Community < c.cfg.Communities {
			switch s.Refuse {
			case 1:
				t.Refuse[s.Community]++
			case 0:
				t.Accept[s.Community]++
			}
		}
	}
	if c.ballot != nil {
		b := *c.ballot
		t.Ballot = &b
		t.Yes, t.No = c.count(b.ID)
		t.Voted = t.Yes + t.No
	}
	return t
}

// Voice returns, a community, the share of its residents in the class who
// would refuse a data centre, NaN where none has said.
func (t Tally) Voice() []float64 {
	v := make([]float64, len(t.Refuse))
	for c := range v {
		v[c] = math.NaN()
		if n := t.Refuse[c] + t.Accept[c]; n > 0 {
			v[c] = float64(t.Refuse[c]) / float64(n)
		}
	}
	return v
}

// Students returns a copy of every student, in the order they joined.
func (c *Class) Students() []Student {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Student, len(c.order))
	for i, s := range c.order {
		out[i] = *s
		out[i].outs = nil
	}
	return out
}

// queue puts a message in each of a student's queues, dropping it from a
// full one (a phone that cannot keep up misses updates, which the next
// replaces, rather than holding up the host). The caller holds c.mu.
// It reports whether every queue took it.
func (s *Student) queue(msg []byte) bool {
	all := true
	for _, out := range s.outs {
		all = put(out, msg) && all
	}
	return all
}

// put queues msg unless the queue is full, and reports whether it did.
// The caller holds c.mu.
func put(out chan []byte, msg []byte) bool {
	select {
	case out <- msg:
		return true
	default:
		return false
	}
}

// Send queues a message for a student's phone. It reports whether the
// student is in the class and every tab of theirs took it (a message that
// is not replaced by the next, such as the verdict on a prediction, is
// sent again when one was full).
func (c *Class) Send(token string, msg []byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.students[token]; ok {
		return s.queue(msg)
	}
	return false
}

// reply queues a message for one connection of a student (the answer to
// what it sent), if it is still open.
func (c *Class) reply(token string, out chan []byte, msg []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.students[token]; ok && slices.Contains(s.outs, out) {
		put(out, msg)
	}
}

// Broadcast queues a message for every phone online, and returns the
// tokens of the students one of whose queues was full.
func (c *Class) Broadcast(msg []byte) (missed []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.order {
		if !s.queue(msg) {
			missed = append(missed, s.Token)
		}
	}
	return missed
}

// CloseAll sends every phone a last message and ends its queue: the host
// is going.
func (c *Class) CloseAll(msg []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.order {
		s.end(msg)
	}
}
