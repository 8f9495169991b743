package classroom

// Class is a class hosted from the window, whose students join from their
// phones (package hosting serves one). The window calls it between updates.
type Class interface {
	Sync(s *Sim)   // after every update: the class and the Sim catch up with each other
	Decide(s *Sim) // close the vote on the open ballot: the majority decides
	View() ClassView
}

// ClassView is what the window shows of a hosted class.
type ClassView struct {
	URL, Code string
	Arm       string // the world the class lives in
	Joined    int
	Answered  int
	Answers   []int // phones giving each of the lesson's answers
	Refusing  int   // residents who would refuse data centres where they live
	Accepting int
	Yes, No   int   // the open ballot's votes
	Followed  []int // the persons the students follow
}
