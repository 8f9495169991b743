package hosting

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"commonwealth/internal/agents"
	"commonwealth/internal/classroom"
	"commonwealth/internal/economy"
	"commonwealth/internal/lang"
	"commonwealth/internal/scenario"
)

// Host joins a class to the worlds a classroom.Sim runs: it gives the
// world the residents' votes on data centres, opens and closes the votes
// the scenario's events offer, tells each phone the lesson's stage, their
// person's life month by month and what happens in their community. Its
// methods run on the window's goroutine (or headless host's), between
// updates of the Sim.
type Host struct {
	*Server
	sim      *classroom.Sim
	part     *scenario.Participation
	changed  int               // the tally's Changed when last synced
	world    any               // the world the voice was last given to
	month    int               // the last month told
	said     string            // the last state told
	history  map[int][]int64   // each followed person's money, month by month, since first followed
	followed map[int]struct{}  // the persons followed
	joins    map[string]int    // each student's connections when last sent their history
	seen     []communitySeen   // each community's refusals and data centres last month
	lesson   *classroom.Lesson // whose prediction the phones may set
	told     map[string]told   // each student's verdict on their prediction, as last sent
	after    []aftermath       // closed rounds whose residents are yet to be told what came of them
}

// tx returns the book of the class's language.
func (h *Host) tx() *lang.Book { return h.Class.Lang() }

// told is a verdict sent to a student: their prediction, the answer's
// outcome, and the student's connections then (a tab opened since is told
// again).
type told struct{ predicted, outcome, joins int }

// communitySeen is what a community had when last looked at.
type communitySeen struct{ refused, centres int }

// historyMonths is how much of a person's money a phone is sent.
const historyMonths = 240

// NewHost serves a class for sim's scenario on addr (see Listen), spoken
// to in the language of tx (nil: English).
func NewHost(sim *classroom.Sim, addr string, tx *lang.Book) (*Host, error) {
	c := New(NewCode(), Config{Lang: tx}, NewToken)
	srv, err := Listen(c, addr)
	if err != nil {
		return nil, err
	}
	h := &Host{Server: srv}
	h.bind(sim)
	return h, nil
}

// bind takes the class to a Sim (a new scenario, or the first).
func (h *Host) bind(s *classroom.Sim) {
	h.sim, h.part, h.month, h.said, h.world, h.lesson = s, s.Scenario.Participation, -1, "", nil, nil
	h.history, h.followed, h.joins, h.seen, h.told, h.after = map[int][]int64{}, map[int]struct{}{}, map[string]int{}, nil, map[string]told{}, nil
	s.Voting = true
	if h.part != nil && h.part.Rounds != "" {
		s.Speed = classroom.ClassPace // the class lives through the years between its decisions
	}
	cfg := Config{Lang: h.tx()} // the class keeps its language from scenario to scenario
	if p := h.part; p != nil {
		if st := h.arm(); st != nil {
			if p.Follow {
				cfg.People = len(st.Snap.Wealth)
			}
			if p.Lives() && st.Snap.AI != nil {
				cfg.Communities = len(st.Snap.AI.Communities)
			}
		}
		if p.Predict && s.Scenario.Lesson != nil {
			cfg.Answers = s.Scenario.Lesson.Answers[:]
		}
	}
	h.Class.Reconfigure(cfg)
	for _, st := range h.Class.Students() {
		h.Class.Send(st.Token, message("welcome", welcome(st)))
	}
	h.changed = -1
}

// Arm names the world the class lives in, or "".
func (h *Host) Arm() string {
	if h.part == nil {
		return ""
	}
	return h.part.Arm
}

// arm returns the world the class lives in, if it is running.
func (h *Host) arm() *classroom.ArmState {
	if h.part == nil {
		return nil
	}
	for _, st := range h.sim.Arms {
		if st.Name == h.part.Arm {
			return st
		}
	}
	return nil
}

