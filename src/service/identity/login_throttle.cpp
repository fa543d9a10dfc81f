#include "service/identity/login_throttle.hpp"

namespace samspil::service::login {

bool is_locked(const storage::ThrottleRow& row, std::int64_t now_ms) {
  return row.locked_until_ms && *row.locked_until_ms > now_ms;
}

storage::ThrottleRow after_failure(storage::ThrottleRow row, int limit, const Limits& limits, std::int64_t now_ms) {
  const bool lock_over = row.locked_until_ms && *row.locked_until_ms <= now_ms;
  const bool window_over = now_ms - row.window_started_at_ms >= limits.window_ms;
  if (row.failures == 0 || lock_over || (window_over && !is_locked(row, now_ms))) {
    row.failures = 0;
    row.window_started_at_ms = now_ms;
    row.locked_until_ms.reset();
  }
  row.failures += 1;
  if (row.failures >= limit && !is_locked(row, now_ms)) row.locked_until_ms = now_ms + limits.lock_ms;
  return row;
}

}  // namespace samspil::service::login
