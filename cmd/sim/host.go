//go:build !js

package main

import (
	"commonwealth/internal/classroom"
	"commonwealth/internal/hosting"
	"commonwealth/internal/lang"
)

// host serves a class for the window on addr; stop tells the phones the
// class is over.
func host(sim *classroom.Sim, addr string, tx *lang.Book) (h classroom.Class, stop func(), err error) {
	c, err := hosting.NewHost(sim, addr, tx)
	if err != nil {
		return nil, nil, err
	}
	return c, func() { c.Close() }, nil
}
