#pragma once
// Personal iCalendar feeds (calendar_feeds, migration 0006): only the token's SHA-256 is
// stored; a revoked feed keeps its row with revoked_at.
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

struct CalendarFeedRow {
  std::string id;
  std::string tenant;
  std::string user_id;
  std::string token_hash;
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> revoked_at_ms;
};

// Inserts a feed.
void insert_calendar_feed(Connection& conn, const CalendarFeedRow& feed);
// The user's feed in force (not revoked), if any.
std::optional<CalendarFeedRow> active_calendar_feed(Connection& conn, const std::string& tenant, const std::string& user_id);
// The feed in force with this token hash (any tenant: the token names it), if any.
std::optional<CalendarFeedRow> calendar_feed_by_token_hash(Connection& conn, const std::string& token_hash);
// Revokes every feed of the user in force; returns how many.
std::int64_t revoke_calendar_feeds(Connection& conn, const std::string& tenant, const std::string& user_id,
                                   std::int64_t now_ms);

}  // namespace samspil::storage
