package scenariotest

import (
	"strings"

	"commonwealth/internal/scenario"
)

// OwnGauge is the name of the scenario's own metric OwnGauges draws.
const OwnGauge = "palma"

// OwnGauges returns the built-in trade scenario with a metric of its own,
// the Palma ratio, as its lesson's first gauge, with sets applied.
func OwnGauges(sets ...string) (*scenario.Scenario, error) {
	sc, err := scenario.Load("trade", nil)
	if err != nil {
		return nil, err
	}
	src := strings.Replace(sc.Source, `gauges = ["bottom50_share",`, `gauges = ["`+OwnGauge+`",`, 1) + `
[[metric]]
name = "` + OwnGauge + `"
unit = "ratio"
text = "the richest tenth's wealth over the poorest four tenths'"
expr = "top_share(wealth, 0.1) / bottom_share(wealth, 0.4)"
`
	return scenario.Parse("own-gauges.toml", []byte(src), sets)
}
