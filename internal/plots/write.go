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
	ai      bool // only with automation enabled
	draw    func(title string, arms []arm) (*plot.Plot, error)
}

var figures = []figure{
	{"wealth_histogram", false, false, wealthHistogram},
	{"wealth_ccdf", false, false, wealthCCDF},
	{"lorenz", false, false, lorenz},
	{"gini", false, false, func(title string, arms []arm) (*plot.Plot, error) {
		return overTime(title+": Gini of wealth", "gini_wealth", "Gini coefficient of wealth (0 equal, 1 one holds all)", arms)
	}},
	{"classes", true, false, classShares},
	{"firm_sizes", true, false, firmSizes},
	{"automation", true, true, automation},
	{"compute_price", true, true, func(title string, arms []arm) (*plot.Plot, error) {
		return overTime(title+": price of compute", "compute_price", "money per compute unit", arms)
	}},
	{"datacenters", true, true, func(title string, arms []arm) (*plot.Plot, error) {
		return overTime(title+": data centres (ready or being built)", "datacenters", "data centres", arms)
	}},
	{"burden_quintiles", true, true, burdenQuintiles},
	{"consumption_leisure", true, true, consumptionLeisure},
}

// Write draws every figure that applies to the results into dir, in the
// format ("png", "svg" or "pdf"), each file written atomically, and returns
// the file names written.
func Write(dir, format string, sc *scenario.Scenario, rs []batch.Result) ([]string, error) {
	arms := byArm(sc, rs)
	classes, ai := rs[0].Final.Classes, rs[0].Final.AI != nil
	var names []string
	for _, f := range figures {
		if f.classes && !classes || f.ai && !ai {
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
