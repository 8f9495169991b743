package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/scenario"
)

// paragraph is a block of text in a card: a face, a size and a colour.
type paragraph struct {
	s    string
	bold bool
	size float64
	col  color.Color
	gap  float32 // space above
}

// stack lays paragraphs out down from y in a column of width w at x,
// wrapped; it returns the height they take. With draw false it only
// measures.
func (g *Game) stack(ps []paragraph, x, y, w float32, draw bool) float32 {
	c := &g.c
	top := y
	for _, p := range ps {
		if p.s == "" {
			continue
		}
		f := regular
		if p.bold {
			f = bold
		}
		y += p.gap
		t := c.wrap(p.s, f, p.size, w)
		_, h := c.measure(t, f, p.size)
		if draw {
			c.text(t, f, p.size, x, y, p.col, text.AlignStart)
		}
		y += float32(h)
	}
	return y - top
}

// fitStack draws paragraphs in r, shrinking the first (the question) from
// its size down to lessonText until they fit.
func (g *Game) fitStack(ps []paragraph, r rect) {
	for ps[0].size > lessonText && g.stack(ps, r.x, r.y, r.w, false) > r.h {
		ps[0].size -= 2
	}
	g.stack(ps, r.x, r.y, r.w, true)
}

// differ says what differs between the lesson's worlds.
func differ(tx *lang.Book, sc *scenario.Scenario) string {
	if d := sc.Lesson.Differ; d != "" {
		return d
	}
	return tx.T("worlds_listed", "Arms", strings.Join(sc.LessonArms(), ", "))
}

// drawTitle draws the lesson's title card: the question, what differs
// between the worlds and what to watch.
func (g *Game) drawTitle() {
	c, sc, tx := &g.c, g.sim.Scenario, g.tx()
	g.at(rect{0, 0, c.W, c.H}, hit{intent: classroom.Intent{Next: true}})
	ps := []paragraph{
		{s: sc.Lesson.Question, bold: true, size: 44, col: ink},
		{s: tx.T("what_differs"), bold: true, size: lessonText, col: muted, gap: 24},
		{s: differ(tx, sc), size: lessonText, col: ink},
		{s: tx.T("what_to_watch"), bold: true, size: lessonText, col: muted, gap: 16},
		{s: sc.Lesson.Watch, size: lessonText, col: ink},
	}
	foot := tx.T("title_foot")
	_, fh := c.measure(foot, regular, lessonText)
	g.fitStack(ps, rect{80, topBarH + 24, g.cardW(), c.H - topBarH - 24 - float32(fh) - 40})
	c.text(foot, regular, lessonText, 80+g.cardW()/2, c.H-float32(fh)-20, muted, text.AlignCenter)
	if g.inviting() {
		g.drawJoin(g.view)
	}
}

// drawPredict draws the question with the three answers to choose from.
func (g *Game) drawPredict() {
	c, l, tx := &g.c, g.sim.Lesson, g.tx()
	foot := c.wrap(tx.T("predict_foot"), regular, lessonText, g.cardW())
	_, fh := c.measure(foot, regular, lessonText)
	line := float32(lessonText * lineHeight)
	buttons := 3 * (line + 40)
	q := []paragraph{{s: tx.T("predict_question", "Question", l.Question), bold: true, size: 40, col: ink}}
	g.fitStack(q, rect{80, topBarH + 24, g.cardW(), c.H - topBarH - 24 - buttons - float32(fh) - 50})
	y := c.H - float32(fh) - 30 - buttons
	for k, a := range l.Answers {
		if g.inviting() && k < len(g.view.Answers) {
			a = tx.T("answer_on_phones", "Answer", a, "Count", g.view.Answers[k])
		}
		r := rect{80, y + float32(k)*(line+40), g.cardW(), line + 24}
		fill := buttonFill
		if l.Prediction == k {
			fill = highlight
		}
		c.rect(r, fill)
		c.text(fmt.Sprintf("%d   %s", k+1, a), bold, lessonText, r.x+24, r.y+12, ink, text.AlignStart)
		g.at(r, hit{intent: classroom.Intent{Predict: k + 1}})
	}
	c.text(foot, regular, lessonText, 80+g.cardW()/2, c.H-float32(fh)-20, muted, text.AlignCenter)
	if g.inviting() {
		g.drawJoin(g.view)
	}
}

