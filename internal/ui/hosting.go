package ui

import (
	"image/color"
	"strconv"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	qrcode "github.com/skip2/go-qrcode"
	"golang.org/x/image/font/sfnt"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
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
		{s: g.tx().T("join_code", "Code", t.Code), bold: true, size: lessonText, col: ink, gap: 8},
		{s: strings.TrimPrefix(strings.SplitN(t.URL, "?", 2)[0], "http://"), size: lessonText, col: muted},
		{s: g.tx().T("joined_answered", "Joined", t.Joined, "Answered", t.Answered), size: lessonText, col: ink, gap: 8},
	}
	g.stack(lines, x, y+size+20, joinPanelW, true)
}

// classLine says what the class has done, for the line under the worlds.
func classLine(tx *lang.Book, t classroom.ClassView, ballot bool) string {
	s := tx.T("class_joined", "Count", t.Joined)
	if t.Refusing+t.Accepting > 0 {
		s += " · " + tx.T("class_refusing", "Refusing", t.Refusing, "Accepting", t.Accepting)
	}
	if t.Locked {
		s += " · " + tx.T("class_locked")
	}
	if ballot {
		s += " · " + tx.T("class_voting")
	}
	return s + " · " + tx.T("class_keys")
}

// drawBallot draws the class's vote over the charts: the question, the
// number who have voted so far (not how: no bandwagon), and how to close
// it.
func (g *Game) drawBallot(e string, t classroom.ClassView, size float64) {
	g.drawNotice(g.tx().T("ballot_notice", "Question", e, "Voted", t.Voted, "Count", t.Joined), size)
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
func phonesLine(tx *lang.Book, l *classroom.Lesson, t classroom.ClassView) string {
	if t.Answered == 0 {
		return ""
	}
	if classroom.Plurality(t.Answers) < 0 {
		return tx.T("phones_split_window", "Counts", tx.Counts(l.Answers[:], t.Answers))
	}
	return tx.T("phones_said", "Counts", tx.Counts(l.Answers[:], t.Answers))
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
func rollText(tx *lang.Book, t classroom.ClassView, names bool, seat string) string {
	var b strings.Builder
	b.WriteString(tx.T("roll_counts", "Joined", t.Joined, "Online", t.Online, "Answered", t.Answered, "Voted", t.Voted))
	if t.Locked {
		b.WriteString(" · " + tx.T("roll_locked"))
	} else {
		b.WriteString(" · " + tx.T("roll_lock_key"))
	}
	switch {
	case t.Shared:
		b.WriteString("\n" + tx.T("roll_shared"))
	case t.Refused > 0:
		b.WriteString("\n" + tx.T("roll_refused", "Count", t.Refused))
	}
	notYet := func(id string, has func(classroom.RollLine) bool) {
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
			out = append(out[:rollListed], tx.T("roll_more", "Count", len(out)-rollListed))
		}
		if len(out) > 0 {
			b.WriteString("\n" + tx.T(id, "Seats", strings.Join(out, ", ")))
		}
	}
	notYet("roll_not_answered", func(l classroom.RollLine) bool { return l.Answered })
	if t.Voted > 0 {
		notYet("roll_not_voted", func(l classroom.RollLine) bool { return l.Voted })
	}
	if seat != "" {
		b.WriteString("\n" + tx.T("roll_remove_seat", "Seat", seat))
	} else {
		b.WriteString("\n" + tx.T("roll_keys"))
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
	body := c.wrap(rollText(g.tx(), t, g.roll == rollNames, g.seat), regular, size, c.W-100)
	_, h := c.measure(body, regular, size)
	r := rect{30, topBarH + 10, c.W - 60, float32(h) + 30}
	c.rect(r, overlayFill)
	c.text(body, regular, size, r.x+20, r.y+15, color.White, text.AlignStart)
}
