package hosting

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// What the teacher can do to the room: lock joining, remove a student,
// begin the roll again with the same code, and look at the roll.

// Lock closes the class to new students (locked) or opens it; students
// already in it rejoin either way.
func (c *Class) Lock(locked bool) { c.set(&c.locked, locked) }

// Remove takes the student in seat out of the class: their phone is told
// and disconnected, their answer and votes no longer count, their token no
// longer rejoins, and they still count against their address's allowance.
// It reports whether there was such a student.
func (c *Class) Remove(seat int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	i := slices.IndexFunc(c.order, func(s *Student) bool { return s.Seat == seat })
	if i < 0 {
		return false
	}
	s := c.order[i]
	s.end(message("removed", map[string]any{"text": errRemoved.In(c.cfg.tx()) + "."}))
	delete(c.students, s.Token)
	c.barred[s.Token] = true
	c.order = slices.Delete(c.order, i, i+1)
	c.changed++
	return true
}

// Reset empties the roll and keeps the code: every phone is told to join
// again (the page shows the join form with the code filled in), and the
// allowances per address begin again.
func (c *Class) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.order {
		s.end(message("reset", map[string]any{"text": c.cfg.tx().T("roll_reset")}))
	}
	c.students, c.order, c.admitted, c.barred, c.refused = map[string]*Student{}, nil, map[string]int{}, map[string]bool{}, 0
	c.changed++
}

// Seat is one line of the teacher's roll.
type Seat struct {
	Seat     int    // the student's number, in the order they joined (not reused)
	Name     string // their nickname: the window shows it only when the teacher asks
	Online   bool
	Answered bool // they have predicted
	Voted    bool // they have voted on the ballot, open or last closed
}

// Roll returns the teacher's view of the class: a line a student, in the
// order they joined.
func (c *Class) Roll() []Seat {
	c.mu.Lock()
	defer c.mu.Unlock()
	roll := make([]Seat, len(c.order))
	for i, s := range c.order {
		roll[i] = Seat{Seat: s.Seat, Name: s.Name, Online: s.Online, Answered: s.Answer >= 0}
		if c.ballot != nil {
			_, roll[i].Voted = s.votes[c.ballot.ID]
		}
	}
	return roll
}

// Commands is the help of Command.
const Commands = "lock, unlock, remove SEAT, reset, roll, roll names, allow N (students per address)"

// Command carries out a teacher's command typed as a line (see Commands),
// for a host without a window, and says what it did.
func (c *Class) Command(line string) string {
	f := strings.Fields(line)
	if len(f) == 0 {
		return ""
	}
	arg := func() (int, bool) {
		if len(f) != 2 {
			return 0, false
		}
		n, err := strconv.Atoi(f[1])
		return n, err == nil && n > 0
	}
	switch strings.ToLower(f[0]) {
	case "lock":
		c.Lock(true)
		return "joining is locked: students who joined may rejoin, nobody new"
	case "unlock":
		c.Lock(false)
		return "joining is open"
	case "remove":
		if n, ok := arg(); ok && c.Remove(n) {
			return fmt.Sprintf("removed student %d", n)
		}
		return "remove SEAT: no such student (roll lists the seats)"
	case "reset":
		c.Reset()
		return "the roll is empty; the code is still " + c.Code()
	case "allow":
		n, ok := arg()
		if !ok {
			return "allow N: N students from one address (4 by default; a classroom behind one NAT needs its size)"
		}
		l := c.Limits()
		l.StudentsPerAddress = n
		c.SetLimits(l)
		return fmt.Sprintf("%d students may join from one address", n)
	case "roll":
		return c.rollText(len(f) > 1 && strings.EqualFold(f[1], "names"))
	}
	return "commands: " + Commands
}

// rollText is the roll in words: the counts, then a line a student, with
// their nickname only if asked.
func (c *Class) rollText(names bool) string {
	t := c.Tally()
	var b strings.Builder
	fmt.Fprintf(&b, "%d joined, %d online, %d answered, %d voted", t.Joined, t.Online, t.Answered, t.Voted)
	if t.Locked {
		b.WriteString(", joining locked")
	}
	if t.Refused > 0 {
		fmt.Fprintf(&b, ", %d refused for too many from one address (allow N)", t.Refused)
	}
	for _, s := range c.Roll() {
		fmt.Fprintf(&b, "\n  %3d", s.Seat)
		if names {
			fmt.Fprintf(&b, " %s ·", s.Name) // a nickname holds no control or direction characters (cleanName)
		}
		for _, f := range []struct {
			on   bool
			word string
		}{{s.Online, "online"}, {s.Answered, "answered"}, {s.Voted, "voted"}} {
			if f.on {
				b.WriteString(" " + f.word)
			}
		}
	}
	return b.String()
}
