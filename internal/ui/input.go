package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"commonwealth/internal/classroom"
)

// readIntent turns this update's key presses into one intent.
func readIntent() classroom.Intent {
	pressed := inpututil.IsKeyJustPressed
	return classroom.Intent{
		TogglePause: pressed(ebiten.KeySpace),
		Step:        pressed(ebiten.KeyArrowRight),
		Faster:      pressed(ebiten.KeyEqual) || pressed(ebiten.KeyKPAdd) || pressed(ebiten.KeyArrowUp),
		Slower:      pressed(ebiten.KeyMinus) || pressed(ebiten.KeyKPSubtract) || pressed(ebiten.KeyArrowDown),
		Reset:       pressed(ebiten.KeyR),
		NewSeed:     pressed(ebiten.KeyN),
		ToggleHelp:  pressed(ebiten.KeyH) || pressed(ebiten.KeySlash),
		Sliders:     pressed(ebiten.KeyS),
		Large:       pressed(ebiten.KeyP),
	}
}

// fullScreenPressed reports the F key, which the window handles itself.
func fullScreenPressed() bool { return inpututil.IsKeyJustPressed(ebiten.KeyF) }
