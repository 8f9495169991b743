package economy

import "math/bits"

// register is a share register: who holds how many of the shares of a firm
// or a data centre. A holder is an account (a person, the commons fund, the
// pension fund, the wage-earner fund) or members, a cooperative's members
// in equal parts. Shares are whole numbers; a firm's shares are first issued
// one for each unit of money put in, so a share's book value starts at one.
type register struct {
	holders []holding
	total   int64
}

// holding is one holder's shares.
type holding struct {
	who    Account
	shares int64
}

// members is the holder that stands for a cooperative's members.
const members Account = -1

// of returns the shares who holds.
func (r *register) of(who Account) int64 {
	for _, h := range r.holders {
		if h.who == who {
			return h.shares
		}
	}
	return 0
}

// add gives who n more shares (n < 0: fewer).
func (r *register) add(who Account, n int64) {
	if n == 0 {
		return
	}
	r.total += n
	for i := range r.holders {
		if r.holders[i].who == who {
			r.holders[i].shares += n
			if r.holders[i].shares == 0 {
				r.holders = append(r.holders[:i], r.holders[i+1:]...)
			}
			return
		}
	}
	r.holders = append(r.holders, holding{who, n})
}

// move passes n of from's shares to to.
func (r *register) move(from, to Account, n int64) {
	r.add(from, -n)
	r.add(to, n)
}

// reset empties the register.
func (r *register) reset() {
	r.holders = r.holders[:0]
	r.total = 0
}

// fraction is the share of the whole who holds.
func (r *register) fraction(who Account) float64 {
	if r.total <= 0 {
		return 0
	}
	return float64(r.of(who)) / float64(r.total)
}

// split divides amt among the holders in proportion to their shares,
// exactly: each gets the whole part of its share and the first holder the
// rest; it calls pay for each part.
func (r *register) split(amt int64, pay func(who Account, amt int64)) {
	if amt <= 0 || r.total <= 0 {
		return
	}
	r.value(amt, pay)
}

// value apportions an equity of amt (which may be negative) among the
// holders exactly as split does, calling add for each part: the first
// holder's part, which takes what does not divide, last.
func (r *register) value(amt int64, add func(who Account, amt int64)) {
	if r.total <= 0 {
		return
	}
	rest := amt
	for i, h := range r.holders {
		v := mulDiv(amt, h.shares, r.total)
		if i == 0 {
			continue
		}
		rest -= v
		add(h.who, v)
	}
	add(r.holders[0].who, rest)
}

// mulDiv is a·b/c rounded toward zero, for 0 ≤ b ≤ c, exactly (the
// product in 128 bits).
func mulDiv(a, b, c int64) int64 {
	if c <= 0 || b <= 0 {
		return 0
	}
	neg := a < 0
	ua := uint64(a)
	if neg {
		ua = -ua
	}
	hi, lo := bits.Mul64(ua, uint64(b))
	q, _ := bits.Div64(hi, lo, uint64(c)) // hi < c, since b ≤ c: the quotient fits
	if neg {
		return -int64(q)
	}
	return int64(q)
}
