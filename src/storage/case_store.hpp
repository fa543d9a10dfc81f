#pragma once
// Cases, their participants and idempotency keys (migration 0005). Every query filters by
// tenant; the lists are keyset-paginated by case id and served by the cases_* indexes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct CaseRecord {
  std::string id;
  std::string tenant;
  std::string child_id;
  std::string model_id;
  std::string state;
  std::string title;
  std::string unit_id;        // the child's unit when registered; "" when none
  std::string created_by;
  std::string assigned_to;    // assigned PPR staff member; "" when none
  std::string ppr_unit_id;    // the PPR district whose queue holds the case; "" when none
  std::optional<std::int64_t> ppr_requested_at_ms;
  std::string tried_encrypted;  // sealed text of what was tried (F3); "" when none
  std::optional<std::int64_t> tried_recorded_at_ms;
  std::int64_t opened_at_ms = 0;
  std::optional<std::int64_t> closed_at_ms;
  std::string close_reason;
  std::optional<std::int64_t> retention_until_ms;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
  std::string child_unit_id;  // read only: the child's current unit (joined), "" when none
};

struct CaseParticipant {
  std::string case_id;
  std::string user_id;
  std::string role;  // chair, participant, … (the role in this case)
  std::int64_t added_at_ms = 0;
  std::string display_name = {};  // read only: the user's name ("" when the account is gone)
};

// Inserts a case.
void insert_case(Connection& conn, const CaseRecord& c);
// The case with this id in the tenant (with the child's current unit), if any.
std::optional<CaseRecord> find_case(Connection& conn, const std::string& tenant, const std::string& id);
// Writes the mutable fields (state, assignment, PPR queue, tried, closing, updated_at).
void update_case(Connection& conn, const CaseRecord& c);
// The child's cases, newest first.
std::vector<CaseRecord> cases_of_child(Connection& conn, const std::string& tenant, const std::string& child_id);

// Who sees which cases in lists: the same relations the access rule checks one by one.
struct CaseListScope {
  std::string user_id;
  std::vector<std::string> led_unit_ids;   // cases of children in these units
  std::vector<std::string> ppr_unit_ids;   // cases in these PPR districts' queues
  bool as_guardian = false;                // cases of the user's own children only
};
// One page of cases visible under the scope, ordered by id, after the case id `after`.
std::vector<CaseRecord> list_cases(Connection& conn, const std::string& tenant, const CaseListScope& scope,
                                   const std::string& after, int limit);

// Adds a participant or changes their role.
void upsert_participant(Connection& conn, const std::string& tenant, const CaseParticipant& p);
// The case's participants in the order they were added.
std::vector<CaseParticipant> case_participants(Connection& conn, const std::string& tenant, const std::string& case_id);
// True when the user takes part in the case.
bool is_participant(Connection& conn, const std::string& tenant, const std::string& case_id,
                    const std::string& user_id);

// The result id stored for (user, key), if the key was used before.
std::optional<std::string> find_idempotency_key(Connection& conn, const std::string& tenant,
                                                const std::string& user_id, const std::string& key);
// Stores (user, key) → result id; throws ConstraintViolation when the key is already used.
void insert_idempotency_key(Connection& conn, const std::string& tenant, const std::string& user_id,
                            const std::string& key, const std::string& result_id, std::int64_t now_ms);

}  // namespace samspil::storage
