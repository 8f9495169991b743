package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"commonwealth/internal/agents"
	"commonwealth/internal/classroom"
	"commonwealth/internal/scenario"
)

// stripH is the height of the communities' strip under the people.
const stripH = 30

// drawPanel draws one arm: its name, the number the lesson asks about (or
// the Gini) as the last year's mean, and its people.
func (g *Game) drawPanel(i int, st *classroom.ArmState, r rect) {
	c := &g.c
	size := g.size()
	col := g.armColor(i)
	c.rect(r, panelFill)
	c.rect(rect{r.x, r.y, r.w, 5}, col)
	metric := "gini_wealth"
	if l := g.sim.Lesson; l != nil {
		metric = l.Claim.Metric
	}
	value := number(metric, st.At(scenario.Moment{Month: -1}, metric))
	big := size * 1.6
	vw, _ := c.measure(value, bold, big)
	x, y := r.x+10, r.y+8
	least := g.least()
	nameSize := c.fit(st.Name, bold, size*1.15, least, r.w-float32(vw)-30)
	c.text(st.Name, bold, nameSize, x, y, col, text.AlignStart)
	c.text(value, bold, big, r.x+r.w-10, y-4, ink, text.AlignEnd)
	label := g.tx().T("last_12_months", "Metric", titled(g.tx(), metric))
	lsize := c.fit(label, regular, size, least, r.w-20)
	lr := c.text(label, regular, lsize, x, y+float32(big*lineHeight), muted, text.AlignStart)
	people := rect{r.x + 8, lr.y + lr.h + 6, r.w - 16, r.y + r.h - lr.y - lr.h - 14}
	if st.Snap.AI != nil {
		people.h -= stripH + 4
	}
	g.drawPeople(i, st, people)
	if st.Snap.AI != nil {
		g.drawCommunities(st, people, rect{people.x, people.y + people.h + 4, people.w, stripH})
	}
}

// bands returns where each community's people go in the people's area:
// side by side, as wide as their share of the people, so the strip under
// them is theirs. Without communities it is one band.
func bands(st *classroom.ArmState, r rect) []band {
	n := len(st.Snap.Wealth)
	if st.Snap.AI == nil || len(st.Snap.AI.Communities) == 0 {
		return []band{{r: r, first: 0, end: n}}
	}
	var out []band
	x := r.x
	for _, cm := range st.Snap.AI.Communities {
		w := r.w * float32(cm.End-cm.First) / float32(n)
		out = append(out, band{r: rect{x, r.y, w - 3, r.h}, first: cm.First, end: cm.End})
		x += w
	}
	return out
}

// band is a block of people drawn together.
type band struct {
	r          rect
	first, end int
}

// cell returns the cell size and columns of a band's grid.
func (b band) grid() (cell float32, cols int) { return classroom.Grid(b.r.w, b.r.h, b.end-b.first) }

// drawPeople draws arm i's people from its picture, remade when the month,
// the seed, the place or the inspected person changes.
func (g *Game) drawPeople(i int, st *classroom.ArmState, r rect) {
	for len(g.pictures) <= i {
		g.pictures = append(g.pictures, picture{month: -1})
	}
	p := &g.pictures[i]
	p.at = r
	sel := -1
	if s := g.sim.Selected; s != nil && s.Arm == i {
		sel = s.Person
	}
	u := g.c.u
	px := rect{r.x * u, r.y * u, r.w * u, r.h * u}
	rings := g.followedIn(st)
	if p.month != st.World.Month() || p.seed != g.sim.Seed || p.px != px || p.sel != sel || p.name != st.Name || p.rings != len(rings) {
		g.paint(p, i, st, r, sel, rings)
		p.month, p.seed, p.px, p.sel, p.name, p.rings = st.World.Month(), g.sim.Seed, px, sel, st.Name, len(rings)
	}
	g.c.flush()
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(math.Floor(float64(px.x)), math.Floor(float64(px.y)))
	g.c.dst.DrawImage(p.img, op)
}

