package economy

// pipeline is the step loop of large worlds (capitalism.stepsAhead,
// production.actAhead): it runs n steps whose turns are drawn a block of
// wrightAhead ahead, never past the n steps, so that their lines can be
// asked for while the block before them runs. Two slots hold the turns of
// the block running and of the next, alternately. draw(slot, m) draws the
// next m turns into slot and asks for their first lines; stage(slot, m, s),
// at the step s of the running block where each of the stages below runs,
// asks for the next block's lines of that stage (when a next block is
// drawn; m is how many turns it has); step(slot, i, j) runs turn i of the
// running block's slot, the j-th of the n steps.
func pipeline(n int, draw func(slot, m int), stage func(slot, m, s int), step func(slot, i, j int)) {
	drawn := 0
	for at := -wrightAhead; at < n; at += wrightAhead {
		if drawn < n {
			m := min(wrightAhead, n-drawn)
			draw(drawn/wrightAhead%2, m)
			drawn += m
		}
		if at < 0 {
			continue
		}
		cur, next := at/wrightAhead%2, (at/wrightAhead+1)%2
		more := drawn > at+wrightAhead // a next block is drawn
		for i := range min(wrightAhead, n-at) {
			if more && (i == firmsStage || i == listsStage || i == staffStage) {
				stage(next, drawn-at-wrightAhead, i)
			}
			step(cur, i, at+i)
		}
	}
}

// The stages of the pipeline after the draws, at the step of a block where
// each runs for the next block: each reads what the one before asked for,
// a few steps (about a miss's latency) earlier.
const (
	firmsStage = wrightAhead / 2     // the persons' classes are in: ask for their firms', staff lists' and weights' lines
	listsStage = wrightAhead * 3 / 4 // the capitalists' staff list headers are in: ask for the lists
	staffStage = wrightAhead - 1     // the lists are in: ask for the employees' lines
)

// The stages must come in this order within a block, each at a step of
// its own (a wrightAhead below 4 would merge them, and a merged stage's
// later work would never run): each line below fails to compile, as a
// negative constant for a uint, when they do not.
const (
	_ uint = listsStage - firmsStage - 1
	_ uint = staffStage - listsStage - 1
)