// inviting reports whether the window invites a hosted class to join: it
// does where the phones have something to do.
func (g *Game) inviting() bool { return g.opt.Host != nil && g.view.Phones }

// cardW is the width of a lesson card's text: the screen's, less the
// class's QR code when inviting the class.
func (g *Game) cardW() float32 {
	if g.inviting() {
		return g.c.W - 160 - joinPanelW
	}
	return g.c.W - 160
}

// drawReveal draws the answer over every seed over the worlds: each
// world's difference as a dot, the mean and its 95% band, how many worlds
// went each way, the answer against the class's prediction, and the one
// world the class watched among them. Until every seed has run it shows
// their progress.
func (g *Game) drawReveal() {
	c, l, tx := &g.c, g.sim.Lesson, g.tx()
	box := rect{30, topBarH + 6, c.W - 60, c.H - topBarH - 16}
	c.rect(box, overlayFill)
	in := box.inset(24)
	a := l.Reveal.Answer()
	done, all := l.Reveal.Progress()
	if a == nil {
		h := g.stack(g.revealHead(revealLayouts[0]), in.x, in.y, in.w, true)
		y := in.y + h + 16
		g.stack([]paragraph{{s: tx.T("running_worlds", "Done", done, "Count", all), size: lessonText, col: cardInk}}, in.x, y, in.w, true)
		bar := rect{in.x, y + 60, in.w, 24}
		c.rect(bar, muted)
		c.rect(rect{bar.x, bar.y, bar.w * float32(done) / float32(max(all, 1)), bar.h}, highlight)
		return
	}
	// The most spacious layout whose card fits the screen (a longer
	// language needs a tighter one; no text goes below lessonText).
	lay := revealLayouts[len(revealLayouts)-1]
	for _, try := range revealLayouts {
		if g.revealHeight(try, a, in.w) <= in.h {
			lay = try
			break
		}
	}
	y := in.y + g.stack(g.revealHead(lay), in.x, in.y, in.w, true) + lay.gap
	cl := l.Claim
	plot := rect{in.x + 20, y + 10, in.w - 40, lay.plot}
	g.drawDots(a, plot)
	y = plot.y + plot.h + 14
	alo, ahi := axis(a)
	c.text(difference(tx, cl.Metric, alo), regular, lessonText, plot.x, y, cardInk, text.AlignStart)
	c.text(difference(tx, cl.Metric, ahi), regular, lessonText, plot.x+plot.w, y, cardInk, text.AlignEnd)
	y += float32(lessonText*lineHeight) + lay.gap
	g.stack(g.revealBody(lay, a), in.x, y, in.w, true)
}

// revealLayout is how spaciously the answer's card is laid out.
type revealLayout struct {
	question, answer float64 // the question's and the answer's type sizes
	plot, gap        float32 // the dots' height, and the space between the card's parts
}

// revealLayouts are the answer card's layouts, most spacious first.
var revealLayouts = []revealLayout{{32, 36, 70, 16}, {lessonText, 32, 50, 8}, {lessonText, lessonText, 36, 4}}

// cardInk is the colour of the answer card's text.
var cardInk = color.RGBA{0xff, 0xff, 0xff, 0xff}

// revealHead is the answer card's head: what it is, and the question.
func (g *Game) revealHead(lay revealLayout) []paragraph {
	_, all := g.sim.Lesson.Reveal.Progress()
	return []paragraph{
		{s: g.tx().T("answer_over", "Count", all), size: lessonText, col: highlight},
		{s: g.sim.Lesson.Question, bold: true, size: lay.question, col: cardInk, gap: 6},
	}
}

