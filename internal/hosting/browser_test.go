package hosting

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/waitfor"
)

// chromium returns a context of headless Chromium for the test, which
// ends with it.
func chromium(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		msg := "the student page's test needs Debian's chromium: apt-get install chromium (.ci/run installs it)"
		if os.Getenv("COMMONWEALTH_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip("skipped: " + msg)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-background-networking", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancel := context.WithTimeout(ctx, waitfor.Budget(t)) // as long as the run allows
	t.Cleanup(func() { cancel(); cancelBrowser(); cancelAlloc() })
	return ctx
}

// TestStudentPage opens the student's page in headless Chromium on the
// loopback, as a phone would: it joins with a nickname, answers the
// lesson's question, votes when the class is offered a vote, rejoins as
// the same student after a reload and in a second tab, is told how the
// vote ended, joins again when the teacher empties the roll, and is told
// when the host goes. The host's tally changes at each step.
func TestStudentPage(t *testing.T) {
	ctx := chromium(t)
	sim, h := hosted(t, "expropriation")
	h.Sync(sim)
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(id string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	waitFor := func(what string, cond func(v classroom.ClassView) bool) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); !cond(h.View()); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the host's tally is %+v", what, h.View())
			}
		}
	}

	run("joining", chromedp.Navigate(h.URL()), chromedp.WaitVisible(chromedp.ID("name")),
		chromedp.SendKeys(chromedp.ID("name"), "Rosa"), chromedp.Click(chromedp.ID("joinButton")),
		chromedp.WaitVisible(chromedp.CSS("#answers button")))
	waitFor("joining", func(v classroom.ClassView) bool { return v.Joined == 1 })
	run("answering", chromedp.Click(chromedp.CSS("#answers button:nth-child(2)")))
	waitFor("answering", func(v classroom.ClassView) bool { return v.Answered == 1 && v.Answers[1] == 1 })

	sim.Apply(classroom.Intent{Next: true})
	sim.Apply(classroom.Intent{Next: true})
	for sim.Ballot == nil {
		sim.StepMonth()
	}
	h.Sync(sim)
	run("voting", chromedp.WaitVisible(chromedp.ID("yes")), chromedp.Click(chromedp.ID("yes")))
	waitFor("voting", func(v classroom.ClassView) bool { return v.Voted == 1 && v.Yes == 0 && v.No == 0 }) // the count is hidden while the vote is open

	run("reloading", chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("hello")))
	if hello := text("hello"); hello != "Hello, Rosa" {
		t.Errorf("after a reload the page says %q", hello)
	}
	waitFor("rejoining", func(v classroom.ClassView) bool { return v.Joined == 1 && v.Voted == 1 })

	tab, closeTab := chromedp.NewContext(ctx) // a second tab of the same browser shares its storage: the same student
	defer closeTab()
	if err := chromedp.Do(tab, chromedp.Navigate(h.Page), chromedp.WaitVisible(chromedp.ID("hello"))); err != nil {
		t.Fatalf("a second tab: %v", err)
	}
	if hello, err := chromedp.Run(tab, chromedp.Text(chromedp.ID("hello"))); err != nil || hello != "Hello, Rosa" {
		t.Errorf("the second tab says %q (%v)", hello, err)
	}
	waitFor("a second tab", func(v classroom.ClassView) bool { return v.Joined == 1 && v.Online == 1 })

	h.Decide(sim)
	h.Sync(sim)
	for _, c := range []context.Context{ctx, tab} { // every tab is told how the vote ended
		if _, err := chromedp.Run(c, chromedp.Poll[bool](`document.getElementById("ballotResult").textContent.includes("The class voted yes: 1 yes, 0 no")`)); err != nil {
			t.Fatalf("the vote's end on the phone: %v", err)
		}
	}

	h.Class.Reset() // the teacher begins the roll again: the page shows the join form, nickname and code filled in
	run("joining again", chromedp.WaitVisible(chromedp.ID("joinButton")), chromedp.Click(chromedp.ID("joinButton")),
		chromedp.WaitVisible(chromedp.ID("hello")))
	waitFor("joining again", func(v classroom.ClassView) bool {
		return v.Joined == 1 && v.Roll[0].Seat == 2 && v.Roll[0].Name == "Rosa"
	})

	h.Close()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("status").textContent.includes("closed the class")`)); err != nil {
		t.Fatalf("the host going: %v", err)
	}
	if status := text("status"); !strings.Contains(status, "closed the class") {
		t.Errorf("when the host went, the page said %q", status)
	}
}

// TestStudentVerdict opens the student's page in a lesson without a
// [participation] table: the phone predicts, follows a person named by a
// short name, and at the answer says what its student predicted and
// whether the worlds bore it out.
func TestStudentVerdict(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a browser (4 s); TestVerdicts checks the same messages without one")
	}
	ctx := chromium(t)
	sim, h := hosted(t, "boltzmann")
	h.Sync(sim)
	l := sim.Lesson
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	run("joining", chromedp.Navigate(h.URL()), chromedp.WaitVisible(chromedp.ID("name")),
		chromedp.SendKeys(chromedp.ID("name"), "Femi"), chromedp.Click(chromedp.ID("joinButton")),
		chromedp.WaitVisible(chromedp.CSS("#answers button")))
	run("answering", chromedp.Click(chromedp.CSS("#answers button:nth-child(1)")))
	eventually(t, "the answer was not counted", func() bool { return h.View().Answered == 1 })
	waitfor.Until(t, "the lesson's answer", func() bool { return l.Reveal.Answer() != nil })
	sim.Apply(classroom.Intent{Next: true})
	sim.Apply(classroom.Intent{Next: true})
	for !sim.Done() { // the worlds run (a phone is sent a month a frame, as the window syncs: here, none but the last)
		sim.StepMonth()
	}
	sim.Apply(classroom.Intent{Next: true})
	h.Sync(sim)
	person := h.Class.Students()[0].Person
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("personTitle").textContent.startsWith("You follow `+classroom.PersonName(person)+` in")`)); err != nil {
		t.Fatalf("the person's name on the phone: %v", err)
	}
	want := Verdict(lang.English, l.Lesson, 0, l.Reveal.Answer().Outcome)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("verdict").textContent === `+strconv.Quote(want)+` && !document.getElementById("result").classList.contains("hidden")`)); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("verdict").textContent + " | " + document.getElementById("result").className + " | " + document.getElementById("resultText").textContent`))
		t.Fatalf("the verdict on the phone (want %q): %v; the page shows %q", want, err, got)
	}
}
