#pragma once
// The case timeline page (issue 5 item 6): every case_events row with who did it, filtered by
// kind group (samtykke, skema, moeder, beslutninger, dokumenter) and by date range, in keyset
// pages. Guardians get only the kinds shared with them (guardian_visible_event).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/base/actor.hpp"
#include "storage/database.hpp"
#include "storage/triage_store.hpp"

namespace samspil::service {

// The group codes offered on the page, in display order.
const std::vector<std::string>& timeline_groups();
// The kinds and kind prefixes of a group; false for an unknown group code.
bool timeline_group_filter(const std::string& group, std::vector<std::string>& kinds,
                           std::vector<std::string>& prefixes);

struct TimelineQuery {
  std::string group;                    // "" = every group
  std::optional<std::int64_t> from_ms;  // inclusive
  std::optional<std::int64_t> to_ms;    // exclusive
  std::string after_id;                 // cursor: the last event of the previous page
  int limit = 25;
};

struct TimelinePage {
  std::string case_title;
  bool guardian_view = false;
  std::vector<storage::TimelineRow> events;
  std::string next_after;               // "" when this is the last page
};

// The case timeline page's use case, built once in service::Services (member `timelines`).
class CaseTimelines {
 public:
  explicit CaseTimelines(storage::Database& db) : m_db(db) {}

  // One page of the case's timeline for the actor (NotFound unless they reach the case;
  // Invalid for an unknown group; audited read).
  TimelinePage page(const Actor& actor, const std::string& case_id, const TimelineQuery& query, std::int64_t now_ms);

 private:
  storage::Database& m_db;
};

}  // namespace samspil::service