// revealBody is the answer card under the dots: what they are, which way
// the worlds went, the answer, the class's prediction and the phones', and
// the world the class watched.
func (g *Game) revealBody(lay revealLayout, a *classroom.Answer) []paragraph {
	l, tx := g.sim.Lesson, g.tx()
	said := tx.T("class_no_prediction")
	if p := l.Prediction; p >= 0 {
		verdict := tx.T("verdict_wrong")
		if p == a.Outcome {
			verdict = tx.T("verdict_right")
		}
		said = tx.T("class_said", "Answer", l.Answers[p], "Verdict", verdict)
	}
	dots, way := answerSentences(tx, l.Claim, a)
	gap := lay.gap / 2
	return []paragraph{
		{s: dots, size: lessonText, col: cardInk},
		{s: way, size: lessonText, col: cardInk, gap: gap},
		{s: tx.T("answer_is", "Answer", tx.Answer(l.Lesson, a.Outcome)), bold: true, size: lay.answer, col: highlight, gap: gap},
		{s: said, bold: true, size: lessonText, col: cardInk, gap: gap / 2},
		{s: phonesLine(tx, l, g.view), size: lessonText, col: cardInk, gap: gap / 2},
		{s: g.watched(a), size: lessonText, col: cardInk, gap: gap},
	}
}

// revealHeight is the height the answer card's contents take in a column
// of width w with a layout.
func (g *Game) revealHeight(lay revealLayout, a *classroom.Answer, w float32) float32 {
	return g.stack(g.revealHead(lay), 0, 0, w, false) + lay.gap + 10 + lay.plot + 14 + float32(lessonText*lineHeight) + lay.gap +
		g.stack(g.revealBody(lay, a), 0, 0, w, false)
}

// axis returns the ends of the dots' axis: every dot, the band and zero,
// with a margin.
func axis(a *classroom.Answer) (lo, hi float64) {
	lo, hi = 0, 0
	if !math.IsNaN(a.Lo) {
		lo, hi = min(0, a.Lo), max(0, a.Hi)
	}
	for _, d := range a.Diff {
		lo, hi = min(lo, d), max(hi, d)
	}
	if hi-lo < 1e-9 {
		return -0.01, 0.01 // no difference in any world: a narrow axis around zero, not one of 1e-11
	}
	pad := (hi - lo) * 0.08
	return lo - pad, hi + pad
}

// drawDots draws the worlds' differences on a line across r: the band, the
// mean, zero, and a dot a world, the watched one ringed, grey where the
// claim's precondition failed (no band or mean when it is not applicable).
func (g *Game) drawDots(a *classroom.Answer, r rect) {
	c := &g.c
	lo, hi := axis(a)
	x := func(v float64) float32 { return r.x + r.w*float32((v-lo)/(hi-lo)) }
	if !math.IsNaN(a.Mean) {
		c.rect(rect{x(a.Lo), r.y, max(x(a.Hi)-x(a.Lo), 2), r.h}, color.RGBA{0x80, 0x68, 0x40, 0xff})
		c.rect(rect{x(a.Mean) - 2, r.y - 6, 4, r.h + 12}, highlight)
	}
	c.rect(rect{r.x, r.y + r.h/2 - 1, r.w, 2}, muted)
	c.rect(rect{x(0) - 1.5, r.y - 10, 3, r.h + 20}, color.RGBA{0xff, 0xff, 0xff, 0xff})
	for k, d := range a.Diff {
		y := r.y + r.h/2 + float32(k%5-2)*9 // spread so that equal values show
		if a.Seeds[k] == g.sim.Seed {
			c.rect(rect{x(d) - 9, y - 9, 18, 18}, highlight)
		}
		dot := color.RGBA{0xff, 0xff, 0xff, 0xff}
		if a.Passed != nil && !a.Passed[k] {
			dot = color.RGBA{0x90, 0x90, 0x90, 0xff}
		}
		c.rect(rect{x(d) - 6, y - 6, 12, 12}, dot)
	}
}

