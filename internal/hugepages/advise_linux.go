package hugepages

import "syscall"

// advise marks b, page-aligned, for transparent huge pages
// (madvise MADV_HUGEPAGE). A kernel without them, or with them switched
// off, refuses; that changes nothing, so the error is not reported.
func advise(b []byte) {
	_ = syscall.Madvise(b, 14) // MADV_HUGEPAGE, which package syscall does not name
}
