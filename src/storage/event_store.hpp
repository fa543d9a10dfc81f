#pragma once
// The case timeline (case_events, migration 0005): append-only rows of who did what when.
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct CaseEventRow {
  std::string id;
  std::string tenant;
  std::string case_id;
  std::int64_t at_ms = 0;
  std::string actor_id;  // "" for the system
  std::string kind;      // registered, tried_recorded, moved, participant_added, assigned, closed, consent_withdrawn, …
  std::string detail;    // JSON object; never a CPR number or free text about the child
};

// Appends an event in the caller's transaction.
void append_case_event(Connection& conn, const CaseEventRow& event);
// The case's events in time order; kind "" = every kind; after_id = cursor ("" = first page).
std::vector<CaseEventRow> case_events(Connection& conn, const std::string& tenant, const std::string& case_id,
                                      const std::string& kind, const std::string& after_id, int limit);

}  // namespace samspil::storage
