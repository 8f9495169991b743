package ui

import (
	"image/color"

	"commonwealth/internal/agents"
	"commonwealth/internal/classroom"
	"commonwealth/internal/economy"
)

// personPx is the least room, in pixels, a person is drawn in one by one;
// with less than that each, their marks would overlap into noise, and the
// people are gathered into a crowd's marks instead.
const personPx = 2

// markPx is the room, in pixels, of a crowd's mark.
const markPx = 6

// wealthBins is how finely a crowd ranks wealth: by the square root of
// wealth against four times the mean (where a mark fills its cell), so the
// bins are as fine as the marks' sizes can show.
const wealthBins = 32

// crowdClasses is how many classes a crowd ranks people by: the classes of
// models with them, in the order drawn (capitalists, workers, unemployed).
const crowdClasses = 3

// crowd is a band's people gathered into marks of per people each, when
// there are more of them than the picture has room for: ranked by class
// (capitalists first), then by wealth (richest first), ties by number, and
// cut into marks of per consecutive people. A mark takes the class and the
// wealth of the person in its middle, who is also the person a click on it
// inspects. Gathering is two passes over the people, made once a month
// into buffers kept from month to month; the marks drawn are as many as
// fit, whatever the population.
type crowd struct {
	per   int      // people a mark stands for
	rank  []int32  // each person's place in the ranking, from the band's first
	key   []uint16 // each person's class and wealth bin, from the band's first
	marks []crowdMark
	count [crowdClasses * wealthBins]int32 // people of each key
}

// crowdMark is one mark of a crowd.
type crowdMark struct {
	people int32 // how many it stands for (per, but fewer in the last)
	person int32 // the person in its middle
	class  agents.Class
	bin    uint8 // wealth bin: 0 is the poorest
}

// bin is the wealth bin of wealth w, given four times the mean wealth.
func bin(w int64, four float32) uint8 {
	s := sqrt32(max(0, float32(w)) / four)
	return uint8(min(wealthBins-1, int(s*wealthBins)))
}

// binWealth is where bin b's marks are drawn on the sizes' scale: the
// square root of wealth against four times the mean, at the bin's middle.
func binWealth(b uint8) float32 { return (float32(b) + 0.5) / wealthBins }

// gather ranks persons [first, end) of s and cuts them into at most marks
// marks (at least one); mean is the mean starting wealth.
func (c *crowd) gather(s *economy.Snapshot, first, end int, mean float32, marks int) {
	n := end - first
	c.per = max(1, (n+max(marks, 1)-1)/max(marks, 1))
	four := max(4*mean, 1)
	c.key = grow(c.key, n)
	c.rank = grow(c.rank, n)
	clear(c.count[:])
	for k := range n {
		q := first + k
		cl := 0
		if s.Classes {
			cl = int(agents.Capitalist - agents.Class(s.ClassOf[q]))
		}
		key := uint16(cl*wealthBins + wealthBins - 1 - int(bin(s.Wealth[q], four)))
		c.key[k] = key
		c.count[key]++
	}
	var next [len(c.count)]int32 // the next free place of each key
	at := int32(0)
	for key, m := range c.count {
		next[key] = at
		at += m
	}
	c.marks = grow(c.marks, (n+c.per-1)/c.per)
	for k := range n {
		key := c.key[k]
		r := next[key]
		next[key]++
		c.rank[k] = r
		j := int(r) / c.per
		size := min(c.per, n-j*c.per)
		if int(r)-j*c.per == size/2 {
			cl, b := int(key)/wealthBins, wealthBins-1-int(key)%wealthBins
			class := agents.Capitalist - agents.Class(cl)
			if !s.Classes {
				class = 0
			}
			c.marks[j] = crowdMark{people: int32(size), person: int32(first + k), class: class, bin: uint8(b)}
		}
	}
}

// paintCrowd gathers band b's people (of arm i, whose people are at r)
// into as many marks as fit and paints them into the picture, like people:
// coloured by class and sized by wealth. A mark holding the inspected
// person is ringed in ink, one holding a followed person in the highlight,
// one holding a person of the inspected person's firm in the arm's colour;
// the rings are drawn around the marks, since a mark may fill its cell.
func (g *Game) paintCrowd(p *picture, c *crowd, i int, st *classroom.ArmState, b band, r rect, sel int, rings map[int]bool, firm int32) {
	u := g.c.u
	c.gather(&st.Snap, b.first, b.end, float32(st.World.Params().StartWealth), int(b.r.w*u/markPx)*int(b.r.h*u/markPx))
	ringed := map[int]color.RGBA{}
	in := func(q int) bool { return q >= b.first && q < b.end }
	if firm >= 0 {
		for q := b.first; q < b.end; q++ {
			if st.Snap.Employer[q] == firm || int32(q) == firm {
				ringed[c.markOf(q, b.first)] = g.armColor(i)
			}
		}
	}
	for q := range rings {
		if in(q) {
			ringed[c.markOf(q, b.first)] = highlight
		}
	}
	if in(sel) {
		ringed[c.markOf(sel, b.first)] = ink
	}
	cell, cols := classroom.Grid(b.r.w, b.r.h, len(c.marks))
	cp := cell * u
	at := func(j int) (x0, y0 int) {
		return int((b.r.x - r.x + float32(j%cols)*cell) * u), int((b.r.y - r.y + float32(j/cols)*cell) * u)
	}
	for j, m := range c.marks {
		col := g.armColor(i)
		if st.Snap.Classes {
			col = classColor[m.class]
		}
		x0, y0 := at(j)
		p.mark(x0, y0, cp, binWealth(m.bin), col)
	}
	for _, want := range []color.RGBA{g.armColor(i), highlight, ink} { // the inspected person's ring on top
		for j, col := range ringed {
			if col == want {
				x0, y0 := at(j)
				p.ring(x0, y0, int(cp+0.5), col)
			}
		}
	}
}

// ring paints a frame two pixels wide around the square of side pixels at
// (x0, y0), over the neighbours' edges, so that a small mark stands out.
func (p *picture) ring(x0, y0, side int, col color.RGBA) {
	x1, y1 := x0+side, y0+side
	p.fill(x0-2, y0-2, x1+2, y0, col)
	p.fill(x0-2, y1, x1+2, y1+2, col)
	p.fill(x0-2, y0, x0, y1, col)
	p.fill(x1, y0, x1+2, y1, col)
}

// crowdPer is the most people a mark stands for in the pictures last
// painted: 1 when each person is drawn.
func (g *Game) crowdPer() int {
	per := 1
	for i := range g.pictures {
		for _, c := range g.pictures[i].crowds {
			per = max(per, c.per)
		}
	}
	return per
}

// markOf is the mark person q (of the band starting at first) is in.
func (c *crowd) markOf(q, first int) int { return int(c.rank[q-first]) / c.per }

// grow returns s with length n, reusing its array when it can.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
