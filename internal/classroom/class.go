package classroom

import "slices"

// Class is a class hosted from the window, whose students join from their
// phones (package hosting serves one). The window calls it between updates.
type Class interface {
	Sync(s *Sim)   // after every update: the class and the Sim catch up with each other
	Decide(s *Sim) // close the vote on the open ballot: the majority decides
	View() ClassView
	Teach(t Teaching)         // what the teacher asks of the room
	RemoveSeat(seat int) bool // take the student in seat out of the class; false if there is none
}

// Teaching is what the teacher asks of the room from the window's keys.
type Teaching int

// What the teacher may ask.
const (
	ToggleLock   Teaching = iota + 1 // close joining to new students, or open it again
	NewRoll                          // empty the roll, keeping the code: every phone joins again
	ToggleShared                     // the phones reach the host through one router (NAT), sharing an address: no limit per address, or the limit again
)

// ClassView is what the window shows of a hosted class.
type ClassView struct {
	URL, Code string
	Arm       string // the world the class lives in
	Phones    bool   // the phones have something to do in this scenario: the window invites the class to join
	Joined    int
	Online    int // joined and connected now
	Answered  int
	Answers   []int // phones giving each of the lesson's answers
	Refusing  int   // residents who would refuse data centres where they live
	Accepting int
	Voted     int        // students who have voted on the ballot
	Yes, No   int        // the last closed ballot's votes (an open ballot's are not shown: no bandwagon)
	Result    string     // how the last closed ballot ended, in words
	Round     string     // the open decision round, in words ("" for none): who decides, how many have, the time left
	Followed  []int      // the persons the students follow
	Locked    bool       // joining is closed
	Refused   int        // joins refused for too many students from one address
	Shared    bool       // the phones may all share one address (a classroom behind one router)
	Roll      []RollLine // the roll, in the order students joined
}

// RollLine is a student in the teacher's view of the roll. The window
// shows the nickname only when the teacher asks.
type RollLine struct {
	Seat            int
	Name            string
	Online          bool
	Answered, Voted bool
}

// Plurality is the index of the answer most gave, or −1 when two or more
// tie for the most (or there are none): a tie is announced as a split,
// not settled by the order of the answers.
func Plurality(counts []int) int {
	if len(counts) == 0 {
		return -1
	}
	top := slices.Max(counts)
	if i := slices.Index(counts, top); slices.Index(counts[i+1:], top) < 0 {
		return i
	}
	return -1
}
