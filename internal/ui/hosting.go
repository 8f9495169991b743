package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	qrcode "github.com/skip2/go-qrcode"
	"golang.org/x/image/font/sfnt"

	"commonwealth/internal/classroom"
)

// qr returns the QR code of the class's page, made again only when the
// address changes (the class's code changes after many wrong guesses).
func (g *Game) qr() [][]bool {
	if g.qrBits == nil || g.qrFor != g.view.URL {
		g.qrBits, g.qrFor = nil, g.view.URL
		q, err := qrcode.New(g.view.URL, qrcode.Medium)
		if err != nil {
			return nil
		}
		g.qrBits = q.Bitmap() // with its quiet border
	}
	return g.qrBits
}

// joinPanelW is the width of the panel with the QR code beside a card.
const joinPanelW = 360

// drawJoin draws how to join the class at the right of the screen: the QR
// code, the address, the code, and how many have joined and answered.
func (g *Game) drawJoin(t classroom.ClassView) {
	c := &g.c
	x := c.W - joinPanelW - 10
	y := float32(topBarH + 10)
	bits := g.qr()
	size := float32(joinPanelW - 20)
	box := rect{x, y, joinPanelW, size + 20}
	c.rect(box, color.RGBA{0xff, 0xff, 0xff, 0xff})
	if n := len(bits); n > 0 {
		m := size / float32(n)
		for r, row := range bits {
			for k, on := range row {
				if on {
					c.rect(rect{x + 10 + float32(k)*m, y + 10 + float32(r)*m, m, m}, color.RGBA{0, 0, 0, 0xff})
				}
			}
		}
	}
	lines := []paragraph{
		{s: "Join on a phone: code " + t.Code, bold: true, size: lessonText, col: ink, gap: 8},
		{s: strings.TrimPrefix(strings.SplitN(t.URL, "?", 2)[0], "http://"), size: lessonText, col: muted},
		{s: fmt.Sprintf("%d joined, %d answered", t.Joined, t.Answered), size: lessonText, col: ink, gap: 8},
	}
	g.stack(lines, x, y+size+20, joinPanelW, true)
}

// classLine says what the class has done, for the line under the worlds.
func classLine(t classroom.ClassView, ballot bool) string {
	s := fmt.Sprintf("Class: %d joined", t.Joined)
	if t.Refusing+t.Accepting > 0 {
		s += fmt.Sprintf(" · %d refuse data centres, %d accept", t.Refusing, t.Accepting)
	}
	if t.Locked {
		s += " · joining locked"
	}
	if ballot {
		s += " · voting"
	}
	return s + " · P: their people · J: lock · K: roll"
}

// drawBallot draws the class's vote over the charts: the question, the
// number who have voted so far (not how: no bandwagon), and how to close
// it.
func (g *Game) drawBallot(e string, t classroom.ClassView, size float64) {
	g.drawNotice(fmt.Sprintf("The class votes on their phones: %s\n%d of %d voted (the count is shown when the vote closes). Space or Enter closes the vote: the majority decides.",
		e, t.Voted, t.Joined), size)
}

// drawNotice draws what the class is doing on their phones over the
// bottom of the charts (a vote, a decision round).
func (g *Game) drawNotice(s string, size float64) {
	c := &g.c
	body := c.wrap(s, bold, size, c.W-100)
	_, h := c.measure(body, bold, size)
	r := rect{30, c.H - float32(h) - 50, c.W - 60, float32(h) + 30}
	c.rect(r, overlayFill)
	c.text(body, bold, size, r.x+20, r.y+15, highlight, text.AlignStart)
}

// phonesLine says what the phones answered, for the answer's card; a tie
// for the most is announced as one.
func phonesLine(l *classroom.Lesson, t classroom.ClassView) string {
	if t.Answered == 0 {
		return ""
	}
	var parts []string
	for i, n := range t.Answers {
		parts = append(parts, fmt.Sprintf("%d %s", n, l.Answers[i]))
	}
	if classroom.Plurality(t.Answers) < 0 {
		return "The class was split: " + strings.Join(parts, ", ") + " (no prediction)."
	}
	return "The phones said: " + strings.Join(parts, ", ") + "."
}

