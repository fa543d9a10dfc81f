#include "storage/calendar_feed_store.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kColumns = "SELECT id, tenant, user_id, token_hash, created_at, revoked_at FROM calendar_feeds ";

CalendarFeedRow feed_from(const Row& r) {
  return CalendarFeedRow{r.text(0), r.text(1), r.text(2), r.text(3), r.integer(4), r.optional_integer(5)};
}

}  // namespace

void insert_calendar_feed(Connection& conn, const CalendarFeedRow& f) {
  conn.query("INSERT INTO calendar_feeds (id, tenant, user_id, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
             {f.id, f.tenant, f.user_id, f.token_hash, f.created_at_ms});
}

std::optional<CalendarFeedRow> active_calendar_feed(Connection& conn, const std::string& tenant, const std::string& user_id) {
  const Result r = conn.query(std::string(kColumns) +
                                  "WHERE tenant = $1 AND user_id = $2 AND revoked_at IS NULL ORDER BY created_at DESC, id",
                              {tenant, user_id});
  if (r.rows.empty()) return std::nullopt;
  return feed_from(r.rows.front());
}

std::optional<CalendarFeedRow> calendar_feed_by_token_hash(Connection& conn, const std::string& token_hash) {
  const Result r = conn.query(std::string(kColumns) + "WHERE token_hash = $1 AND revoked_at IS NULL", {token_hash});
  if (r.rows.empty()) return std::nullopt;
  return feed_from(r.rows.front());
}

std::int64_t revoke_calendar_feeds(Connection& conn, const std::string& tenant, const std::string& user_id,
                                   std::int64_t now_ms) {
  return conn
      .query("UPDATE calendar_feeds SET revoked_at = $3 WHERE tenant = $1 AND user_id = $2 AND revoked_at IS NULL",
             {tenant, user_id, now_ms})
      .affected;
}

}  // namespace samspil::storage
