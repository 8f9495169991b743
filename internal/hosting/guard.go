package hosting

import (
	"fmt"
	"strings"
	"time"
)

// guess is what one address has guessed at the class's code.
type guess struct {
	wrong int       // wrong codes since its last right one
	until time.Time // it may not try again before
}

// guesses are the wrong codes by address.
type guesses map[string]*guess

// maxGuessers bounds the addresses remembered for their guesses; beyond,
// those whose wait has passed are forgotten.
const maxGuessers = 4096

// waitError refuses a join from an address that has guessed too often.
type waitError struct{ wait time.Duration }

func (e *waitError) Error() string {
	return fmt.Sprintf("too many wrong codes from this network: try again in %d s", int(e.wait.Seconds()+0.999))
}

// checkCode checks a new student's code from addr: an address that has
// sent FreeGuesses wrong codes waits a second before the next try, then
// two, four, up to MaxWait (a right code ends the wait's growth); after
// NewCodeAfter wrong codes from all addresses together the code changes,
// so that guessing it over many addresses does not add up. The caller
// holds c.mu.
func (c *Class) checkCode(addr, code string) error {
	now := c.now()
	g := c.guesses[addr]
	if g != nil && now.Before(g.until) {
		return &waitError{g.until.Sub(now)}
	}
	if strings.EqualFold(strings.TrimSpace(code), c.code) {
		delete(c.guesses, addr)
		return nil
	}
	if g == nil {
		if len(c.guesses) >= maxGuessers {
			c.guesses.forget(now)
		}
		g = &guess{}
		c.guesses[addr] = g
	}
	g.wrong++
	if n := g.wrong - c.limits.FreeGuesses; n > 0 {
		g.until = now.Add(min(time.Second<<min(n-1, 20), c.limits.MaxWait))
	}
	if c.wrong++; c.wrong >= c.limits.NewCodeAfter {
		c.code, c.wrong, c.codeChanges = c.codes(), 0, c.codeChanges+1
		c.changed++
	}
	return errCode
}

// forget drops the addresses that may try again now.
func (gs guesses) forget(now time.Time) {
	for addr, g := range gs {
		if !now.Before(g.until) {
			delete(gs, addr)
		}
	}
}