// rollShown is how much of the roll the window shows.
type rollShown int

const (
	rollHidden rollShown = iota
	rollCounts           // counts and seat numbers: nobody's nickname on the projector
	rollNames            // with nicknames, when the teacher asks
)

// nextRoll is the roll shown after K (counts) or Shift+K (names): each
// shows its kind, or hides it when it is shown.
func nextRoll(r rollShown, counts, names bool) rollShown {
	switch {
	case counts && r == rollCounts, names && r == rollNames:
		return rollHidden
	case counts:
		return rollCounts
	case names:
		return rollNames
	}
	return r
}

// rollText is the teacher's view of the roll: the counts, then who has
// not yet answered, or voted, by seat (and nickname if asked): the few a
// teacher may want to nudge, at most rollNames of each.
func rollText(t classroom.ClassView, names bool, seat string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The roll: %d joined, %d online, %d answered, %d voted", t.Joined, t.Online, t.Answered, t.Voted)
	if t.Locked {
		b.WriteString(" · joining locked (J opens it)")
	} else {
		b.WriteString(" · J locks joining")
	}
	switch {
	case t.Shared:
		b.WriteString("\nPhones may all share one address (U limits them again)")
	case t.Refused > 0:
		fmt.Fprintf(&b, "\n%d phones refused: too many from one address (U: the phones share a router)", t.Refused)
	}
	notYet := func(what string, has func(classroom.RollLine) bool) {
		var out []string
		for _, l := range t.Roll {
			if has(l) {
				continue
			}
			s := strconv.Itoa(l.Seat)
			if names {
				s = onScreen(l.Name) + " (" + s + ")"
			}
			out = append(out, s)
		}
		if len(out) > rollListed {
			out = append(out[:rollListed], fmt.Sprintf("and %d more", len(out)-rollListed))
		}
		if len(out) > 0 {
			fmt.Fprintf(&b, "\nNot %s yet: %s", what, strings.Join(out, ", "))
		}
	}
	notYet("answered", func(l classroom.RollLine) bool { return l.Answered })
	if t.Voted > 0 {
		notYet("voted", func(l classroom.RollLine) bool { return l.Voted })
	}
	if seat != "" {
		fmt.Fprintf(&b, "\nRemove the student in seat %s? Delete removes them, Backspace erases", seat)
	} else {
		b.WriteString("\nType a seat and press Delete to remove its student · K hides the roll · Shift+K: nicknames · Shift+J empties the roll (the code stays)")
	}
	return b.String()
}

// rollListed is how many students the roll lists of those who have not
// yet answered or voted.
const rollListed = 12

// onScreen returns a nickname as the window's font can draw it (the Go
// fonts: Latin, Greek, Cyrillic): a character it lacks shows as "?" (one
// for a run of them, such as an emoji), and joiners, combining marks and
// modifiers it lacks are left out. Phones show nicknames in their own
// fonts, whole.
func onScreen(name string) string {
	var buf sfnt.Buffer
	var b strings.Builder
	for _, r := range name {
		if i, err := regular.GlyphIndex(&buf, r); err == nil && i != 0 {
			b.WriteRune(r)
			continue
		}
		if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Sk) {
			continue
		}
		if !strings.HasSuffix(b.String(), "?") {
			b.WriteByte('?')
		}
	}
	return b.String()
}

// drawRoll draws the roll over the worlds.
func (g *Game) drawRoll(t classroom.ClassView, size float64) {
	c := &g.c
	body := c.wrap(rollText(t, g.roll == rollNames, g.seat), regular, size, c.W-100)
	_, h := c.measure(body, regular, size)
	r := rect{30, topBarH + 10, c.W - 60, float32(h) + 30}
	c.rect(r, overlayFill)
	c.text(body, regular, size, r.x+20, r.y+15, color.White, text.AlignStart)
}
