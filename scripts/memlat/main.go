//go:build linux

// Command memlat measures this machine's memory: the latency of a dependent
// random access (a pointer chase through a random cycle of cache lines) for
// working sets from 32 KiB to 1 GiB, how much of that latency independent
// chases overlap, and streaming read bandwidth. Every figure is per second of
// the measuring thread's own processor time (RUSAGE_THREAD), not wall time,
// so other tenants of a shared machine inflate it less.
//
//	go run ./scripts/memlat                 # 4 KiB pages
//	go run ./scripts/memlat -huge           # transparent huge pages (madvise)
//	go run ./scripts/memlat -max 256MiB     # smaller sizes only
//
// docs/performance.md reads its lower bounds of a person-step from these
// figures.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"commonwealth/internal/cputime"
)

// line is the size of a cache line in bytes, and words its size in uint64s.
const (
	line  = 64
	words = line / 8
)

func main() {
	maxSize := flag.String("max", "1GiB", "largest working set (KiB, MiB or GiB)")
	huge := flag.Bool("huge", false, "ask for transparent huge pages (madvise) on the working set")
	budget := flag.Duration("time", 300*time.Millisecond, "processor time to measure each figure for")
	flag.Parse()
	top, err := parseSize(*maxSize)
	if err != nil || top < 32<<10 {
		fmt.Fprintf(os.Stderr, "memlat: -max %q: need a size of at least 32KiB, such as 256MiB or 1GiB\n", *maxSize)
		os.Exit(2)
	}
	runtime.LockOSThread() // RUSAGE_THREAD must measure the thread that runs the loops
	buf, err := mapWords(top/8, *huge)
	if err != nil {
		fmt.Fprintf(os.Stderr, "memlat: mapping %d bytes: %v\n", top, err)
		os.Exit(1)
	}
	pages := "4 KiB pages"
	if *huge {
		pages = "transparent huge pages (madvise)"
	}
	fmt.Printf("# dependent random access, %s: ns a load of thread CPU time\n", pages)
	fmt.Printf("%-10s %8s\n", "size", "ns/load")
	for size := 32 << 10; size <= top; size *= 2 {
		fmt.Printf("%-10s %8.1f\n", formatSize(size), latency(buf[:size/8], *budget))
	}
	if *huge {
		fmt.Printf("# huge pages granted: %s\n", hugePages())
	}
	fmt.Printf("\n# independent chases over %s: ns a load when k chases run interleaved\n", formatSize(top))
	fmt.Printf("%-10s %8s\n", "chases", "ns/load")
	for _, k := range []int{1, 2, 4, 8, 16} {
		fmt.Printf("%-10d %8.1f\n", k, overlap(buf, k, *budget))
	}
	fmt.Printf("\n# streaming read over %s\n", formatSize(top))
	fmt.Printf("%-10s %8.1f GB/s of thread CPU time\n", "read", stream(buf, *budget))
}

// parseSize reads a size such as 32KiB, 256MiB or 1GiB.
func parseSize(s string) (int, error) {
	for _, u := range []struct {
		suffix string
		mult   int
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.Atoi(n)
			return v * u.mult, err
		}
	}
	return 0, fmt.Errorf("no unit (KiB, MiB or GiB)")
}

// formatSize writes a size in the largest unit that divides it.
func formatSize(n int) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	}
	return fmt.Sprintf("%dKiB", n>>10)
}

// mapWords maps n zeroed words of anonymous memory, outside Go's heap so
// that huge pages can be asked for.
func mapWords(n int, huge bool) ([]uint64, error) {
	b, err := syscall.Mmap(-1, 0, n*8, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil, err
	}
	if huge {
		if err := syscall.Madvise(b, 14); err != nil { // MADV_HUGEPAGE, which package syscall does not name
			return nil, fmt.Errorf("madvise(MADV_HUGEPAGE): %w", err)
		}
	}
	return unsafe.Slice((*uint64)(unsafe.Pointer(&b[0])), n), nil
}

// hugePages returns the AnonHugePages line of /proc/self/smaps_rollup: how
// much of the process's memory the kernel backs with huge pages (it may
// refuse what madvise asked for).
func hugePages() string {
	b, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	for l := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(l, "AnonHugePages:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown (no AnonHugePages in /proc/self/smaps_rollup)"
}

// threadCPU returns the processor time the calling thread has used.
func threadCPU() time.Duration {
	t, err := cputime.Thread()
	if err != nil {
		panic(err) // Linux only, as this program is
	}
	return t
}

// xorshift is a small generator for building the cycles; its quality does
// not matter beyond defeating the hardware prefetchers.
type xorshift uint64

func (x *xorshift) below(n int) int {
	*x ^= *x << 13
	*x ^= *x >> 7
	*x ^= *x << 17
	return int(uint64(*x) % uint64(n))
}

// cycle links the cache lines of buf into chains random cycles (Sattolo's
// algorithm on the lines, split into chains of equal length): the first
// word of each line holds the word index of the next line of its chain. It
// returns each chain's first index.
func cycle(buf []uint64, chains int) []uint64 {
	lines := len(buf) / words
	order := make([]uint32, lines)
	for i := range order {
		order[i] = uint32(i)
	}
	x := xorshift(0x9e3779b97f4a7c15)
	for i := lines - 1; i > 0; i-- {
		j := x.below(i)
		order[i], order[j] = order[j], order[i]
	}
	per := lines / chains
	starts := make([]uint64, chains)
	for c := range chains {
		part := order[c*per : (c+1)*per]
		for i, l := range part {
			buf[int(l)*words] = uint64(part[(i+1)%len(part)]) * words
		}
		starts[c] = uint64(part[0]) * words
	}
	return starts
}

// latency returns the ns a dependent load takes in a random cycle over buf.
func latency(buf []uint64, budget time.Duration) float64 {
	p := cycle(buf, 1)[0]
	for range len(buf) / words { // warm: one lap touches every line once
		p = buf[p]
	}
	const chunk = 1 << 16
	loads, start := 0, threadCPU()
	for threadCPU()-start < budget {
		for range chunk {
			p = buf[p]
		}
		loads += chunk
	}
	sink = p
	return float64(threadCPU()-start) / float64(loads)
}

// overlap returns the ns a load takes, all told, when k independent random
// cycles over buf are chased in one loop: the memory's parallelism.
func overlap(buf []uint64, k int, budget time.Duration) float64 {
	p := cycle(buf, k)
	const chunk = 1 << 14
	loads, start := 0, threadCPU()
	for threadCPU()-start < budget {
		for range chunk {
			for c := range p {
				p[c] = buf[p[c]]
			}
		}
		loads += chunk * k
	}
	sink = p[0]
	return float64(threadCPU()-start) / float64(loads)
}

// stream returns the bandwidth of reading buf from start to end, in GB a
// second of thread CPU time.
func stream(buf []uint64, budget time.Duration) float64 {
	var s uint64
	bytes, start := 0, threadCPU()
	for threadCPU()-start < budget {
		for i := 0; i < len(buf); i += 4 {
			s += buf[i] ^ buf[i+1] ^ buf[i+2] ^ buf[i+3]
		}
		bytes += len(buf) * 8
	}
	sink = s
	return float64(bytes) / float64(threadCPU()-start)
}

// sink keeps the loops' results alive so the compiler cannot drop them.
var sink uint64