// picture is one arm's people, painted once a month into an image the
// frames in between only copy. It is painted pixel by pixel on the CPU and
// uploaded whole: for ten thousand people that is a fraction of the work
// of handing ebiten forty thousand vertices.
type picture struct {
	img    *ebiten.Image
	pix    []byte // RGBA, the image's pixels
	w, h   int
	month  int
	seed   uint64
	px     rect // where, in pixels
	at     rect // where, in design units
	sel    int
	name   string
	rings  int     // persons ringed for the class
	crowds []crowd // each band's people gathered, when they are too many to draw one by one (per 0: they are not)
}

// fill paints the pixels of the square [x0, x1) × [y0, y1), clipped.
func (p *picture) fill(x0, y0, x1, y1 int, c color.RGBA) {
	x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, p.w), min(y1, p.h)
	for y := y0; y < y1; y++ {
		row := p.pix[4*(y*p.w+x0) : 4*(y*p.w+x1)]
		for k := 0; k < len(row); k += 4 {
			row[k], row[k+1], row[k+2], row[k+3] = c.R, c.G, c.B, c.A
		}
	}
}

// mark paints a mark in the cell of side cp pixels at (x0, y0): a square
// of colour col, sized by s, the square root of wealth against four times
// the mean (1 and more fills 80% of the cell).
func (p *picture) mark(x0, y0 int, cp, s float32, col color.RGBA) {
	side := max(1, int(cp*0.8*min(1, 0.25+0.75*s)+0.5))
	off := (int(cp+0.5) - side) / 2
	p.fill(x0+off, y0+off, x0+off+side, y0+off+side, col)
}

// ringColor is the colour behind person q, who is ringed: ink for the
// inspected person, the highlight for a followed one, else the arm's colour
// (the inspected person's firm).
func (g *Game) ringColor(i, q, sel int, rings map[int]bool) color.RGBA {
	switch {
	case q == sel:
		return ink
	case rings[q]:
		return highlight
	}
	return g.armColor(i)
}

// paint draws the people into the picture: each keeps their place (by
// community, then by number), coloured by class (or by world, in models
// without classes) and sized by wealth: four times the mean fills the cell.
// The inspected person is ringed, and so is everyone in their firm, and
// the persons in rings.
func (g *Game) paint(p *picture, i int, st *classroom.ArmState, r rect, sel int, rings map[int]bool) {
	u := g.c.u
	w, h := int(math.Ceil(float64(r.w*u)))+1, int(math.Ceil(float64(r.h*u)))+1
	if p.img == nil || p.w != w || p.h != h {
		if p.img != nil {
			p.img.Deallocate()
		}
		p.img, p.w, p.h = ebiten.NewImage(w, h), w, h
		p.pix = make([]byte, 4*w*h)
	}
	clear(p.pix)
	mean := float32(st.World.Params().StartWealth)
	firm := int32(-2)
	if sel >= 0 && st.Snap.Classes {
		firm = st.Snap.Employer[sel]
		if agents.Class(st.Snap.ClassOf[sel]) == agents.Capitalist {
			firm = int32(sel)
		}
	}
	bs := bands(st, r)
	p.crowds = grow(p.crowds, len(bs))
	for bi, b := range bs {
		cell, cols := b.grid()
		if cell*u < personPx {
			g.paintCrowd(p, &p.crowds[bi], i, st, b, r, sel, rings, firm)
			continue
		}
		p.crowds[bi].per = 0
		cp := cell * u
		for k := range b.end - b.first {
			q := b.first + k
			x0 := int((b.r.x - r.x + float32(k%cols)*cell) * u)
			y0 := int((b.r.y - r.y + float32(k/cols)*cell) * u)
			if q == sel || rings[q] || (firm >= 0 && (st.Snap.Employer[q] == firm || int32(q) == firm)) {
				p.fill(x0, y0, x0+int(cp+0.5), y0+int(cp+0.5), g.ringColor(i, q, sel, rings))
			}
			col := g.armColor(i)
			if st.Snap.Classes {
				col = classColor[agents.Class(st.Snap.ClassOf[q])]
			}
			p.mark(x0, y0, cp, sqrt32(max(0, float32(st.Snap.Wealth[q]))/max(4*mean, 1)), col)
		}
	}
	p.img.WritePixels(p.pix)
}

