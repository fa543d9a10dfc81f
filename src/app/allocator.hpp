#pragma once
// Process-wide allocator settings for samspil (glibc malloc).

namespace samspil::app {

// Keeps freed memory in the process up to a bound instead of handing it back to the kernel
// at every free. Called first thing in main (before threads start) and by the benchmarks,
// so they measure what serving does.
void tune_allocator();

}  // namespace samspil::app