// Sync brings the class and the Sim up to date with each other; call it
// after every update of the Sim.
func (h *Host) Sync(s *classroom.Sim) {
	if s != h.sim {
		h.bind(s)
	}
	t := h.Class.Tally()
	st := h.arm()
	if p := h.part; p != nil && p.Communities != "" && st != nil && st.Snap.AI != nil &&
		(t.Changed != h.changed || h.world != any(st.World)) {
		voice := t.Voice()
		st.World.SetVoice(voice, p.Communities == scenario.VoteDecides) // the counts are shares of the world's own communities
		h.world = st.World
		s.Steered = s.Steered || slices.ContainsFunc(voice, func(v float64) bool { return !math.IsNaN(v) })
	}
	if h.part != nil && h.part.Rounds != "" {
		h.syncRound(s)
	}
	if s.Ballot != nil && (t.Ballot == nil || t.Ballot.ID != s.Ballots) {
		h.Class.Open(s.Ballots, s.Ballot.Vote)
		t = h.Class.Tally()
	}
	h.Class.SetPredicting(s.Lesson == nil || s.Lesson.Stage <= classroom.StagePredict) // closed once the worlds start: nobody predicts what they have seen
	if l := s.Lesson; l != nil && l.Stage >= classroom.StageWatch && l.Prediction < 0 && t.Answered > 0 && h.lesson != l {
		l.Prediction = classroom.Plurality(t.Answers) // the phones' answer, when the teacher recorded none (none when they were split)
		h.lesson = l
	}
	h.changed = t.Changed
	if state := h.state(s, t); state != h.said {
		h.said = state
		h.SetState([]byte(state))
	} else {
		h.CatchUp()
	}
	h.tellVerdicts(s)
	if st != nil && s.Month() != h.month {
		h.month = s.Month()
		h.tellPeople(st)
		h.tellCommunities(st)
	}
}

// Decide closes the open vote: the majority of the class decides (a tie
// changes nothing, and is announced as a tie), every phone is told how it
// ended, and the Sim goes on.
func (h *Host) Decide(s *classroom.Sim) {
	if s.Round != nil { // a round: closed as it stands
		h.closeRound(s)
		return
	}
	yes, no := h.Class.Close()
	if s.Ballot == nil {
		return
	}
	q := s.Ballot.Vote
	s.Decide(yes > no)
	s.Caption = Outcome(h.tx(), yes, no) + " (" + q + ")"
}

// Teach carries out what the teacher asks from the window's keys.
func (h *Host) Teach(t classroom.Teaching) {
	switch t {
	case classroom.ToggleLock:
		h.Class.Lock(!h.Class.Tally().Locked)
	case classroom.NewRoll:
		h.Class.Reset()
	case classroom.ToggleShared:
		l := h.Class.Limits()
		l.StudentsPerAddress = MaxStudents
		if h.View().Shared {
			l.StudentsPerAddress = DefaultLimits.StudentsPerAddress
		}
		h.Class.SetLimits(l)
	}
}

// RemoveSeat takes the student in seat out of the class (Class.Remove).
func (h *Host) RemoveSeat(seat int) bool { return h.Class.Remove(seat) }

// View is what the window shows of the class.
func (h *Host) View() classroom.ClassView {
	t := h.Class.Tally()
	v := classroom.ClassView{URL: h.URL(), Code: h.Class.Code(), Arm: h.Arm(), Phones: h.sim.Scenario.Phones(), Joined: t.Joined, Online: t.Online,
		Answered: t.Answered, Answers: t.Answers, Voted: t.Voted, Locked: t.Locked, Refused: t.Refused,
		Shared: h.Class.Limits().StudentsPerAddress >= MaxStudents}
	if b := t.Ballot; b != nil && !b.Open {
		v.Yes, v.No, v.Result = b.Yes, b.No, b.Result // the count is shown only once the vote is closed
	}
	if r := h.Class.Round(); r != nil && r.Open {
		v.Round = h.tx().T("round_window", "Community", r.Community+1, "Said", r.Said, "Count", r.Residents,
			"Seconds", fmt.Sprintf("%.0f", max(0, r.Deadline.Sub(h.Class.now()).Seconds())))
	}
	for _, st := range h.Class.Roll() {
		v.Roll = append(v.Roll, classroom.RollLine{Seat: st.Seat, Name: st.Name, Online: st.Online, Answered: st.Answered, Voted: st.Voted})
	}
	for c := range t.Refuse {
		v.Refusing += t.Refuse[c]
		v.Accepting += t.Accept[c]
	}
	for _, s := range h.Class.Students() {
		if s.Person >= 0 {
			v.Followed = append(v.Followed, s.Person)
		}
	}
	return v
}

