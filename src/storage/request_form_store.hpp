#pragma once
// Request forms per case in versions (migration 0007). Answers are stored sealed by the
// caller (service/request_forms/request_forms); this file only moves rows. Every query filters by tenant.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct RequestFormRecord {
  std::string id;
  std::string tenant;
  std::string case_id;
  int version = 1;
  std::string status = "draft";       // draft or completed
  std::string answers_encrypted;      // sealed JSON {field id: text}
  std::string wished_meeting_type;    // a meeting type id of the case's model, "" = none
  std::string child_perspective;      // obtained, not_obtained or ""
  bool completed_with_parents = false;
  std::string parents_present = "[]"; // JSON array of guardian user ids
  std::string completed_by;           // "" until completed
  std::optional<std::int64_t> completed_at_ms;
  std::string created_by;
  std::int64_t created_at_ms = 0;
  std::string updated_by;
  std::int64_t updated_at_ms = 0;
};

// Inserts a version; ConstraintViolation when (case, version) exists (a concurrent start).
void insert_request_form(Connection& conn, const RequestFormRecord& r);
// Writes the mutable fields of a DRAFT; false when the row is not (or no longer) a draft.
bool update_request_form_draft(Connection& conn, const RequestFormRecord& r);
// Marks a draft completed (status, flags, who/when); false when it is not a draft.
bool complete_request_form(Connection& conn, const RequestFormRecord& r);
// The newest version of the case's request form, if any.
std::optional<RequestFormRecord> latest_request_form(Connection& conn, const std::string& tenant,
                                                     const std::string& case_id);
// The newest COMPLETED version, if any.
std::optional<RequestFormRecord> latest_completed_request_form(Connection& conn, const std::string& tenant,
                                                               const std::string& case_id);
// Every version of the case's form, oldest first.
std::vector<RequestFormRecord> request_form_versions(Connection& conn, const std::string& tenant,
                                                     const std::string& case_id);

// When the case's last meeting was held (meetings.held_at, migration 0006), if any: the
// moment R10 measures "new or updated" against.
std::optional<std::int64_t> last_meeting_held_at(Connection& conn, const std::string& tenant,
                                                 const std::string& case_id);

}  // namespace samspil::storage
