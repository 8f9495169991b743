package hosting

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/waitfor"
)

// classOfPhones is how many phones TestClassOfPhones opens.
const classOfPhones = 30

// browserPhone is one student's phone: a tab in a browser context of its
// own (its own localStorage, as another device has).
type browserPhone struct {
	ctx  context.Context
	name string
}

// room drives a hosted lesson as the window would, while the phones act on
// their own goroutines.
type room struct {
	t   *testing.T
	sim *classroom.Sim
	h   *Host
}

// tick is one update of the window: the Sim, its lesson's answer, the class.
func (r *room) tick() {
	r.sim.Update()
	r.sim.Work()
	r.h.Sync(r.sim)
}

// until runs the window until cond holds, failing the test (naming what)
// when the run's time is nearly out.
func (r *room) until(what string, cond func() bool) {
	r.t.Helper()
	waitfor.Until(r.t, what, func() bool { r.tick(); return cond() })
}

// each runs act on every phone at once, the window running meanwhile, and
// fails the test with the first phone's error.
func (r *room) each(what string, phones []*browserPhone, act func(i int, p *browserPhone) error) {
	r.t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, len(phones))
	for i, p := range phones {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := act(i, p); err != nil {
				errs <- fmt.Errorf("%s: %w", p.name, err)
			}
		}()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	r.until(what, func() bool {
		select {
		case <-finished:
			return true
		default:
			return false
		}
	})
	close(errs)
	if err := <-errs; err != nil {
		r.t.Fatalf("%s: %v", what, err)
	}
}

// shows waits until the phone's page makes the JavaScript expression true.
func (p *browserPhone) shows(expr string) error {
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(0)))
	return err
}

// TestClassOfPhones drives a hosted lesson (testdata/class.toml) with 30
// phones, each a headless Chromium tab with its own storage: they join;
// the teacher removes one, whose phone is told; the rest predict; in the
// first decision round the deciding community's residents refuse on their
// phones and are told how it ended (later rounds the teacher closes as
// they stand); 14 vote yes, 14 no and one abstains, and every phone is
// told the tie changes nothing; at the end every phone shows the answer
// and its student's verdict. Every step waits for events, within the
// time the run allows.
func TestClassOfPhones(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 30 browser tabs (about a minute)")
	}
	ctx := chromium(t)
	if err := chromedp.Do(ctx); err != nil { // the browser itself, before its contexts
		t.Fatal(err)
	}
	sim, h := hosted(t, "testdata/class.toml", "people=1000")
	h.Class.SetLimits(Limits{StudentsPerAddress: classOfPhones}) // every tab comes from the loopback
	r := &room{t: t, sim: sim, h: h}
	phones := make([]*browserPhone, classOfPhones)
	for i := range phones {
		pctx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		phones[i] = &browserPhone{ctx: pctx, name: fmt.Sprintf("Phone %d", i+1)}
	}
	h.Sync(sim)

	r.each("joining", phones, func(_ int, p *browserPhone) error {
		return chromedp.Do(p.ctx, chromedp.Navigate(h.URL()), chromedp.WaitVisible(chromedp.ID("name")),
			chromedp.SendKeys(chromedp.ID("name"), p.name), chromedp.Click(chromedp.ID("joinButton")),
			chromedp.WaitVisible(chromedp.CSS("#answers button")))
	})
	r.until("30 joined", func() bool { return h.View().Joined == classOfPhones })

	byName := map[string]*browserPhone{}
	for _, p := range phones {
		byName[p.name] = p
	}
	last := h.Class.Students()[classOfPhones-1] // the last to join
	if !h.RemoveSeat(last.Seat) {
		t.Fatal("the last seat could not be removed")
	}
	removed := byName[last.Name]
	r.each("the removed student told", []*browserPhone{removed}, func(_ int, p *browserPhone) error {
		return p.shows(`document.getElementById("status").textContent.includes("the teacher removed you")`)
	})
	r.until("29 in the roll", func() bool { return h.View().Joined == classOfPhones-1 })
	phones = slices.DeleteFunc(phones, func(p *browserPhone) bool { return p == removed })

	sim.Apply(classroom.Intent{Next: true}) // the question
	r.each("predicting", phones, func(i int, p *browserPhone) error {
		// the page draws the answers' buttons anew whenever the state changes: click in one step, then see it chosen
		b := `document.querySelector("#answers button:nth-child(` + strconv.Itoa(i%3+1) + `)")`
		if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](b+".click(), true")); err != nil {
			return err
		}
		return p.shows(b + `.className === "chosen"`)
	})
	r.until("29 predictions counted", func() bool { return h.View().Answered == len(phones) })

	sim.Apply(classroom.Intent{Next: true}) // the worlds start
	sim.Speed = len(classroom.Speeds) - 1
	rounds, voted := 0, false
	for !sim.Done() {
		r.until("a round, the vote or the end", func() bool { return sim.Round != nil || sim.Ballot != nil || sim.Done() })
		switch {
		case sim.Round != nil && rounds == 0:
			rounds++
			r.decide(phones)
		case sim.Round != nil:
			rounds++
			h.Decide(sim) // the teacher closes it as it stands
		case sim.Ballot != nil:
			voted = true
			r.vote(phones)
		}
	}
	if rounds == 0 || !voted {
		t.Fatalf("the lesson ran with %d rounds and a vote %v: the test needs both", rounds, voted)
	}
	sim.Apply(classroom.Intent{Next: true}) // the answer
	r.until("the answer", func() bool { a := sim.Lesson.Reveal.Answer(); return a != nil })
	r.each("the answer on every phone", phones, func(_ int, p *browserPhone) error {
		return p.shows(`!document.getElementById("result").classList.contains("hidden") && document.getElementById("verdict").textContent.startsWith("You predicted")`)
	})
	t.Logf("%d phones, %d rounds, a tied vote, the answer on every phone", len(phones), rounds)
}

