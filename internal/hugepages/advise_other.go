//go:build !linux

package hugepages

// advise does nothing: huge pages are asked for on Linux only.
func advise([]byte) {}
