package metrics

// Unit returns the unit of the built-in metric of that name, or "" for
// none.
func Unit(name string) string {
	for i := range All {
		if All[i].Name == name {
			return All[i].Unit
		}
	}
	return ""
}
