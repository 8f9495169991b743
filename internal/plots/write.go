package plots

import (
	"io"
	"path/filepath"

	"gonum.org/v1/plot"

	"commonwealth/internal/batch"
	"commonwealth/internal/scenario"
)

// figure is one plot file: its name without extension and how to draw it.
type figure struct {
	name    string
	classes bool // only for models with classes
	draw    func(title string, arms []arm) (*plot.Plot, error)
}

var figures = []figure{
	{"wealth_histogram", false, wealthHistogram},
	{"wealth_ccdf", false, wealthCCDF},
	{"lorenz", false, lorenz},
	{"gini", false, func(title string, arms []arm) (*plot.Plot, error) {
		return overTime(title+": Gini of wealth", "gini_wealth", "Gini coefficient of wealth (0 equal, 1 one holds all)", arms)
	}},
	{"classes", true, classShares},
	{"firm_sizes", true, firmSizes},
}

// Write draws every figure that applies to the results into dir, in the
// format ("png", "svg" or "pdf"), each file written atomically, and returns
// the file names written.
func Write(dir, format string, sc *scenario.Scenario, rs []batch.Result) ([]string, error) {
	arms := byArm(sc, rs)
	classes := rs[0].Final.Classes
	var names []string
	for _, f := range figures {
		if f.classes && !classes {
			continue
		}
		p, err := f.draw(sc.Name, arms)
		if err != nil {
			return names, err
		}
		name := f.name + "." + format
		err = batch.WriteFile(filepath.Join(dir, name), func(w io.Writer) error { return writePlot(w, p, format) })
		if err != nil {
			return names, err
		}
		names = append(names, name)
	}
	return names, nil
}
