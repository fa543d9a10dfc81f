// The lock-out rule: N failures inside the window lock the key for lock_ms; afterwards the
// count starts again; old failures outside the window are forgotten.
#include <gtest/gtest.h>

#include "service/identity/login_throttle.hpp"

using samspil::service::login::after_failure;
using samspil::service::login::is_locked;
using samspil::service::login::Limits;
using samspil::storage::ThrottleRow;

TEST(LoginThrottle, LocksAtTheLimitAndUnlocksAfterTheLock) {
  const Limits limits{.account_failures = 3, .address_failures = 10, .window_ms = 60'000, .lock_ms = 120'000};
  ThrottleRow row{"account:u", 0, 0, std::nullopt};
  row = after_failure(row, 3, limits, 1000);
  row = after_failure(row, 3, limits, 2000);
  EXPECT_FALSE(is_locked(row, 2000));
  row = after_failure(row, 3, limits, 3000);
  EXPECT_TRUE(is_locked(row, 3000));
  EXPECT_TRUE(is_locked(row, 3000 + 119'999));
  EXPECT_FALSE(is_locked(row, 3000 + 120'000));
  // After the lock, one failure does not lock again at once.
  row = after_failure(row, 3, limits, 3000 + 120'000);
  EXPECT_EQ(row.failures, 1);
  EXPECT_FALSE(is_locked(row, 3000 + 120'000));
}

TEST(LoginThrottle, FailuresOutsideTheWindowAreForgotten) {
  const Limits limits{.account_failures = 3, .address_failures = 10, .window_ms = 60'000, .lock_ms = 120'000};
  ThrottleRow row{"account:u", 0, 0, std::nullopt};
  row = after_failure(row, 3, limits, 1000);
  row = after_failure(row, 3, limits, 2000);
  row = after_failure(row, 3, limits, 1000 + 60'000);
  EXPECT_EQ(row.failures, 1);
  EXPECT_FALSE(is_locked(row, 1000 + 60'000));
}
