#include "app/allocator.hpp"

#include <malloc.h>

namespace samspil::app {

namespace {

// glibc returns the top of a heap to the kernel as soon as 128 KiB of it are free
// (M_TRIM_THRESHOLD). A page request allocates and frees blocks of that order (SQLite opens a
// page cache of ~90 KiB for every temporary b-tree of a UNION or a materialised subquery, the
// rendered body), so with the default every request shrank the heap and faulted the same
// pages in again: "Mit overblik" took 621 µs in process, 82 µs with this bound
// (bench_overview, bench/RESULTS.md). 64 MiB per arena is the most a quiet server keeps.
constexpr int kTrimThresholdBytes = 64 * 1024 * 1024;

}  // namespace

void tune_allocator() {
  // mallopt returns 0 when the setting is refused (another allocator, e.g. under ASan);
  // nothing depends on it but speed.
  mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
}

}  // namespace samspil::app
