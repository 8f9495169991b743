package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"commonwealth/internal/classroom"
)

// readIntent turns this update's key presses into one intent.
func readIntent() classroom.Intent {
	pressed := inpututil.IsKeyJustPressed
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	in := classroom.Intent{
		TogglePause: pressed(ebiten.KeySpace),
		Step:        pressed(ebiten.KeyArrowRight),
		Faster:      pressed(ebiten.KeyEqual) || pressed(ebiten.KeyKPAdd) || pressed(ebiten.KeyArrowUp),
		Slower:      pressed(ebiten.KeyMinus) || pressed(ebiten.KeyKPSubtract) || pressed(ebiten.KeyArrowDown),
		Reset:       pressed(ebiten.KeyR) && !shift,
		ResetAll:    pressed(ebiten.KeyR) && shift,
		NewSeed:     pressed(ebiten.KeyN),
		ToggleHelp:  pressed(ebiten.KeyH) || pressed(ebiten.KeySlash),
		Sliders:     pressed(ebiten.KeyS),
		Next:        pressed(ebiten.KeyEnter) || pressed(ebiten.KeyA),
		Explore:     pressed(ebiten.KeyE) || pressed(ebiten.KeyL),
		Surprise:    pressed(ebiten.KeyW),
	}
	for i, k := range []ebiten.Key{ebiten.Key1, ebiten.Key2, ebiten.Key3} {
		if pressed(k) || pressed(ebiten.KeyKP1+ebiten.Key(i)) {
			in.Predict = i + 1
		}
	}
	return in
}

// windowKeys are the keys the window handles itself.
func windowKeys() (fullScreen, menu bool) {
	return inpututil.IsKeyJustPressed(ebiten.KeyF), inpututil.IsKeyJustPressed(ebiten.KeyM) || inpututil.IsKeyJustPressed(ebiten.KeyEscape)
}

// teachKeys reports the keys that keep a hosted class's room: J locks or
// unlocks joining, Shift+J empties the roll, U lets every phone come from
// one address (a classroom behind one router) or limits them again; K
// shows the roll or hides it,
// Shift+K shows it with the nicknames (which the projector shows only when
// the teacher asks).
func teachKeys() (t classroom.Teaching, roll, names bool) {
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeyJ) && shift:
		t = classroom.NewRoll
	case inpututil.IsKeyJustPressed(ebiten.KeyJ):
		t = classroom.ToggleLock
	case inpututil.IsKeyJustPressed(ebiten.KeyU):
		t = classroom.ToggleShared
	}
	k := inpututil.IsKeyJustPressed(ebiten.KeyK)
	return t, k && !shift, k && shift
}

// seatKeys reads, while the roll is shown, the digits of the seat of a
// student to remove (at most three) and Backspace, and reports Delete,
// which removes them.
func seatKeys(seat string) (string, bool) {
	for _, k := range inpututil.AppendJustPressedKeys(nil) {
		switch {
		case k >= ebiten.KeyDigit0 && k <= ebiten.KeyDigit9 && len(seat) < 3:
			seat += string(rune('0' + k - ebiten.KeyDigit0))
		case k >= ebiten.KeyNumpad0 && k <= ebiten.KeyNumpad9 && len(seat) < 3:
			seat += string(rune('0' + k - ebiten.KeyNumpad0))
		case k == ebiten.KeyBackspace && seat != "":
			seat = seat[:len(seat)-1]
		case k == ebiten.KeyDelete && seat != "":
			return seat, true
		}
	}
	return seat, false
}

// followKey reports P, which rings the persons a hosted class follows.
func followKey() bool { return inpututil.IsKeyJustPressed(ebiten.KeyP) }

// pointer returns what a click, a tap or a drag on a slider asks for, if
// anything: the first press of the mouse or of a finger, or a held one on
// a slider's track.
func (g *Game) pointer() (hit, bool) {
	x, y, pressed, held := -1, -1, false, false
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		x, y = ebiten.CursorPosition()
		pressed = true
	} else if ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
		x, y = ebiten.CursorPosition()
		held = true
	}
	if ids := inpututil.AppendJustPressedTouchIDs(nil); len(ids) > 0 {
		x, y = ebiten.TouchPosition(ids[0])
		pressed = true
	} else if ids := ebiten.AppendTouchIDs(nil); len(ids) > 0 && !pressed && !held {
		x, y = ebiten.TouchPosition(ids[0])
		held = true
	}
	if !pressed && !held {
		return hit{}, false
	}
	px, py := float32(x)/g.c.u, float32(y)/g.c.u
	for i := len(g.hits) - 1; i >= 0; i-- { // the last drawn lies on top
		h := g.hits[i]
		if !h.r.contains(px, py) || (held && h.slider == nil) {
			continue
		}
		h.x = (px - h.r.x) / h.r.w
		return h, true
	}
	if pressed {
		return hit{inspect: true, px: px, py: py}, true
	}
	return hit{}, false
}
