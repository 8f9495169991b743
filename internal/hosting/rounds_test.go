package hosting

import (
	"strings"
	"sync"
	"testing"
	"time"

	"commonwealth/internal/classroom"
)

// fakeClock is a clock the test moves.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// untilRound plays sim, syncing the class, until a round holds its world.
func untilRound(t *testing.T, sim *classroom.Sim, h *Host) *classroom.Round {
	t.Helper()
	for sim.Round == nil {
		if sim.Done() {
			t.Fatal("the worlds ended with no data centre proposed in the class's world")
		}
		sim.Update()
		h.Sync(sim)
	}
	return sim.Round
}

// TestRounds: a data centre proposed to a community of the class's world
// holds it; only that community's residents may decide, in that round;
// when every resident online has decided the round closes and the
// community does as they said; at the deadline it closes as it stands
// (nobody decided: the model's rule); a year on each resident is told
// what came of their choice.
func TestRounds(t *testing.T) {
	sim, h := hosted(t, "datacenter-resistance", "people=400")
	clock := &fakeClock{now: time.Unix(1e9, 0)}
	h.Class.now = clock.Now
	h.Class.SetLimits(Limits{StudentsPerAddress: 5}) // all from the loopback
	h.Sync(sim)
	var phones []*phone
	for _, name := range []string{"A", "B", "C", "D", "E"} { // one in each of the five communities
		p, _ := join(t, h.Server, name, "")
		phones = append(phones, p)
	}
	sim.Apply(classroom.Intent{Explore: true})
	sim.Paused, sim.Speed = false, len(classroom.Speeds)-1

	r := untilRound(t, sim, h)
	resident, other := phones[r.Community], phones[(r.Community+1)%5]
	month := sim.Month()
	sim.Update()
	h.Sync(sim)
	if sim.Month() != month || sim.Round != r {
		t.Fatal("the round did not hold the world")
	}
	if v := h.View(); !strings.Contains(v.Round, "0 of its 1 residents have decided") {
		t.Errorf("the window says %q", v.Round)
	}
	other.send(`{"type":"decide","round":1,"refuse":true}`)
	if got := other.next("error")["text"]; got != errNotYours.Error() {
		t.Errorf("a student of another community deciding: %v", got)
	}
	resident.send(`{"type":"decide","round":7,"refuse":true}`)
	if got := resident.next("error")["text"]; got != errNoRound.Error() {
		t.Errorf("deciding in a round that is not open: %v", got)
	}
	resident.send(`{"type":"decide","round":1,"refuse":true}`)
	eventually(t, "the resident's decision was not counted", func() bool { return h.Class.Round().Said == 1 })
	h.Sync(sim)
	if sim.Round == r || len(sim.Decisions) != 1 {
		t.Fatal("every resident decided, and the round did not close")
	}
	if d := sim.Decisions[0]; !d.Decided || !d.Refused || !d.Known {
		t.Errorf("the community's decision: %+v", d)
	}
	if got := resident.next("decision")["text"].(string); !strings.Contains(got, "refused the data centre: 1 refuse, 0 accept") || !strings.Contains(got, "You said refuse.") {
		t.Errorf("the resident was told %q", got)
	}
	first := sim.Decisions[0]

	r = untilRound(t, sim, h)
	clock.add(time.Duration(sim.Scenario.Participation.Deadline) * time.Second)
	h.Sync(sim)
	if sim.Round == r {
		t.Fatal("the deadline passed, and the round did not close")
	}
	if d := sim.Decisions[1]; d.Decided {
		t.Errorf("nobody decided, yet the round says the residents did: %+v", d)
	}

	for sim.Month() < first.Month+consequenceMonths && !sim.Done() {
		if sim.Round != nil {
			sim.CloseRound(false, false)
		}
		sim.Update()
		h.Sync(sim)
	}
	if got := resident.next("aftermath")["text"].(string); !strings.Contains(got, "A year ago your community refused a data centre as you said") {
		t.Errorf("a year on, the resident was told %q", got)
	}

	for sim.Round == nil && !sim.Done() { // a round the teacher closes before the class was asked
		sim.Update()
	}
	if sim.Round == nil {
		t.Fatal("no round left to close early")
	}
	n := len(sim.Decisions)
	h.Decide(sim)
	if len(sim.Decisions) != n+1 || sim.Decisions[n].Decided {
		t.Errorf("a round closed before the class was asked: %+v", sim.Decisions[n:])
	}
}
