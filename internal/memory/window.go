package memory

import (
	"fmt"

	"commonwealth/internal/scenario"
)

// windowFixed is what the window holds whatever the population: Ebiten,
// Mesa's GL context, the pictures' textures and the fonts. Measured: the
// peak resident set of the window with 1,000 people after 60 frames was
// 152.9 MB for Wright's lesson and 153.8 MB for the Boltzmann lesson
// (their worlds under 1 MB of it), with people = 1000 in a copy of each:
//
//	xvfb-run -a /usr/bin/time -f %M sim wright-1000.toml --screenshot w.png --frames 60
const windowFixed = 160_000_000

// windowPerPerson is what the window keeps of each person of each arm on
// screen between months, beside the worlds: a crowd's rank (int32) and key
// (uint16), internal/ui/crowd.go. The rest of what it draws is bounded by
// the screen, not the population: the pictures' pixels, the crowds' marks,
// and the charts' distributions, worked out once a month into fixed arrays
// (internal/ui/now.go) from the meter's sorted copy, which the worlds'
// estimate already counts (economy.WorldBytes).
const windowPerPerson = 4 + 2

// windowOwn estimates what the window holds of its own on sc: its fixed
// part, and its per-person arrays for every arm with the garbage
// collector's quarter.
func windowOwn(sc *scenario.Scenario) int64 {
	perPerson := mul(windowPerPerson, int64(len(sc.Arms)))
	return add(windowFixed, withHeadroom(mul(perPerson, int64(sc.Run().People))))
}

// Window estimates the peak memory of the window on sc: its worlds (every
// arm and the lesson's answer, SimWorlds) and what the window itself
// holds beside them.
func Window(sc *scenario.Scenario) int64 {
	return add(Worlds(sc, SimWorlds(sc)), windowOwn(sc))
}

// CheckWindow refuses to open the window on sc when it needs more memory
// than available, saying how much it needs and what to change.
func CheckWindow(sc *scenario.Scenario, available int64) error {
	fewer := "fewer people (people = N in the scenario) or fewer arms"
	if sc.Lesson != nil {
		fewer = "fewer people (people = N in the scenario), arms or seeds (the lesson's answer keeps the worlds of every seed)"
	}
	also := fmt.Sprintf(", and the window's own %s", scenario.Bytes(float64(windowOwn(sc))))
	return refuseWorlds(sc, "the window", SimWorlds(sc), Window(sc), available, also, fewer)
}

// GuardWindow is CheckWindow against the memory available now; it passes
// where the system cannot tell.
func GuardWindow(sc *scenario.Scenario) error {
	if avail, ok := Available(); ok {
		return CheckWindow(sc, avail)
	}
	return nil
}
