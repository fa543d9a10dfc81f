#include "storage/throttle_store.hpp"

namespace samspil::storage {

std::optional<ThrottleRow> find_throttle(Connection& conn, const std::string& key) {
  const Result r = conn.query(
      "SELECT throttle_key, failures, window_started_at, locked_until FROM login_throttle WHERE throttle_key = $1",
      {key});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  return ThrottleRow{row.text(0), row.integer(1), row.integer(2), row.optional_integer(3)};
}

void save_throttle(Connection& conn, const ThrottleRow& t) {
  // ON CONFLICT … DO UPDATE is understood by SQLite (3.24+) and PostgreSQL alike.
  conn.query(
      "INSERT INTO login_throttle (throttle_key, failures, window_started_at, locked_until) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, "
      "window_started_at = excluded.window_started_at, locked_until = excluded.locked_until",
      {t.key, t.failures, t.window_started_at_ms, t.locked_until_ms ? Value{*t.locked_until_ms} : Value{nullptr}});
}

void clear_throttle(Connection& conn, const std::string& key) {
  conn.query("DELETE FROM login_throttle WHERE throttle_key = $1", {key});
}

}  // namespace samspil::storage
