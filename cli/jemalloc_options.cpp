// jemalloc's options for the binaries that hold a snapshot (talentmatch,
// talentmatch-mpi, matcher_bench; compiled into each binary that links
// jemalloc, cmake/jemalloc.cmake). jemalloc reads this documented global at
// its first allocation; MALLOC_CONF in the environment still overrides any of
// them.
//
// The snapshot is a few large columns, and a publication rebuilds some of
// them whole (a graduate patch copies every graduate's columns, block layout
// and candidate index; a job patch rebuilds the job side's kernel plan). The
// cost of that was mostly the kernel handing out fresh pages, not the copy:
//  - thp:always: jemalloc advises the kernel to back its memory with
//    transparent huge pages (madvise MADV_HUGEPAGE; Debian's default THP mode
//    is "madvise", so nothing else would): one fault per 2 MiB, not per
//    4 KiB, and fewer TLB misses wherever the large columns are read. Where
//    the kernel has no transparent huge pages, the advice is ignored.
//  - oversize_threshold:0: allocations above 8 MiB no longer go to jemalloc's
//    separate arena that returns freed memory to the kernel at once, so the
//    columns of the snapshot a publication replaced are reused by the next
//    one (within jemalloc's default 10 s decay) instead of being faulted in
//    and zeroed again. The price is that memory: up to one replaced
//    snapshot's worth stays resident for those seconds.
// bench/api_bench.sh --scale province measures both (write -> visible and the
// server's resident memory).
extern "C" {
// jemalloc's declaration (jemalloc.h), which the definition below overrides.
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,oversize_threshold:0";
}
