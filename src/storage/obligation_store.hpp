#pragma once
// Obligations of meetings (migration 0009, X3): one row per deadline rule (and invitee),
// with owner, due time and whether it was met, reminded or missed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct ObligationRecord {
  std::string id;
  std::string tenant;
  std::string meeting_id;
  std::string case_id;
  std::string unit_id;        // "" when the case has none
  std::string obligation_id;  // the model's DeadlineRule id
  std::string participant_id; // "" unless per invitee
  std::string rule;
  std::string anchor;
  std::string owner_role;
  std::string owner_id;       // "" when nobody holds the role yet
  std::optional<std::int64_t> due_at_ms;
  bool closed_day = false;
  std::optional<std::int64_t> done_at_ms, reminded_at_ms, missed_at_ms;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

struct ComplianceCounts {
  std::int64_t met = 0;      // done by the due time
  std::int64_t late = 0;     // done after the due time
  std::int64_t missed = 0;   // due passed, not done
  std::int64_t open = 0;     // not yet due, not done
};

// Inserts the obligation, or updates owner, due time, rule and anchor of the existing row
// with the same (meeting, obligation_id, participant_id); a changed due time clears
// reminded_at and missed_at (the reminder is due again). Returns the row's id.
std::string upsert_obligation(Connection& conn, const ObligationRecord& o);
// Every obligation of a meeting, earliest due first (unknown due last).
std::vector<ObligationRecord> obligations_of_meeting(Connection& conn, const std::string& tenant,
                                                     const std::string& meeting_id);
// One obligation by row id (no tenant: used by the reminder job, which carries the tenant).
std::optional<ObligationRecord> find_obligation(Connection& conn, const std::string& tenant, const std::string& id);
// Marks done (when not done yet).
void set_obligation_done(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t at_ms);
// Claims the reminder: true when this call set reminded_at (it was unset).
// Removes the meeting's obligations that are not done (a cancelled meeting owes nothing).
void delete_open_obligations(Connection& conn, const std::string& tenant, const std::string& meeting_id);
bool set_obligation_reminded(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t at_ms);
// Claims the missed report: true when this call set missed_at (it was unset).
bool set_obligation_missed(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t at_ms);
// The owner's obligations not done yet, earliest due first, at most limit.
std::vector<ObligationRecord> open_obligations_of_owner(Connection& conn, const std::string& tenant,
                                                        const std::string& owner_id, int limit);
// Met/late/missed/open counts of a unit's obligations due in [from_ms, to_ms), as of now_ms.
ComplianceCounts unit_compliance(Connection& conn, const std::string& tenant, const std::string& unit_id,
                                 std::int64_t from_ms, std::int64_t to_ms, std::int64_t now_ms);

struct UserContact {
  std::string display_name;
  std::string email;
};
// Name and address of an enabled user of the tenant (for reminders), if any.
std::optional<UserContact> user_contact(Connection& conn, const std::string& tenant, const std::string& user_id);

}  // namespace samspil::storage
