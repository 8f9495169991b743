// Package hosting hosts a class in a lesson: students join from their own
// phones over the room's network (a web page and a WebSocket served by the
// window, or by `headless host`), answer the lesson's question, live in a
// community of the class's world and vote on its data centres, vote on the
// events the scenario offers, and follow a person of the world. Nothing
// about a student is kept but the nickname they type, in memory, for the
// lesson's length.
package hosting

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Limits on what a room can do to the host.
const (
	MaxStudents = 500 // students in a class
	MaxName     = 24  // characters in a nickname
	outQueue    = 64  // messages waiting for a slow phone; beyond, the oldest kind are dropped
)

// Config is what the class can do in the world it is given.
type Config struct {
	Communities int      // communities the students live in (0: none)
	People      int      // persons they may follow (0: none)
	Answers     []string // the lesson's answers to predict from (nil: no prediction)
}

// Class is the students of a hosted lesson and what each has said. Its
// methods are safe to call from the server's goroutines and the window's
// at once.
type Class struct {
	mu       sync.Mutex
	code     string
	cfg      Config
	students map[string]*Student // by token
	order    []*Student          // in the order they joined
	ballot   *Ballot
	changed  int // bumped on every change a tally would show
	tokens   func() string
}

// Student is one student: who, where they live, whom they follow, what
// they said.
type Student struct {
	Token     string
	Name      string
	Community int  // the community they live in, or −1
	Person    int  // the person they follow, or −1
	Answer    int  // their prediction, an index of the answers, or −1
	Refuse    int  // their stance on data centres in their community: 1 refuse, 0 accept, −1 unsaid
	Online    bool // connected now
	Joins     int  // connections so far: a phone that has just (re)joined has no history yet
	votes     map[int]bool
	out       chan []byte
}

// Ballot is a vote the class is taking.
type Ballot struct {
	ID       int
	Question string
	Open     bool
}

// New returns an empty class that joins with code.
func New(code string, cfg Config, tokens func() string) *Class {
	return &Class{code: code, cfg: cfg, students: map[string]*Student{}, tokens: tokens}
}

// Code is what students type to join.
func (c *Class) Code() string { return c.code }

// errors a student's phone shows.
var (
	errCode = errors.New("that is not this class's code: check the code on the board")
	errFull = fmt.Errorf("the class is full (%d students)", MaxStudents)
	errName = fmt.Errorf("a nickname is 1 to %d letters, digits or spaces", MaxName)
)

// cleanName checks a nickname and trims it.
func cleanName(name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" || utf8.RuneCountInString(name) > MaxName || !utf8.ValidString(name) {
		return "", errName
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && r != '-' && r != '_' && r != '.' {
			return "", errName
		}
	}
	return name, nil
}

// Join admits a student: with a token the class knows, the same student
// again (a reconnection); otherwise a new one, whose nickname is made
// unique. It returns a copy of the student and the queue of their
// messages.
func (c *Class) Join(code, name, token string) (Student, chan []byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.students[token]; ok && token != "" {
		if s.out != nil {
			close(s.out) // the same student on a new connection: the old one ends
		}
		s.Online = true
		s.Joins++
		s.out = make(chan []byte, outQueue)
		c.changed++
		return *s, s.out, nil
	}
	if !strings.EqualFold(strings.TrimSpace(code), c.code) {
		return Student{}, nil, errCode
	}
	name, err := cleanName(name)
	if err != nil {
		return Student{}, nil, err
	}
	if len(c.order) >= MaxStudents {
		return Student{}, nil, errFull
	}
	unique := name
	for n := 2; c.taken(unique); n++ {
		unique = fmt.Sprintf("%s %d", name, n)
	}
	s := &Student{Token: c.tokens(), Name: unique, Community: -1, Person: -1, Answer: -1, Refuse: -1,
		Online: true, Joins: 1, votes: map[int]bool{}, out: make(chan []byte, outQueue)}
	c.place(s, len(c.order))
	c.students[s.Token] = s
	c.order = append(c.order, s)
	c.changed++
	return *s, s.out, nil
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
	c.cfg, c.ballot = cfg, nil
	for k, s := range c.order {
		c.place(s, k)
		s.Answer, s.Refuse, s.votes = -1, -1, map[int]bool{}
	}
	c.changed++
}

// Leave marks a student offline; what they said still counts.
func (c *Class) Leave(token string, out chan []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.students[token]; ok && s.out == out {
		s.Online, s.out = false, nil
		c.changed++
	}
}

// errors of what students send.
var (
	errNotJoined = errors.New("join first")
	errNoAnswer  = errors.New("there is no such answer")
	errNoVote    = errors.New("that vote is closed")
	errNoPlace   = errors.New("you do not live in a community of this world")
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

// Predict records a student's answer; a later one replaces it.
func (c *Class) Predict(token string, answer int) error {
	return c.change(token, func(s *Student) error {
		if answer < 0 || answer >= len(c.cfg.Answers) {
			return errNoAnswer
		}
		s.Answer = answer
		return nil
	})
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

// Close ends the open ballot and returns its count.
func (c *Class) Close() (yes, no int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ballot == nil {
		return 0, 0
	}
	yes, no = c.count(c.ballot.ID)
	c.ballot.Open = false
	c.changed++
	return yes, no
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

// Tally is what the class has said, for the teacher's screen.
type Tally struct {
	Joined, Online int
	Answered       int
	Answers        []int // students giving each answer
	Refuse, Accept []int // residents for and against data centres, a community
	Ballot         *Ballot
	Yes, No        int
	Changed        int // differs when anything in the tally may have
}

// Tally counts what the class has said.
func (c *Class) Tally() Tally {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := Tally{Joined: len(c.order), Answers: make([]int, len(c.cfg.Answers)),
		Refuse: make([]int, c.cfg.Communities), Accept: make([]int, c.cfg.Communities), Changed: c.changed}
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
	}
	return out
}

// queue puts a message in a student's queue, dropping it when the queue is
// full (a phone that cannot keep up misses updates, which the next
// replaces, rather than holding up the host). The caller holds c.mu.
func (s *Student) queue(msg []byte) {
	if s.out == nil {
		return
	}
	select {
	case s.out <- msg:
	default:
	}
}

// Send queues a message for a student's phone.
func (c *Class) Send(token string, msg []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.students[token]; ok {
		s.queue(msg)
	}
}

// Broadcast queues a message for every phone online.
func (c *Class) Broadcast(msg []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.order {
		s.queue(msg)
	}
}

// CloseAll sends every phone a last message and ends its queue: the host
// is going.
func (c *Class) CloseAll(msg []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.order {
		if s.out != nil {
			s.queue(msg)
			close(s.out)
			s.out, s.Online = nil, false
		}
	}
}
