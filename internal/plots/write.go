package plots

import (
	"io"
	"runtime"

	"golang.org/x/sync/errgroup"

	"commonwealth/internal/batch"
	"commonwealth/internal/scenario"
)

// figure is one plot file: its name without extension and how to draw it.
type figure struct {
	name    string
	classes bool // only for models with classes
	ai      bool // only with automation enabled
	draw    func(title string, arms []arm) (*fig, error)
}

var figures = []figure{
	{"wealth_histogram", false, false, wealthHistogram},
	{"wealth_ccdf", false, false, wealthCCDF},
	{"lorenz", false, false, lorenz},
	{"gini", false, false, func(title string, arms []arm) (*fig, error) {
		return overTime(title+": Gini of wealth", "gini_wealth", "Gini coefficient of wealth (0 equal, 1 one holds all; above 1 when many are in debt)", arms)
	}},
	{"classes", true, false, classShares},
	{"firm_sizes", true, false, firmSizes},
	{"automation", true, true, automation},
	{"compute_price", true, true, func(title string, arms []arm) (*fig, error) {
		return overTime(title+": price of compute", "compute_price", "money per compute unit", arms)
	}},
	{"datacenters", true, true, func(title string, arms []arm) (*fig, error) {
		return overTime(title+": data centres (ready or being built)", "datacenters", "data centres", arms)
	}},
	{"burden_quintiles", true, true, burdenQuintiles},
	{"consumption_leisure", true, true, consumptionLeisure},
	{"sectoral_balances", true, true, sectoralBalances},
}

// Write draws every figure that applies to the results into the folder, in the
// style's format ("png", "svg" or "pdf") and size, each file written atomically, several at
// once (one per processor), and returns the file names, in a fixed order.
func Write(out *batch.Folder, st Style, sc *scenario.Scenario, rs []batch.Result) ([]string, error) {
	arms := byArm(sc, rs)
	classes, ai := rs[0].Final.Classes, rs[0].Final.AI != nil
	var names []string
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, f := range figures {
		if f.classes && !classes || f.ai && !ai {
			continue
		}
		name := f.name + "." + st.Format
		names = append(names, name)
		g.Go(func() error {
			p, err := f.draw(sc.Name, arms)
			if err != nil {
				return err
			}
			return out.Write(name, func(w io.Writer) error { return writePlot(w, p, st) })
		})
	}
	return names, g.Wait()
}

// FigureNames returns the names, without extension, of every figure Write
// may draw.
func FigureNames() []string {
	names := make([]string, len(figures))
	for i, f := range figures {
		names[i] = f.name
	}
	return names
}
