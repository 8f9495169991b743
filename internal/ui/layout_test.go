//go:build display

package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/scenario"
	"commonwealth/internal/waitfor"
)

// sizes are the screens every layout is checked at: a classroom projector,
// a 1080p screen, and a tablet either way up.
var sizes = [][2]int{{1280, 720}, {1920, 1080}, {1024, 768}, {768, 1024}}

// TestLayout lays out every built-in scenario, in every language, at every stage of its lesson,
// exploring, and with each overlay open, at 1280×720 and 1920×1080, and
// checks the texts drawn (at the tablets' sizes too): inside the screen, none overlapping another of
// its layer, and in a lesson none smaller than lessonText design units
// (28 pixels at 1280×720).
func TestLayout(t *testing.T) {
	screens := make([]*ebiten.Image, len(sizes))
	pictures := make([][]picture, len(sizes))
	for i, size := range sizes {
		screens[i] = ebiten.NewImage(size[0], size[1])
	}
	for _, code := range lang.Codes() {
		tx, err := lang.Open(code)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range scenario.Names() {
			layOut(t, tx, name, screens, pictures)
		}
	}
}

// layOut lays out a built-in scenario in a language in every view at every
// size, and checks the texts drawn.
func layOut(t *testing.T, tx *lang.Book, name string, screens []*ebiten.Image, pictures [][]picture) {
	sc, err := scenario.Load(name, []string{"people=60"}) // few people: the reveals run fast; the layout is the same
	if err != nil {
		t.Fatal(err)
	}
	tx.Translate(sc)
	for _, v := range views {
		sim, err := classroom.NewSim(sc)
		if err != nil {
			t.Fatal(err)
		}
		opt := Options{Lang: tx}
		if v.hosted {
			opt.Host = fakeClass{arm: sim.Arms[len(sim.Arms)-1].Name}
			sim.Voting = true
		}
		if !v.reveals {
			sim.Close() // no answer to compute for this view
		}
		g := New(sim, opt)
		v.set(t, g)
		for i, screen := range screens {
			g.pictures = pictures[i]                             // the people's images of this size, kept: making textures is what takes time here
			inFrame(func(*ebiten.Image) { g.drawFrame(screen) }) // ebiten draws for real only in a frame
			pictures[i] = g.pictures
			where := fmt.Sprintf("%s %s %dx%d %s", tx.Code(), name, sizes[i][0], sizes[i][1], v.name)
			for _, p := range checkBoxes(g.c.boxes, g.c.W, g.c.H, sim.Lesson != nil) {
				t.Errorf("%s: %s", where, p)
			}
		}
		sim.Close()
	}
}

// view is one state of the window to lay out.
type view struct {
	name    string
	set     func(t *testing.T, g *Game)
	hosted  bool // with a class joined from phones
	reveals bool // shows the answer over every seed
}

// fakeClass is a class of 27 students as the window sees it, with a vote
// open, so that every hosted view has its most to show.
type fakeClass struct{ arm string }

func (fakeClass) Sync(*classroom.Sim)      {}
func (fakeClass) Decide(*classroom.Sim)    {}
func (fakeClass) Teach(classroom.Teaching) {}
func (fakeClass) RemoveSeat(int) bool      { return true }
func (f fakeClass) View() classroom.ClassView {
	v := classroom.ClassView{URL: "http://192.168.100.200:65000/?code=WXYZ", Code: "WXYZ", Arm: f.arm, Phones: true, Joined: 27, Online: 26,
		Answered: 25, Answers: []int{12, 8, 5}, Refusing: 14, Accepting: 9, Voted: 24, Followed: []int{1, 5, 9, 40}, Locked: true, Refused: 3,
		Round: "Community 3 decides on a data centre proposed there: 4 of its 6 residents have decided, 14 s left."}
	for i := range 27 {
		v.Roll = append(v.Roll, classroom.RollLine{Seat: i + 1, Name: fmt.Sprintf("Siobhán O'Neil %d", i+1), Online: i != 3, Answered: i%13 != 0, Voted: i%9 != 0})
	}
	for i := range 473 { // a full class, of whom most have not answered: the roll's longest list
		v.Roll = append(v.Roll, classroom.RollLine{Seat: i + 28, Name: "Nguyễn Văn An 👩🏽‍🚀"})
	}
	return v
}

