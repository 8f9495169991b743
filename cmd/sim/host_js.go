//go:build js

package main

import (
	"errors"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
)

// host is not in the browser: a page cannot serve a class.
func host(*classroom.Sim, string, *lang.Book) (classroom.Class, func(), error) {
	return nil, nil, errors.New("a class is hosted from the window on a computer, not from the browser")
}