// state is what every phone is shown now.
func (h *Host) state(s *classroom.Sim, t Tally) string {
	m := map[string]any{"scenario": s.Scenario.Name, "stage": "explore"}
	if l := s.Lesson; l != nil {
		m["stage"] = classroom.Stages[l.Stage]
	}
	if p := h.part; p != nil {
		m["arm"], m["follow"], m["communities"], m["rounds"] = p.Arm, p.Follow, p.Communities, p.Rounds
		if les := s.Scenario.Lesson; p.Predict && les != nil {
			m["predict"], m["question"], m["answers"] = true, les.Question, les.Answers
		}
	}
	if r := h.Class.Round(); r != nil {
		m["round"] = map[string]any{"id": r.ID, "community": r.Community, "open": r.Open, "result": r.Result,
			"seconds": h.part.Deadline} // the phone counts down from when it sees the round: the state stays the same for a broadcast
	}
	if b := t.Ballot; b != nil {
		m["ballot"] = map[string]any{"id": b.ID, "question": b.Question, "open": b.Open, "result": b.Result}
	}
	if l := s.Lesson; l != nil && l.Stage == classroom.StageReveal {
		if a := l.Reveal.Answer(); a != nil {
			m["result"] = h.tx().T("phone_answer", "Count", len(a.Diff), "Answer", h.tx().Answer(l.Lesson, a.Outcome), "Phones", phones(h.tx(), l.Answers[:], t))
		}
	}
	return string(message("state", m))
}

// tellVerdicts tells each student, once the answer is in, what they
// predicted and whether the worlds bore it out.
func (h *Host) tellVerdicts(s *classroom.Sim) {
	l := s.Lesson
	if l == nil || l.Stage != classroom.StageReveal || h.part == nil || !h.part.Predict {
		return
	}
	a := l.Reveal.Answer()
	if a == nil {
		return
	}
	for _, st := range h.Class.Students() {
		v := told{st.Answer, a.Outcome, st.Joins}
		if st.Online && h.told[st.Token] != v &&
			h.Class.Send(st.Token, message("verdict", map[string]any{"text": Verdict(h.tx(), l.Lesson, st.Answer, a.Outcome)})) {
			h.told[st.Token] = v // sent; a phone whose queue was full is sent it again at the next sync
		}
	}
}

// Verdict says to a student what they predicted (an index of the lesson's
// answers, or −1 for none) and whether the worlds bore it out, the
// answer's outcome being one of scenario's Higher … NotApplicable.
func Verdict(tx *lang.Book, ls *scenario.Lesson, predicted, outcome int) string {
	switch {
	case predicted < 0 || predicted >= len(ls.Answers):
		return tx.T("verdict_none", "Answer", tx.Answer(ls, outcome))
	case outcome == scenario.NotApplicable:
		return tx.T("verdict_not_applicable", "Predicted", ls.Answers[predicted])
	case predicted == outcome:
		return tx.T("verdict_borne_out", "Predicted", ls.Answers[predicted])
	}
	return tx.T("verdict_not_borne_out", "Predicted", ls.Answers[predicted], "Answer", ls.Answers[outcome])
}

// phones says what the phones answered.
func phones(tx *lang.Book, answers []string, t Tally) string {
	if t.Answered == 0 {
		return tx.T("phones_none")
	}
	if classroom.Plurality(t.Answers) < 0 {
		return tx.T("phones_split", "Counts", tx.Counts(answers, t.Answers))
	}
	return tx.T("phones_counts", "Counts", tx.Counts(answers, t.Answers))
}

