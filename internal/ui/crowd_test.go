//go:build display

package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/agents"
	"commonwealth/internal/classroom"
	"commonwealth/internal/economy"
)

// TestCrowdGather checks a crowd against the people it gathers: its marks
// hold every person once, in order of class (capitalists first) and then
// wealth (richest first), and each mark takes its middle person's class.
func TestCrowdGather(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	const n, first = 100_003, 7
	s := &economy.Snapshot{Classes: true, Wealth: make([]int64, n), ClassOf: make([]uint8, n)}
	for q := range n {
		s.Wealth[q] = int64(r.ExpFloat64() * 100)
		s.ClassOf[q] = uint8(r.IntN(3))
	}
	for _, marks := range []int{1, 997, 20_000, n} {
		t.Run(fmt.Sprint("marks=", marks), func(t *testing.T) {
			var c crowd
			c.gather(s, first, n, 100, marks)
			if len(c.marks) > marks {
				t.Fatalf("%d marks, at most %d fit", len(c.marks), marks)
			}
			sum := 0
			for _, m := range c.marks {
				sum += int(m.people)
			}
			if sum != n-first {
				t.Fatalf("the marks hold %d people, the band %d", sum, n-first)
			}
			byRank := make([]int, n-first)
			for k := range byRank {
				byRank[k] = -1
			}
			for k, rk := range c.rank {
				if byRank[rk] >= 0 {
					t.Fatalf("persons %d and %d both ranked %d", first+byRank[rk], first+k, rk)
				}
				byRank[rk] = k
			}
			four := float32(400)
			order := func(q int) [2]int { // capitalists first, richest first
				return [2]int{-int(s.ClassOf[q]), -int(bin(s.Wealth[q], four))}
			}
			for rk := 1; rk < len(byRank); rk++ {
				if a, b := order(first+byRank[rk-1]), order(first+byRank[rk]); slices.Compare(a[:], b[:]) > 0 {
					t.Fatalf("rank %d is person %d (class %d, bin %d), after person %d (class %d, bin %d)", rk,
						first+byRank[rk], -b[0], -b[1], first+byRank[rk-1], -a[0], -a[1])
				}
			}
			for j, m := range c.marks {
				q := int(m.person)
				if c.markOf(q, first) != j || m.class != agents.Class(s.ClassOf[q]) || m.bin != bin(s.Wealth[q], four) {
					t.Fatalf("mark %d (class %d, bin %d) takes person %d, in mark %d (class %d, bin %d)",
						j, m.class, m.bin, q, c.markOf(q, first), s.ClassOf[q], bin(s.Wealth[q], four))
				}
			}
		})
	}
}

// TestCrowdInWindow draws a world of 300,000 people, too many to draw one
// by one, and checks that the picture gathers them into marks the legend
// explains, that a click on a mark inspects its middle person, who is then
// ringed in ink, and that drawing leaves the world as it was.
func TestCrowdInWindow(t *testing.T) {
	sim := yearOld(t, 300_000)
	g := New(sim, Options{})
	screen := ebiten.NewImage(DesignW, DesignH)
	st := sim.Arms[0]
	before := slices.Clone(st.Snap.Wealth)
	inFrame(func(*ebiten.Image) { g.drawFrame(screen) })
	p := &g.pictures[0]
	if len(p.crowds) != 1 || p.crowds[0].per <= 1 || g.crowdPer() != p.crowds[0].per {
		t.Fatalf("300,000 people drawn one by one, or not said: crowds %d, per %d", len(p.crowds), g.crowdPer())
	}
	var words []string
	for _, m := range g.legend() {
		words = append(words, m.word)
	}
	if said, want := strings.Join(words, " "), fmt.Sprintf("each mark is %d people", g.crowdPer()); !strings.Contains(said, want) {
		t.Errorf("the legend does not say %q: %q", want, said)
	}
	if !slices.Equal(before, st.Snap.Wealth) {
		t.Fatal("drawing changed the people's wealth")
	}
	c := &p.crowds[0]
	cell, _ := classroom.Grid(p.at.w, p.at.h, len(c.marks))
	arm, person, ok := g.personAt(p.at.x+cell/2, p.at.y+cell/2)
	if !ok || arm != 0 || person != int(c.marks[0].person) || agents.Class(st.Snap.ClassOf[person]) != agents.Capitalist {
		t.Fatalf("the first mark picks arm %d person %d (%v), want person %d, a capitalist", arm, person, ok, c.marks[0].person)
	}
	if err := sim.Apply(classroom.Intent{Inspect: &classroom.Pick{Arm: arm, Person: person}}); err != nil {
		t.Fatal(err)
	}
	inFrame(func(*ebiten.Image) { g.drawFrame(screen) })
	side := int(cell*g.c.u + 0.5) // the ring is two pixels wide around the first mark's cell
	for _, k := range []int{4 * (p.w*side + side), 4 * (p.w*(side+1) + 1)} {
		if [3]byte(p.pix[k:k+3]) != [3]byte{ink.R, ink.G, ink.B} {
			t.Errorf("the inspected person's mark is not ringed in ink: pixel %d is %v", k/4, p.pix[k:k+4])
		}
	}
}
