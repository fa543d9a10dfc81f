#pragma once
// Triage at the PPR district meeting (migration 0008): decisions on requests, the district
// queue, the staff a lead may assign and the facts waiting times are computed from. Every
// query filters by tenant.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct TriageDecisionRow {
  std::string id;
  std::string tenant;
  std::string case_id;
  std::string ppr_unit_id;
  std::string decision;          // assign, more_info, redirect_kv, decline
  std::string decided_by;
  std::int64_t decided_at_ms = 0;
  std::int64_t requested_at_ms = 0;
  std::int64_t waited_ms = 0;
  std::string assignee_id;       // "" unless assign
  std::string reason_encrypted;  // sealed; "" when none
  std::string task_id;           // "" unless assign
  std::int64_t created_at_ms = 0;
  std::string decided_by_name;   // read only: the lead's display name (joined)
};

// A request waiting in a district queue (no CPR, no child name: the board shows the title).
struct QueueItem {
  std::string case_id;
  std::string title;
  std::string model_id;
  std::string state;
  std::string ppr_unit_id;
  std::string ppr_unit_name;
  std::string child_unit_name;   // the child's current unit; "" when none
  std::string created_by;        // the requester
  std::int64_t requested_at_ms = 0;
};

struct StaffMember {
  std::string user_id;
  std::string display_name;
  std::string role;
};

// Waiting times of one decided request (for medians).
struct WaitingFact {
  std::string case_id;
  std::string ppr_unit_id;
  std::string decision;
  std::int64_t requested_at_ms = 0;
  std::int64_t waited_ms = 0;                      // request -> decision
  std::optional<std::int64_t> first_meeting_at_ms;  // first start-up meeting after the request
};

// Inserts a decision.
void insert_triage_decision(Connection& conn, const TriageDecisionRow& row);
// The case's decisions, oldest first.
std::vector<TriageDecisionRow> decisions_of_case(Connection& conn, const std::string& tenant, const std::string& case_id);
// True when a decision was taken on the request sent at requested_at_ms.
bool request_decided(Connection& conn, const std::string& tenant, const std::string& case_id,
                     std::int64_t requested_at_ms);
// Open requests in these districts that have no decision yet, oldest request first.
std::vector<QueueItem> triage_queue(Connection& conn, const std::string& tenant,
                                    const std::vector<std::string>& ppr_unit_ids, int limit);
// Active staff (not guardians, not administrators, not disabled) who are members of the unit, by name.
std::vector<StaffMember> staff_of_unit(Connection& conn, const std::string& tenant, const std::string& unit_id);
// Decisions in the districts with the first meeting of meeting type `startup_type` in the
// case at or after the request (cancelled meetings do not count).
std::vector<WaitingFact> waiting_facts(Connection& conn, const std::string& tenant,
                                       const std::vector<std::string>& ppr_unit_ids, const std::string& startup_type);
// The start of the case's first meeting of this type at or after `from_ms` (not cancelled).
std::optional<std::int64_t> first_meeting_of_type(Connection& conn, const std::string& tenant,
                                                  const std::string& case_id, const std::string& type_id,
                                                  std::int64_t from_ms);
// A filter on the case timeline: kinds equal to one of `kinds` or starting with one of
// `prefixes` (both empty = every kind), at in [from_ms, to_ms), after the event after_id.
struct TimelineFilter {
  std::vector<std::string> kinds;
  std::vector<std::string> prefixes;
  std::optional<std::int64_t> from_ms;
  std::optional<std::int64_t> to_ms;
  std::string after_id;
  int limit = 25;
};
struct TimelineRow {
  std::string id;
  std::int64_t at_ms = 0;
  std::string actor_id;     // "" for the system
  std::string actor_name;   // "" for the system
  std::string actor_role;   // users.role; "" for the system
  std::string kind;
  std::string detail;       // JSON object
};
// The case's events matching the filter in time order (keyset on (at, id)), with who did it.
std::vector<TimelineRow> timeline_events(Connection& conn, const std::string& tenant, const std::string& case_id,
                                         const TimelineFilter& filter);

}  // namespace samspil::storage
