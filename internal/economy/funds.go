package economy

// funds are the commons fund and the data fund. The data fund receives the
// data dividend's share of every rent and pays it out each month in
// proportion to the data each person contributed. The commons fund receives
// the rent of the data centres it owns; it keeps commons.retain of that
// income as a reserve to invest (capital.go), up to the cost of a data
// centre, and pays the rest out each
// month by the distribution rule: in equal shares, to those whose
// consumption fell short of their need first (in proportion to how far)
// and the rest equally, or by data contributed.
type funds struct {
	reserve int64 // the commons fund's money kept to invest
}

// pay pays out both funds.
func (f *funds) pay(w *World, x *production) {
	x.flow.dividends += x.payOut(w, w.led.Special(DataFund), w.led.acc[w.led.Special(DataFund)].bal, x.data.contributed)
	fund := w.led.Special(Commons)
	income := x.flow.commonsIncome - x.flow.commonsOperating
	if income > 0 {
		f.reserve += int64(float64(income) * x.p.Commons.Retain)
	}
	f.reserve = min(f.reserve, w.led.acc[fund].bal, x.buildCost())
	budget := w.led.acc[fund].bal - f.reserve
	var paid int64
	switch x.p.Ownership.Distribution {
	case DistributeNeed:
		paid = x.payNeeds(w, fund, budget)
		paid += x.payOut(w, fund, budget-paid, nil)
	case DistributeByData:
		paid = x.payOut(w, fund, budget, x.data.contributed)
	default:
		paid = x.payOut(w, fund, budget, nil)
	}
	x.flow.commonsPaid += paid
}

// payNeeds pays from fund, up to budget, those whose consumption this month
// fell short of their need, in proportion to the shortfall; it returns what
// it paid.
func (x *production) payNeeds(w *World, fund Account, budget int64) int64 {
	gaps := x.data.gaps[:0]
	var total float64
	for i := range x.n {
		g := max(0, float64(x.data.need[i])*x.goods.price-float64(x.spending.spent[i]))
		gaps = append(gaps, g)
		total += g
	}
	x.data.gaps = gaps
	if total == 0 || budget <= 0 {
		return 0
	}
	spend := min(float64(budget), total)
	var paid int64
	for i, g := range gaps {
		if amt := int64(spend * g / total); amt > 0 {
			x.k.move(w, fund, Account(i), amt)
			paid += amt
		}
	}
	return paid
}

// payOut pays budget from fund to everyone in proportion to weights
// (equally when nil), in whole units; what does not divide stays in the
// fund for next month. It returns what it paid.
func (x *production) payOut(w *World, fund Account, budget int64, weights []float32) int64 {
	n := int64(x.n)
	if budget < n {
		return 0
	}
	if weights == nil {
		each := budget / n
		for i := range n {
			x.k.move(w, fund, Account(i), each)
		}
		return each * n
	}
	var total float64
	for _, v := range weights {
		total += float64(v)
	}
	if total == 0 {
		return 0
	}
	var paid int64
	for i, v := range weights {
		if amt := int64(float64(budget) * float64(v) / total); amt > 0 {
			x.k.move(w, fund, Account(i), amt)
			paid += amt
		}
	}
	return paid
}