// watched places the world the class watched among the others.
func (g *Game) watched(a *classroom.Answer) string {
	s, cl, tx := g.sim, g.sim.Lesson.Claim, g.tx()
	from, to := cl.Moment.Rows(s.Scenario.Run().Months + 1)
	if s.Month() < to-1 {
		return tx.T("watched_not_reached", "Month", to-1, "From", from, "To", to-1)
	}
	var arm, ref float64
	for _, st := range s.Arms {
		switch st.Name {
		case cl.Arm:
			arm = st.At(cl.Moment, cl.Metric)
		case cl.Compare:
			ref = st.At(cl.Moment, cl.Metric)
		}
	}
	if cl.Compare == "" {
		ref = cl.Value
	}
	t := tx.T("watched_world", "Seed", s.Seed, "Difference", differenceWithUnit(tx, cl.Metric, arm-ref), "Which", whichWorld(tx, s, a))
	switch {
	case len(s.Changes) > 0 && s.Steered:
		t += " " + tx.T("changed_by_sliders_and_votes")
	case len(s.Changes) > 0:
		t += " " + tx.T("changed_by_sliders")
	case s.Steered:
		t += " " + tx.T("changed_by_votes")
	}
	return t
}

// whichWorld says, briefly, how the watched world was chosen or where it
// stands among the worlds by its effect (W switches to a surprising one).
func whichWorld(tx *lang.Book, s *classroom.Sim, a *classroom.Answer) string {
	l := s.Lesson
	rank, of := a.Place(slices.Index(a.Seeds, s.Seed))
	switch {
	case l.Chosen && l.Watching == classroom.Typical:
		return tx.T("world_typical")
	case l.Chosen:
		return tx.T("world_surprising")
	case rank == 1:
		return tx.T("world_lowest", "Count", of)
	case rank == of && rank > 0:
		return tx.T("world_highest", "Count", of)
	case rank > 0:
		return tx.T("world_nth_lowest", "Rank", rank, "Ordinal", ordinal(rank), "Count", of)
	}
	return tx.T("world_not_counted")
}

// ordinal writes 1 as "1st", 2 as "2nd", and so on, in English (another
// language's world_nth_lowest writes its own ordinal from the rank).
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// drawMenu draws the built-in scenarios to choose from, in two columns.
func (g *Game) drawMenu(size float64) {
	c := &g.c
	names := scenario.Names()
	line := float32(size*lineHeight) + 14
	rows := (len(names) + 1) / 2
	box := rect{60, topBarH + 8, c.W - 120, line*float32(rows+1) + 40}
	c.rect(box, overlayFill)
	g.at(rect{0, 0, c.W, c.H}, hit{do: func(g *Game) error { g.menu = false; return nil }})
	c.text(g.tx().T("menu_title"), bold, size, box.x+20, box.y+14, highlight, text.AlignStart)
	w := (box.w - 60) / 2
	for i, n := range names {
		r := rect{box.x + 20 + float32(i/rows)*(w+20), box.y + 20 + line*float32(i%rows+1), w, line - 8}
		fill := color.RGBA{0x40, 0x40, 0x40, 0xff}
		if n == g.sim.Scenario.Name {
			fill = color.RGBA{0x70, 0x58, 0x30, 0xff}
		}
		c.rect(r, fill)
		c.text(n, regular, c.fit(n, regular, size, g.least(), r.w-20), r.x+10, r.y+3, color.White, text.AlignStart)
		g.at(r, hit{do: func(g *Game) error { return g.open(n) }})
	}
}

// conditionsLine says what the compared worlds were like by the metrics the
// claim's precondition reads, as " Work done by machines: 53% in commons,
// 49% in private." (empty without a precondition).
func conditionsLine(tx *lang.Book, cs []scenario.Condition) string {
	var b strings.Builder
	for i, c := range cs {
		if i == 0 || cs[i-1].Metric != c.Metric {
			if i > 0 {
				b.WriteString(".")
			}
			w := words(tx, c.Metric)
			fmt.Fprintf(&b, " %s%s: ", strings.ToUpper(w[:1]), w[1:])
		} else {
			b.WriteString(", ")
		}
		b.WriteString(tx.T("value_in_arm", "Value", withUnit(tx, c.Metric, c.Mean), "Arm", c.Arm))
	}
	if b.Len() > 0 {
		b.WriteString(".")
	}
	return b.String()
}