// month is a followed person's month, as a phone is told it.
type month struct {
	Type    string  `json:"type"`
	Name    string  `json:"name"` // the person's short name
	Month   int     `json:"month"`
	Wealth  int64   `json:"wealth"`
	Job     string  `json:"job"`
	Skill   string  `json:"skill"`
	Burden  string  `json:"burden"`
	History []int64 `json:"history,omitempty"` // the whole, to a phone that has just joined; otherwise it adds Wealth
}

// tellPeople sends each phone that follows a person their month: the
// money's history once a connection, then a month at a time.
func (h *Host) tellPeople(st *classroom.ArmState) {
	snap := &st.Snap
	var employees []int32
	if snap.Classes {
		employees = make([]int32, len(snap.Wealth))
		for _, e := range snap.Employer {
			if e >= 0 {
				employees[e]++
			}
		}
	}
	for p := range h.followed {
		hist := append(h.history[p], snap.Wealth[p])
		h.history[p] = hist[max(0, len(hist)-historyMonths):]
	}
	for _, s := range h.Class.Students() {
		p := s.Person
		if !s.Online || p < 0 || p >= len(snap.Wealth) {
			continue
		}
		if _, ok := h.followed[p]; !ok { // a person newly followed: their history starts now
			h.followed[p] = struct{}{}
			h.history[p] = []int64{snap.Wealth[p]}
		}
		m := month{Type: "person", Name: classroom.PersonName(p), Month: snap.Month, Wealth: snap.Wealth[p], Job: job(h.tx(), snap, employees, p), Skill: "—", Burden: "—"}
		if h.joins[s.Token] != s.Joins {
			h.joins[s.Token] = s.Joins
			m.History = h.history[p]
		}
		if ai := snap.AI; ai != nil {
			if p < len(ai.Skill) {
				m.Skill = fmt.Sprintf("%.0f%%", 100*ai.Skill[p])
			}
			if p < len(ai.Burden) {
				m.Burden = fmt.Sprintf("%.2f", ai.Burden[p])
			}
		}
		b, _ := json.Marshal(m)
		h.Class.Send(s.Token, b)
	}
}

// job says what a person does; employees counts each person's.
func job(tx *lang.Book, s *economy.Snapshot, employees []int32, p int) string {
	if !s.Classes {
		return tx.T("job_trades")
	}
	switch agents.Class(s.ClassOf[p]) {
	case agents.Capitalist:
		return tx.T("job_owns", "Firm", classroom.FirmName(p), "Count", employees[p])
	case agents.Worker:
		return tx.T("job_works", "Firm", classroom.FirmName(int(s.Employer[p])), "Owner", classroom.PersonName(int(s.Employer[p])))
	}
	return tx.T("job_unemployed")
}

// tellCommunities tells each community's residents when a data centre is
// refused or begun there.
func (h *Host) tellCommunities(st *classroom.ArmState) {
	ai := st.Snap.AI
	if ai == nil || h.part.Communities == "" {
		return
	}
	now := make([]communitySeen, len(ai.Communities))
	for c, cm := range ai.Communities {
		now[c] = communitySeen{cm.Refused, cm.Datacenters + cm.Building}
	}
	if len(h.seen) == len(now) {
		for _, s := range h.Class.Students() {
			c := s.Community
			if c < 0 || c >= len(now) || !s.Online {
				continue
			}
			year := st.Snap.Month / 12
			switch {
			case now[c].refused > h.seen[c].refused:
				h.Class.Send(s.Token, message("news", map[string]any{"text": h.tx().T("news_refused", "Year", year)}))
			case now[c].centres > h.seen[c].centres:
				h.Class.Send(s.Token, message("news", map[string]any{"text": h.tx().T("news_building", "Year", year)}))
			}
		}
	}
	h.seen = now
}
