package economy_test

import (
	"math"
	"strconv"
	"testing"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
)

// Validation against published results. Each test runs fixed seeds and
// compares a time average (or a mean over seeds) with the published value;
// each tolerance is justified where it is set. docs/validation.md reports
// the same numbers.

// average runs seeds 1..seeds of p for months and returns, for each named
// metric, its mean over the months from `from` on and over seeds.
func average(t *testing.T, p economy.Params, seeds, months, from int, names ...string) map[string]float64 {
	t.Helper()
	sums := map[string]float64{}
	for _, one := range bySeed(t, p, seeds, months, from, names...) {
		for n, v := range one {
			sums[n] += v
		}
	}
	for n := range sums {
		sums[n] /= float64(seeds)
	}
	return sums
}

// bySeed runs seeds 1..seeds of p for months and returns, for each seed
// and named metric, its mean over the months from `from` on.
func bySeed(t *testing.T, p economy.Params, seeds, months, from int, names ...string) []map[string]float64 {
	t.Helper()
	meter := metrics.Meter{Metrics: metrics.For(p.Model == economy.ModelCapitalism, p.AI.Enabled)}
	cols := map[string]int{}
	for i, m := range meter.Metrics {
		cols[m.Name] = i
	}
	var out []map[string]float64
	var snap economy.Snapshot
	for seed := 1; seed <= seeds; seed++ {
		w, err := economy.New(p, uint64(seed))
		if err != nil {
			t.Fatal(err)
		}
		sums := map[string]float64{}
		var count float64
		for m := 1; m <= months; m++ {
			w.StepMonth()
			if m < from {
				continue
			}
			w.Observe(&snap)
			row := meter.Measure(nil, &snap)
			for _, n := range names {
				sums[n] += row[cols[n]]
			}
			count++
		}
		for n := range sums {
			sums[n] /= count
		}
		out = append(out, sums)
	}
	return out
}

func exchange(rule string, people int, start, amount int64) economy.Params {
	return economy.Params{Model: economy.ModelExchange, People: people, StartWealth: start,
		Exchange: economy.ExchangeParams{Rule: rule, Amount: amount, Saving: 0.5, Fraction: 0.1}}
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	t.Logf("%s: got %.4f, want %.4f ± %.4f", what, got, want, tol)
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.4f, want %.4f ± %.4f", what, got, want, tol)
	}
}

// TestRandomIsBoltzmannGibbs: Drăgulescu and Yakovenko (2000). With a fixed
// amount Δ moving per trade, the stationary law is exponential on the lattice
// of multiples of Δ (geometric), whose Gini is (1+μ)/(1+2μ) for μ = m̄/Δ
// quanta per person: 1/2 as μ grows.
func TestRandomIsBoltzmannGibbs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		start, amount int64
		months        int
	}{{400, 100, 400}, {1000, 100, 600}, {2000, 100, 8000}} {
		mu := float64(c.start / c.amount)
		got := average(t, exchange(economy.RuleRandom, 1000, c.start, c.amount), 2, c.months, c.months/2, "gini_wealth", "broke_share")
		// The Gini of 1000 draws from this law has a standard deviation near
		// 0.01; averaged over hundreds of correlated months and two seeds the
		// error is a few thousandths, so 0.01 is a safe bound.
		near(t, "Gini, μ = "+ftoa(mu), got["gini_wealth"], (1+mu)/(1+2*mu), 0.01)
		// The share with nothing is the geometric law's P(0) = 1/(1+μ).
		near(t, "share broke, μ = "+ftoa(mu), got["broke_share"], 1/(1+mu), 0.01)
	}
}

// TestSavingIsGamma: Chakraborti and Chakrabarti (2000), with the gamma
// shape n = 1 + 3λ/(1−λ) of Patriarca, Chakraborti and Kaski (2004). The
// Gini of a gamma law of shape n is Γ(n+½)/(n Γ(n) √π).
func TestSavingIsGamma(t *testing.T) {
	t.Parallel()
	for _, lambda := range []float64{0.25, 0.5, 0.75} {
		p := exchange(economy.RuleSaving, 1000, 1000, 1)
		p.Exchange.Saving = lambda
		n := 1 + 3*lambda/(1-lambda)
		lg1, _ := math.Lgamma(n + 0.5)
		lg2, _ := math.Lgamma(n)
		want := math.Exp(lg1-lg2) / (n * math.Sqrt(math.Pi))
		got := average(t, p, 2, 400, 200, "gini_wealth")["gini_wealth"]
		// The gamma law is itself an approximation (Patriarca et al. report
		// deviations of about 1% in the Gini); the sampling error here is
		// below 0.005.
		near(t, "Gini, λ = "+ftoa(lambda), got, want, 0.012)
	}
}

// TestYardSaleCondenses: Boghosian (2014, 2017). Without redistribution the
// yard-sale model has no steady state: wealth condenses and the Gini tends
// to 1.
func TestYardSaleCondenses(t *testing.T) {
	t.Parallel()
	p := exchange(economy.RuleYardSale, 200, 100000, 1)
	p.Exchange.Fraction = 0.2
	early := average(t, p, 2, 100, 100, "gini_wealth")["gini_wealth"]
	late := average(t, p, 2, 4000, 4000, "gini_wealth", "richest_share")
	t.Logf("Gini after 100 months %.3f, after 4000 months %.3f; richest holds %.3f", early, late["gini_wealth"], late["richest_share"])
	if !(early < late["gini_wealth"]) || late["gini_wealth"] < 0.97 {
		t.Errorf("Gini %.3f then %.3f: want it rising to above 0.97", early, late["gini_wealth"])
	}
}

