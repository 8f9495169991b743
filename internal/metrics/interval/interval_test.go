package interval

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

func TestMeanCI(t *testing.T) {
	mean, lo, hi := MeanCI([]float64{1, 2, 3, 4, 5}, 0.95)
	// t(0.975, 4) = 2.7764; sd = √2.5; half-width = 2.7764·1.5811/√5 = 1.9632.
	if math.Abs(mean-3) > 1e-12 || math.Abs(hi-mean-1.9632) > 1e-4 || math.Abs((mean-lo)-(hi-mean)) > 1e-12 {
		t.Fatalf("MeanCI = %v [%v, %v]", mean, lo, hi)
	}
	if m, l, h := MeanCI([]float64{7}, 0.95); m != 7 || l != 7 || h != 7 {
		t.Fatalf("one value: %v [%v, %v]", m, l, h)
	}
}

// TestAgainstGonum compares the mean and the interval with gonum's
// statistics on random samples: they differ by rounding only (1e-12 of the
// spread: gonum sums in another order).
func TestAgainstGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		n := 2 + r.IntN(40)
		xs := make([]float64, n)
		shift := r.NormFloat64() * 1e3
		for i := range xs {
			xs[i] = shift + r.NormFloat64()
		}
		mean, lo, hi := MeanCI(xs, 0.95)
		q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.975)
		half := q * stat.StdDev(xs, nil) / math.Sqrt(float64(n))
		if m := stat.Mean(xs, nil); math.Abs(mean-m) > 1e-12*math.Abs(m) || math.Abs((hi-lo)/2-half) > 1e-12*half {
			t.Fatalf("n=%d: %v [%v, %v]; gonum %v ± %v", n, mean, lo, hi, m, half)
		}
	}
}

// TestTable checks the browser build's table of t quantiles against gonum,
// value for value (so that the browser's intervals are check's to the last
// bit), and the expansion used beyond it. With UPDATE=1 it writes the table.
func TestTable(t *testing.T) {
	if 0.5+0.95/2 != 0.975 {
		t.Fatal("the 95% level does not give the table's 0.975 quantile exactly")
	}
	var b bytes.Buffer
	b.WriteString("// Code generated from gonum's distuv.StudentsT by TestTable (UPDATE=1 go test -run TestTable ./internal/metrics/interval); DO NOT EDIT.\n\npackage interval\n\n")
	b.WriteString("// t975 holds Student's t 0.975 quantile (the 95% interval's) for 1 to\n// len(t975) degrees of freedom, as gonum computes it.\nvar t975 = [...]float64{\n")
	for df := 1; df <= 1000; df++ {
		fmt.Fprintf(&b, "\t%s,\n", strconv.FormatFloat(distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(0.975), 'g', -1, 64))
	}
	b.WriteString("}\n")
	if os.Getenv("UPDATE") != "" {
		if err := os.WriteFile("t975.go", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("t975.go")
	if err != nil || !bytes.Equal(got, b.Bytes()) {
		t.Fatalf("t975.go is not gonum's values: UPDATE=1 go test -run TestTable ./internal/metrics/interval (%v)", err)
	}
	for _, df := range []int{1001, 2000, 10_000, 99_999} {
		want := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(0.975)
		if got := cornishFisher(0.975, df); math.Abs(got-want) > 1e-9 {
			t.Errorf("df %d: expansion %v, gonum %v", df, got, want)
		}
	}
}
