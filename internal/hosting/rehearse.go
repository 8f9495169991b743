package hosting

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"commonwealth/internal/classroom"
)

// Script is how a class hosted without a window runs: the stages move on
// by themselves, and bots may play students.
type Script struct {
	Bots       int           // simulated students
	PredictFor time.Duration // how long the question stays open (less when everyone joined has answered)
	VoteFor    time.Duration // how long a vote stays open (less when everyone joined has voted)
	Speed      int           // index into classroom.Speeds
	Stay       bool          // keep serving after the answer, until ctx ends
}

// tick is the pace of the window the script stands in for.
const tick = time.Second / 60

// Rehearse runs sim's lesson for the class h hosts, as a teacher pressing
// on would, with the script's bots, and writes what happens to log: for
// CI, and for a teacher's dry run with their own phone. It returns when
// the answer is shown (or, with Stay, when ctx ends).
func Rehearse(ctx context.Context, sim *classroom.Sim, h *Host, sc Script, log io.Writer) error {
	if sc.Bots > 0 { // the bots all come from this machine: its address may hold them all as well as its share
		l := h.Class.Limits()
		l.StudentsPerAddress += sc.Bots
		h.Class.SetLimits(l)
	}
	botCtx, stopBots := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { stopBots(); wg.Wait() }()
	for i := range sc.Bots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := &Bot{Name: fmt.Sprintf("bot %d", i+1), Seed: uint64(i + 1)}
			if err := b.Run(botCtx, h.Page, h.Class.Code()); err != nil && botCtx.Err() == nil {
				fmt.Fprintf(log, "bot %d: %v\n", i+1, err)
			}
		}()
	}
	sim.Speed = min(max(sc.Speed, 0), len(classroom.Speeds)-1)
	t := time.NewTicker(tick)
	defer t.Stop()
	var since time.Time // when the question or the vote opened
	said := ""
	say := func(s string) {
		if s != said {
			fmt.Fprintln(log, s)
			said = s
		}
	}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		v := h.View()
		in := classroom.Intent{}
		switch l := sim.Lesson; {
		case l != nil && l.Stage == classroom.StageTitle:
			in.Next, since = true, time.Now()
			say(fmt.Sprintf("the question: %s", l.Question))
		case l != nil && l.Stage == classroom.StagePredict:
			everyone := v.Joined >= sc.Bots && v.Joined > 0 && v.Answered == v.Joined
			if everyone || time.Since(since) >= sc.PredictFor {
				in.Next = true
				fmt.Fprintf(log, "predictions: %d of %d joined answered %v\n", v.Answered, v.Joined, v.Answers)
			}
		case sim.Ballot != nil:
			if since.IsZero() {
				since = time.Now()
			}
			if (v.Joined > 0 && v.Voted == v.Joined) || time.Since(since) >= sc.VoteFor {
				q := sim.Ballot.Vote
				h.Decide(sim)
				fmt.Fprintf(log, "vote %q of %d: %s\n", q, v.Joined, h.View().Result)
				since = time.Time{}
			}
		case l != nil && l.Stage == classroom.StageWatch && sim.Paused:
			in.TogglePause = true
		case l == nil && sim.Paused && !sim.Done():
			in.TogglePause = true
		}
		if err := sim.Apply(in); err != nil {
			return err
		}
		sim.Update()
		sim.Work()
		before := len(sim.Decisions)
		h.Sync(sim)
		if r := h.Class.Round(); len(sim.Decisions) > before && r != nil {
			d := sim.Decisions[len(sim.Decisions)-1]
			fmt.Fprintf(log, "round %d, month %d: %s\n", d.ID, d.Month, r.Result)
		}
		if l := sim.Lesson; l != nil && l.Stage == classroom.StageReveal {
			if a := l.Reveal.Answer(); a != nil {
				say(fmt.Sprintf("the answer over %d worlds: %s (the class said %s)", len(a.Diff), l.AnswerText(a.Outcome), prediction(l)))
				if !sc.Stay {
					return nil
				}
			}
		} else if l == nil && sim.Done() && !sc.Stay {
			return nil
		}
	}
}

// prediction is the class's prediction, in words.
func prediction(l *classroom.Lesson) string {
	if l.Prediction < 0 {
		return "nothing"
	}
	return l.Answers[l.Prediction]
}
