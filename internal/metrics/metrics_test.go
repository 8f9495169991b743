package metrics

import (
	"math"
	"testing"

	"commonwealth/internal/economy"
)

func close(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestGini(t *testing.T) {
	for _, c := range []struct {
		xs   []int64
		want float64
	}{
		{[]int64{5, 5, 5, 5}, 0},
		{[]int64{0, 0, 0, 10}, 0.75}, // one of n holds all: (n−1)/n
		{[]int64{1, 2, 3, 4}, 0.25},  // Σ|xi−xj|/(2n²μ) = 20/(2·16·2.5)
		{[]int64{0, 0}, 0},
		{nil, 0},
	} {
		if got := Gini(c.xs); !close(got, c.want) {
			t.Errorf("Gini(%v) = %v, want %v", c.xs, got, c.want)
		}
	}
}

func TestShares(t *testing.T) {
	xs := make([]int64, 100)
	for i := range xs {
		xs[i] = int64(i + 1) // total 5050
	}
	if got := TopShare(xs, 0.01); !close(got, 100.0/5050) {
		t.Errorf("top 1%% = %v", got)
	}
	if got := TopShare(xs, 0.10); !close(got, float64(91+100)*10/2/5050) {
		t.Errorf("top 10%% = %v", got)
	}
	if got := BottomShare(xs, 0.5); !close(got, 1275.0/5050) {
		t.Errorf("bottom 50%% = %v", got)
	}
	if got := TopShare(xs, 0); !close(got, 100.0/5050) {
		t.Errorf("richest = %v", got)
	}
}

func TestLorenz(t *testing.T) {
	got := Lorenz(make([]float64, 5), []int64{0, 0, 0, 4})
	want := []float64{0, 0, 0, 0, 1}
	for i := range want {
		if !close(got[i], want[i]) {
			t.Fatalf("Lorenz = %v, want %v", got, want)
		}
	}
	got = Lorenz(make([]float64, 3), []int64{2, 2})
	if !close(got[1], 0.5) || !close(got[2], 1) {
		t.Fatalf("equal Lorenz = %v", got)
	}
}

// TestPowerLawExponent takes integer values of a Pareto law of density
// exponent 2.5 (as firm sizes are integers) and checks the estimate within
// three standard errors, plus the approximation's bias of about 0.02 that
// Clauset et al. report for xmin near 10.
func TestPowerLawExponent(t *testing.T) {
	xs := make([]float64, 20000)
	for i := range xs {
		u := (float64(i) + 0.5) / float64(len(xs)) // deterministic quantiles
		xs[i] = math.Floor(10 * math.Pow(1-u, -1/1.5))
	}
	alpha, share := PowerLawExponent(xs, 10)
	if math.Abs(alpha-2.5) > 3*1.5/math.Sqrt(20000)+0.02 || share < 0.9 {
		t.Fatalf("alpha %v, tail share %v", alpha, share)
	}
}

func TestMeterClasses(t *testing.T) {
	s := &economy.Snapshot{Wealth: []int64{0, 10, 30, 60}, Income: []int64{0, 0, 0, 0},
		Classes: true, Workers: 2, Capitalists: 1, Unemployed: 1, Wages: 30, Revenue: 120, FirmSizes: []int32{2}}
	m := Meter{Metrics: For(true, false)}
	row := m.Measure(nil, s)
	got := map[string]float64{}
	for i, metric := range m.Metrics {
		got[metric.Name] = row[i]
	}
	want := map[string]float64{"workers_share": 0.5, "capitalists_share": 0.25, "unemployed_share": 0.25,
		"wage_share": 0.25, "profit_share": 0.75, "mean_wage": 15, "firms": 1, "largest_firm_share": 0.5,
		"broke_share": 0.25, "richest_share": 0.6}
	for k, v := range want {
		if !close(got[k], v) {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if len(For(false, false)) >= len(For(true, false)) || len(For(true, false)) >= len(For(true, true)) {
		t.Error("the exchange model should have fewer metrics")
	}
}
