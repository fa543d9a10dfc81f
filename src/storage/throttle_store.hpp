#pragma once
// Failed log-in counters (table login_throttle): one row per key, "account:<user id>" or
// "address:<keyed hash of the IP>".
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

struct ThrottleRow {
  std::string key;
  std::int64_t failures = 0;
  std::int64_t window_started_at_ms = 0;
  std::optional<std::int64_t> locked_until_ms;
};

// The counter for a key, if any.
std::optional<ThrottleRow> find_throttle(Connection& conn, const std::string& key);
// Inserts or replaces the counter.
void save_throttle(Connection& conn, const ThrottleRow& row);
// Forgets the counter (after a successful log-in).
void clear_throttle(Connection& conn, const std::string& key);

}  // namespace samspil::storage
