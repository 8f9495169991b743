package hosting

import "slices"

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
	s.end(message("removed", map[string]any{"text": errRemoved.Error() + "."}))
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
		s.end(message("reset", map[string]any{"text": "The teacher has started the class's roll again: join again."}))
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
