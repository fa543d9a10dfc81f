#include "storage/request_form_store.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kSelect =
    "SELECT id, tenant, case_id, version, status, answers_encrypted, wished_meeting_type, child_perspective, "
    "completed_with_parents, parents_present, completed_by, completed_at, created_by, created_at, updated_by, "
    "updated_at FROM request_forms ";

RequestFormRecord form_from(const Row& row) {
  RequestFormRecord r;
  r.id = row.text(0);
  r.tenant = row.text(1);
  r.case_id = row.text(2);
  r.version = static_cast<int>(row.integer(3));
  r.status = row.text(4);
  r.answers_encrypted = row.text(5);
  r.wished_meeting_type = row.text(6);
  r.child_perspective = row.text(7);
  r.completed_with_parents = row.integer(8) != 0;
  r.parents_present = row.text(9);
  r.completed_by = row.optional_text(10).value_or("");
  r.completed_at_ms = row.optional_integer(11);
  r.created_by = row.text(12);
  r.created_at_ms = row.integer(13);
  r.updated_by = row.text(14);
  r.updated_at_ms = row.integer(15);
  return r;
}

Value optional(const std::string& s) { return s.empty() ? Value{nullptr} : Value{s}; }

}  // namespace

void insert_request_form(Connection& conn, const RequestFormRecord& r) {
  conn.query(
      "INSERT INTO request_forms (id, tenant, case_id, version, status, answers_encrypted, wished_meeting_type, "
      "child_perspective, completed_with_parents, parents_present, completed_by, completed_at, created_by, created_at, "
      "updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
      {r.id, r.tenant, r.case_id, std::int64_t{r.version}, r.status, r.answers_encrypted, r.wished_meeting_type,
       r.child_perspective, std::int64_t{r.completed_with_parents ? 1 : 0}, r.parents_present, optional(r.completed_by),
       r.completed_at_ms ? Value{*r.completed_at_ms} : Value{nullptr}, r.created_by, r.created_at_ms, r.updated_by,
       r.updated_at_ms});
}

bool update_request_form_draft(Connection& conn, const RequestFormRecord& r) {
  return conn.query(
                 "UPDATE request_forms SET answers_encrypted = $3, wished_meeting_type = $4, child_perspective = $5, "
                 "updated_by = $6, updated_at = $7 WHERE tenant = $1 AND id = $2 AND status = 'draft'",
                 {r.tenant, r.id, r.answers_encrypted, r.wished_meeting_type, r.child_perspective, r.updated_by,
                  r.updated_at_ms})
             .affected > 0;
}

bool complete_request_form(Connection& conn, const RequestFormRecord& r) {
  return conn.query(
                 "UPDATE request_forms SET status = 'completed', completed_with_parents = $3, parents_present = $4, "
                 "completed_by = $5, completed_at = $6, updated_by = $5, updated_at = $6 "
                 "WHERE tenant = $1 AND id = $2 AND status = 'draft'",
                 {r.tenant, r.id, std::int64_t{r.completed_with_parents ? 1 : 0}, r.parents_present, r.completed_by,
                  r.completed_at_ms ? Value{*r.completed_at_ms} : Value{nullptr}})
             .affected > 0;
}

std::optional<RequestFormRecord> latest_request_form(Connection& conn, const std::string& tenant,
                                                     const std::string& case_id) {
  const Result r = conn.query(std::string(kSelect) + "WHERE tenant = $1 AND case_id = $2 ORDER BY version DESC LIMIT 1",
                              {tenant, case_id});
  if (r.rows.empty()) return std::nullopt;
  return form_from(r.rows.front());
}

std::optional<RequestFormRecord> latest_completed_request_form(Connection& conn, const std::string& tenant,
                                                               const std::string& case_id) {
  const Result r = conn.query(std::string(kSelect) +
                                  "WHERE tenant = $1 AND case_id = $2 AND status = 'completed' "
                                  "ORDER BY version DESC LIMIT 1",
                              {tenant, case_id});
  if (r.rows.empty()) return std::nullopt;
  return form_from(r.rows.front());
}

std::vector<RequestFormRecord> request_form_versions(Connection& conn, const std::string& tenant,
                                                     const std::string& case_id) {
  const Result r =
      conn.query(std::string(kSelect) + "WHERE tenant = $1 AND case_id = $2 ORDER BY version", {tenant, case_id});
  std::vector<RequestFormRecord> out;
  for (const Row& row : r.rows) out.push_back(form_from(row));
  return out;
}

std::optional<std::int64_t> last_meeting_held_at(Connection& conn, const std::string& tenant,
                                                 const std::string& case_id) {
  const Result r = conn.query(
      "SELECT MAX(held_at) FROM meetings WHERE tenant = $1 AND case_id = $2 AND held_at IS NOT NULL "
      "AND status <> 'cancelled'",
      {tenant, case_id});
  if (r.rows.empty()) return std::nullopt;
  return r.rows.front().optional_integer(0);
}

}  // namespace samspil::storage