var views = []view{
	{"title", func(*testing.T, *Game) {}, false, false},
	{"predict", func(_ *testing.T, g *Game) { g.sim.Apply(classroom.Intent{Next: true}) }, false, false},
	{"watch", func(_ *testing.T, g *Game) {
		g.sim.Apply(classroom.Intent{Predict: 1})
		for range 40 { // past the first events, so their captions show
			g.sim.StepMonth()
		}
		g.sim.Apply(classroom.Intent{Inspect: &classroom.Pick{Arm: 0, Person: 3}})
	}, false, false},
	{"reveal", reveal, false, true},
	{"explore", func(_ *testing.T, g *Game) {
		g.sim.Apply(classroom.Intent{Explore: true})
		for range 40 {
			g.sim.StepMonth()
		}
	}, false, false},
	{"explore+sliders", func(_ *testing.T, g *Game) {
		g.sim.Apply(classroom.Intent{Explore: true, Sliders: true})
		g.sim.Apply(classroom.Intent{Inspect: &classroom.Pick{Arm: 0, Person: 3}})
	}, false, false},
	{"explore+help", func(_ *testing.T, g *Game) { g.sim.Apply(classroom.Intent{Explore: true, ToggleHelp: true}) }, false, false},
	{"menu", func(_ *testing.T, g *Game) { g.menu = true }, false, false},
	{"sliders on one arm", func(_ *testing.T, g *Game) {
		g.sim.Apply(classroom.Intent{Predict: 1, Sliders: true})
		g.aim = len(g.sim.Arms)
	}, false, false},
	{"hosted title", func(*testing.T, *Game) {}, true, false},
	{"hosted predict", func(_ *testing.T, g *Game) { g.sim.Apply(classroom.Intent{Next: true}) }, true, false},
	{"hosted watch with a vote", func(_ *testing.T, g *Game) {
		g.sim.Apply(classroom.Intent{Predict: 1})
		for range 40 {
			g.sim.StepMonth()
		}
		g.followed = true
		g.sim.Ballot = &scenario.Event{Vote: "Take the data centres into common ownership, their rent paid out by need?"}
	}, true, false},
	{"hosted watch in a round", func(_ *testing.T, g *Game) {
		g.sim.Apply(classroom.Intent{Predict: 1})
		for range 40 {
			g.sim.StepMonth()
		}
		g.sim.Round = &classroom.Round{ID: 3, Month: 40, Community: 2} // a data centre proposed to a community of the class's world
	}, true, false},
	{"hosted reveal", reveal, true, true},
	{"hosted roll", func(_ *testing.T, g *Game) { g.roll = rollCounts }, true, false},
	{"hosted roll with nicknames", func(_ *testing.T, g *Game) { g.roll, g.seat = rollNames, "417" }, true, false},
}

// reveal runs a lesson to its answer.
func reveal(t *testing.T, g *Game) {
	g.sim.Apply(classroom.Intent{Predict: 2})
	for !g.sim.Done() {
		if g.sim.Ballot != nil { // a hosted class's vote holds the worlds
			g.sim.Decide(true)
		}
		if g.sim.Round != nil { // and so does a round of the class's decisions
			g.sim.CloseRound(true, true)
		}
		g.sim.StepMonth()
	}
	g.sim.Update()
	deadline := time.Now().Add(waitfor.Budget(t)) // as long as the run allows
	for g.sim.Lesson.Reveal.Answer() == nil && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if g.sim.Lesson.Stage != classroom.StageReveal || g.sim.Lesson.Reveal.Answer() == nil {
		t.Fatal("no answer to reveal")
	}
}

// checkBoxes checks texts for staying inside a w×h screen, for
// overlapping another of their layer and, in a lesson, for size; it
// returns the problems.
func checkBoxes(boxes []textBox, w, h float32, lesson bool) []string {
	const slack = 0.5 // rounding of the measured widths
	var out []string
	for i, b := range boxes {
		if b.r.x < -slack || b.r.y < -slack || b.r.x+b.r.w > w+slack || b.r.y+b.r.h > h+slack {
			out = append(out, fmt.Sprintf("%q at %+v leaves the %gx%g screen", b.s, b.r, w, h))
		}
		if lesson && b.size < lessonText {
			out = append(out, fmt.Sprintf("%q is %g units, below %d", b.s, b.size, lessonText))
		}
		for _, o := range boxes[:i] {
			if o.layer == b.layer && b.r.inset(slack).overlaps(o.r.inset(slack)) {
				out = append(out, fmt.Sprintf("%q at %+v overlaps %q at %+v", b.s, b.r, o.s, o.r))
			}
		}
	}
	if len(boxes) == 0 {
		out = append(out, "no text drawn")
	}
	return out
}

// TestCheckBoxes shows that the layout check can fail: on overlapping
// texts, a text off the screen and small type in a lesson.
func TestCheckBoxes(t *testing.T) {
	fine := []textBox{{r: rect{0, 0, 100, 35}, size: 28}, {r: rect{0, 35, 100, 35}, size: 28}, {r: rect{0, 10, 50, 20}, layer: 1, size: 28}}
	if p := checkBoxes(fine, 200, 100, true); len(p) != 0 {
		t.Fatalf("stacked texts and one over them in another layer: %v", p)
	}
	bad := []textBox{{r: rect{0, 0, 100, 35}, size: 28}, {r: rect{90, 30, 100, 35}, size: 16}}
	if p := checkBoxes(bad, 150, 100, true); len(p) != 3 {
		t.Fatalf("want an overlap, a text leaving the screen and one too small: %v", p)
	}
}

// TestOnScreen: a nickname the window's font cannot draw whole is shown
// with "?" for what it lacks.
func TestOnScreen(t *testing.T) {
	for in, want := range map[string]string{"Siobhán O'Neil": "Siobhán O'Neil", "Дмитрий": "Дмитрий", "Ολυμπία": "Ολυμπία",
		"Ana 👩🏽\u200d🚀": "Ana ?", "山田太郎": "?", "Nguyễn": "Nguy?n"} {
		if got := onScreen(in); got != want {
			t.Errorf("onScreen(%q) = %q, want %q", in, got, want)
		}
	}
}