// TestYardSaleRedistributionStopsCondensation: with redistribution χ and no
// advantage there is a steady state: the Gini stops short of 1.
func TestYardSaleRedistributionStopsCondensation(t *testing.T) {
	t.Parallel()
	p := exchange(economy.RuleYardSale, 200, 100000, 1)
	p.Exchange.Fraction = 0.2
	p.Exchange.Redistribution = 0.05
	got := average(t, p, 2, 2000, 1000, "gini_wealth", "richest_share")
	t.Logf("χ = 0.05: Gini %.3f, richest holds %.3f", got["gini_wealth"], got["richest_share"])
	if got["gini_wealth"] > 0.8 || got["richest_share"] > 0.1 {
		t.Errorf("with redistribution: Gini %.3f, richest share %.3f: want a steady state without a condensate", got["gini_wealth"], got["richest_share"])
	}
}

// TestMesaBoltzmann: the Mesa tutorial's model (Mesa 3.3.1: 1000 agents
// with one unit, 1000 steps, mean Gini about 0.630 over seeds).
func TestMesaBoltzmann(t *testing.T) {
	t.Parallel()
	const seeds = 20
	got := average(t, exchange(economy.RuleMesa, 1000, 1, 1), seeds, 1000, 1000, "gini_wealth")["gini_wealth"]
	// One run's final Gini has a standard deviation of about 0.012 over
	// seeds, so the mean of 20 has a standard error below 0.003; 0.01 is
	// more than three standard errors.
	near(t, "mean Gini over 20 seeds", got, 0.630, 0.01)
}

// TestWright: Wright (2005) reports, over 100 years with N = 1000, M = 100
// 000 and wages 10..90: about 71% workers, 12% capitalists, 17% unemployed,
// and a wage share fluctuating about 0.55 — here averaged over the second
// half of a hundred years and four seeds.
func TestWright(t *testing.T) {
	t.Parallel()
	p := economy.Params{Model: economy.ModelCapitalism, People: 1000, StartWealth: 100,
		Capitalism: economy.CapitalismParams{WageMin: 10, WageMax: 90}}
	got := average(t, p, 4, 1200, 600, "workers_share", "capitalists_share", "unemployed_share", "wage_share")
	// Monthly class shares fluctuate by several points (recessions); the
	// long averages settle within about one point, so two points is the
	// tolerance, and three for the wage share, which fluctuates more.
	near(t, "workers", got["workers_share"], 0.71, 0.02)
	near(t, "capitalists", got["capitalists_share"], 0.12, 0.02)
	near(t, "unemployed", got["unemployed_share"], 0.17, 0.02)
	near(t, "wage share", got["wage_share"], 0.55, 0.03)
}

// TestWrightFirmSizesFollowAPowerLaw: Wright finds firm sizes distributed as
// a power law, like Axtell's (Science 293, 2001) Zipf law for US firms,
// whose density exponent is about 2. The maximum-likelihood exponent of the
// tail (firms of 3 or more) over 8 seeds must lie near it, and the tail must
// be heavy: the largest firm is tens of times the median.
func TestWrightFirmSizesFollowAPowerLaw(t *testing.T) {
	t.Parallel()
	p := economy.Params{Model: economy.ModelCapitalism, People: 1000, StartWealth: 100,
		Capitalism: economy.CapitalismParams{WageMin: 10, WageMax: 90}}
	var sizes []float64
	var snap economy.Snapshot
	for seed := range uint64(8) {
		w, _ := economy.New(p, seed+1)
		for range 600 {
			w.StepMonth()
		}
		w.Observe(&snap)
		for _, s := range snap.FirmSizes {
			sizes = append(sizes, float64(s))
		}
	}
	alpha, _ := metrics.PowerLawExponent(sizes, 3)
	// With about 500 firms in the tail, the estimator's standard error is
	// (α−1)/√n ≈ 0.05; the band ±0.4 allows for the model not being Zipf's.
	near(t, "firm size exponent", alpha, 2.0, 0.4)
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// TestYardSaleAdvantage: Boghosian et al. (2017) predict, in the continuum
// limit, a partial condensate holding 1 − χ/ζ of all wealth when the
// wealth-attained advantage ζ exceeds the redistribution χ, and none below.
// This discrete model clips the coin's bias to [0, 1], which caps what the
// advantage can give an oligarch, so the test asserts only the direction —
// more advantage, more inequality and a larger richest share — and logs the
// numbers that docs/validation.md reports against the theory.
func TestYardSaleAdvantage(t *testing.T) {
	t.Parallel()
	const chi = 0.05
	prevGini, firstRichest, lastRichest := -1.0, 0.0, 0.0
	for _, zeta := range []float64{0, 0.025, 0.1, 0.2, 0.5} {
		p := exchange(economy.RuleYardSale, 200, 100000, 1)
		p.Exchange.Fraction = 0.2
		p.Exchange.Redistribution = chi
		p.Exchange.Advantage = zeta
		got := average(t, p, 2, 3000, 2000, "gini_wealth", "richest_share")
		theory := max(0, 1-chi/zeta)
		t.Logf("χ = %.3f, ζ = %.3f: richest holds %.3f (theory %.3f), Gini %.3f", chi, zeta, got["richest_share"], theory, got["gini_wealth"])
		if got["gini_wealth"] <= prevGini {
			t.Errorf("ζ = %.3f: Gini %.3f, not above %.3f at a smaller ζ", zeta, got["gini_wealth"], prevGini)
		}
		prevGini = got["gini_wealth"]
		if zeta == 0 {
			firstRichest = got["richest_share"]
		}
		lastRichest = got["richest_share"]
	}
	if lastRichest < 2*firstRichest {
		t.Errorf("the richest share grew only from %.3f to %.3f with the advantage", firstRichest, lastRichest)
	}
}
