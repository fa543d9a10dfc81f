#pragma once
// Read-only lists for "Mit overblik" and the parent portal (issue 7 items 3 and 5): one
// query per list, each keyset-paginated and served by an index of 0005/0006/0013. Every
// query filters by tenant and by the user the list belongs to.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

// A meeting the user is invited to (a meeting_participants row with user_id = the user).
struct MyMeetingRow {
  std::string id;
  std::string case_id;
  std::string case_title;     // the case's non-sensitive label
  std::string child_id;
  std::string model_id;
  std::string type_id;
  std::string status;         // draft, invited, held, finalised, cancelled
  std::int64_t starts_at_ms = 0;
  std::optional<std::int64_t> ends_at_ms;
  std::string location;
  std::string participant_id;  // the user's participant row
  std::string participant_kind;  // professional, guardian
  std::string response;        // pending, accepted, declined
};

// Keyset of a list ordered by (key, id); first page: key = the list's lower bound, id = "".
struct Keyset {
  std::int64_t key = 0;
  std::string id;
};

// The user's planned meetings (invited; also draft when include_drafts) starting after the
// keyset (starts_at, id), soonest first. Index: meeting_participants_user.
std::vector<MyMeetingRow> meetings_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                           bool include_drafts, const Keyset& after, int limit);

// The user's finalised meetings (an agreement exists), newest first, at most limit.
std::vector<MyMeetingRow> finalised_meetings_of_user(Connection& conn, const std::string& tenant,
                                                     const std::string& user_id, int limit);

// The meeting if the user is one of its participants (any status), else nullopt.
std::optional<MyMeetingRow> meeting_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                            const std::string& meeting_id);

// A case on the overview: open, assigned to the user or with the user as participant.
struct MyCaseRow {
  std::string id;
  std::string title;
  std::string model_id;
  std::string state;
  std::int64_t updated_at_ms = 0;
};

// The user's open cases, most recently changed first, after the keyset (updated_at, id)
// taken descending (after = nullopt: first page). Indexes: cases_tenant_assigned_updated,
// case_participants_user.
std::vector<MyCaseRow> open_cases_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                          const std::optional<Keyset>& after, int limit);

// An open task of the user (tasks, 0006).
struct MyTaskRow {
  std::string id;
  std::string case_id;     // "" when none
  std::string meeting_id;  // "" when none
  std::string kind;
  std::string label;       // short, non-sensitive
  std::optional<std::int64_t> due_at_ms;
};

// Where the next page of tasks starts: tasks with a due date come first (due_at, id), then
// those without (id). after_due = nullopt with a non-empty id = inside the undated tail.
struct TaskKeyset {
  std::optional<std::int64_t> due_at_ms;
  std::string id;
};

// The user's open tasks, earliest due first and undated last. Index: tasks_owner_open.
std::vector<MyTaskRow> open_tasks_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                          const TaskKeyset& after, int limit);

// An open obligation the user owns (obligations, 0009).
struct MyObligationRow {
  std::string id;
  std::string meeting_id;
  std::string case_id;
  std::string case_title;
  std::string model_id;
  std::string obligation_id;  // the model's DeadlineRule id
  std::int64_t due_at_ms = 0;
  std::optional<std::int64_t> missed_at_ms;
};

// The user's open obligations with a due time, earliest first (overdue ones come first by
// construction), after the keyset (due_at, id). Index: obligations_owner.
std::vector<MyObligationRow> open_obligations_of_user(Connection& conn, const std::string& tenant,
                                                      const std::string& user_id, const Keyset& after, int limit);

// Met/missed counts per unit and obligation kind.
struct ComplianceCountRow {
  std::string unit_id;
  std::string unit_name;
  std::string obligation_id;
  std::int64_t met = 0;     // done by the due time
  std::int64_t missed = 0;  // done late, or not done when due
};

// Obligations of cases in the given units due in [from_ms, to_ms): done by due = met, done
// late or still open = missed. Index: obligations_unit.
std::vector<ComplianceCountRow> compliance_of_units(Connection& conn, const std::string& tenant,
                                                    const std::vector<std::string>& unit_ids, std::int64_t from_ms,
                                                    std::int64_t to_ms);

// The engine's plan (EXPLAIN QUERY PLAN / EXPLAIN) of each list's statement, in the order
// meetings, cases, tasks, obligations, compliance — for the test that each is index-served.
std::vector<std::string> overview_query_plans(Connection& conn, const std::string& tenant, const std::string& user_id,
                                              const std::vector<std::string>& unit_ids);

}  // namespace samspil::storage
