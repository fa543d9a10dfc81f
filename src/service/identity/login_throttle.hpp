#pragma once
// The rule for temporary lock-out after repeated failed log-ins, as pure functions over a
// counter row: failures inside a window are counted; reaching the limit locks the key.
#include <cstdint>
#include <string>

#include "storage/throttle_store.hpp"

namespace samspil::service::login {

struct Limits {
  int account_failures = 5;                  // per account, then locked
  int address_failures = 20;                 // per client address, then locked
  std::int64_t window_ms = 15 * 60 * 1000;   // failures older than this are forgotten
  std::int64_t lock_ms = 15 * 60 * 1000;     // how long a lock lasts
};

// True when the counter locks its key at now_ms.
bool is_locked(const storage::ThrottleRow& row, std::int64_t now_ms);
// The counter after one more failure (starting afresh when the window or lock is over);
// locks when the failures reach limit.
storage::ThrottleRow after_failure(storage::ThrottleRow row, int limit, const Limits& limits, std::int64_t now_ms);

}  // namespace samspil::service::login