// decide has the residents of the deciding community refuse on their
// phones, waits for the round to close as they said, and for each of them
// to be told.
func (r *room) decide(phones []*browserPhone) {
	r.t.Helper()
	round := *r.sim.Round
	var residents []*browserPhone
	for _, st := range r.h.Class.Students() {
		if i := slices.IndexFunc(phones, func(p *browserPhone) bool { return p.name == st.Name }); i >= 0 && st.Community == round.Community {
			residents = append(residents, phones[i])
		}
	}
	r.each("the residents deciding", residents, func(_ int, p *browserPhone) error {
		return chromedp.Do(p.ctx, chromedp.WaitVisible(chromedp.ID("roundRefuse")), chromedp.Click(chromedp.ID("roundRefuse")))
	})
	r.until("the round closing", func() bool { return r.sim.Round == nil || r.sim.Round.ID != round.ID })
	if d := r.sim.Decisions[0]; !d.Decided || !d.Refused {
		r.t.Fatalf("every resident refused; the round ended %+v", d)
	}
	want := fmt.Sprintf("Community %d refused the data centre: %d refuse, 0 accept. You said refuse.", round.Community+1, len(residents))
	r.each("the residents told", residents, func(_ int, p *browserPhone) error {
		return p.shows(`document.getElementById("roundResult").textContent === ` + strconv.Quote(want))
	})
}

// vote has 14 phones vote yes, 14 no and one abstain, closes the vote, and
// waits for every phone to say it was a tie.
func (r *room) vote(phones []*browserPhone) {
	r.t.Helper()
	half := len(phones) / 2
	r.each("voting", phones[:2*half], func(i int, p *browserPhone) error {
		button := "yes"
		if i >= half {
			button = "no"
		}
		return chromedp.Do(p.ctx, chromedp.WaitVisible(chromedp.ID(button)), chromedp.Click(chromedp.ID(button)))
	})
	r.until("the votes counted", func() bool { return r.h.View().Voted == 2*half })
	r.h.Decide(r.sim)
	want := Outcome(lang.English, half, half)
	r.each("the tie on every phone", phones, func(_ int, p *browserPhone) error {
		return p.shows(`document.getElementById("ballotResult").textContent === ` + strconv.Quote(want))
	})
}
