#pragma once
// How many statements this thread has run on either engine since it started. Tests read it
// before and after a call to show that the call runs a bounded number of queries (no N+1).
#include <cstdint>

namespace samspil::storage {

std::uint64_t statements_run_on_this_thread();

}  // namespace samspil::storage