// followedIn returns the persons a hosted class follows in this world,
// when P has asked to see them.
func (g *Game) followedIn(st *classroom.ArmState) map[int]bool {
	if g.opt.Host == nil || !g.followed || g.view.Arm != st.Name {
		return nil
	}
	out := map[int]bool{}
	for _, p := range g.view.Followed {
		out[p] = true
	}
	return out
}

// drawCommunities draws each community's strip under its people: its data
// centres (dark ready, grey being built) and a bar as high as the burden
// on each of its people, against the highest burden in any world; the
// poorest community is tinted.
func (g *Game) drawCommunities(st *classroom.ArmState, people, r rect) {
	c := &g.c
	cs := st.Snap.AI.Communities
	top := 1e-9
	for _, a := range g.sim.Arms {
		for _, cm := range a.Snap.AI.Communities {
			top = max(top, cm.Burden)
		}
	}
	poorest := 0
	for k := range cs {
		if float64(cs[k].Wealth)/float64(cs[k].End-cs[k].First) < float64(cs[poorest].Wealth)/float64(cs[poorest].End-cs[poorest].First) {
			poorest = k
		}
	}
	for k, b := range bands(st, people) {
		cm := cs[k]
		fill := color.RGBA{0xee, 0xee, 0xe8, 0xff}
		if k == poorest {
			fill = color.RGBA{0xf6, 0xe0, 0xd0, 0xff}
		}
		s := rect{b.r.x, r.y, b.r.w, r.h}
		c.rect(s, fill)
		bar := float32(cm.Burden/top) * (r.h - 4)
		c.rect(rect{s.x + s.w - 12, s.y + s.h - 2 - bar, 8, bar}, color.RGBA{0x8a, 0x3b, 0x12, 0xff})
		for d := range cm.Datacenters + cm.Building {
			col := color.RGBA{0x30, 0x30, 0x30, 0xff}
			if d >= cm.Datacenters {
				col = color.RGBA{0xa0, 0xa0, 0xa0, 0xff}
			}
			per := max(1, int((s.w-20)/9))
			c.rect(rect{s.x + 3 + float32(d%per)*9, s.y + 3 + float32(d/per)*9, 7, 7}, col)
		}
	}
}

// personAt finds the person drawn at (x, y), in design units; on a mark
// standing for many, the person in its middle (of its class and wealth).
func (g *Game) personAt(x, y float32) (arm, person int, ok bool) {
	for i, st := range g.sim.Arms {
		if i >= len(g.pictures) || !g.pictures[i].at.contains(x, y) {
			continue
		}
		p := &g.pictures[i]
		for bi, b := range bands(st, p.at) {
			if !b.r.contains(x, y) {
				continue
			}
			if bi < len(p.crowds) && p.crowds[bi].per > 0 { // a mark: the person in its middle
				c := &p.crowds[bi]
				cell, cols := classroom.Grid(b.r.w, b.r.h, len(c.marks))
				col, row := int((x-b.r.x)/cell), int((y-b.r.y)/cell)
				if j := row*cols + col; col < cols && j < len(c.marks) {
					return i, int(c.marks[j].person), true
				}
				continue
			}
			cell, cols := b.grid()
			col, row := int((x-b.r.x)/cell), int((y-b.r.y)/cell)
			if k := row*cols + col; col < cols && k < b.end-b.first {
				return i, b.first + k, true
			}
		}
	}
	return 0, 0, false
}
