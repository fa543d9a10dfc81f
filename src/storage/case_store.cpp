#include "storage/case_store.hpp"

#include "storage/case_rows.hpp"
#include "storage/sql_values.hpp"

namespace samspil::storage {

void insert_case(Connection& conn, const CaseRecord& c) {
  conn.query(
      "INSERT INTO cases (id, tenant, child_id, model_id, state, title, unit_id, created_by, assigned_to, ppr_unit_id, "
      "ppr_requested_at, tried_encrypted, tried_recorded_at, opened_at, closed_at, close_reason, retention_until, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
      "$18, $19)",
      {c.id, c.tenant, c.child_id, c.model_id, c.state, c.title, or_null(c.unit_id), c.created_by,
       or_null(c.assigned_to), or_null(c.ppr_unit_id), or_null(c.ppr_requested_at_ms), or_null(c.tried_encrypted),
       or_null(c.tried_recorded_at_ms), c.opened_at_ms, or_null(c.closed_at_ms), or_null(c.close_reason),
       or_null(c.retention_until_ms), c.created_at_ms, c.updated_at_ms});
}

std::optional<CaseRecord> find_case(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(case_select(CaseNotes::read) + "WHERE c.tenant = $1 AND c.id = $2", {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return case_from(r.rows.front(), CaseNotes::read);
}

void update_case(Connection& conn, const CaseRecord& c) {
  conn.query(
      "UPDATE cases SET state = $3, title = $4, assigned_to = $5, ppr_unit_id = $6, ppr_requested_at = $7, "
      "tried_encrypted = $8, tried_recorded_at = $9, closed_at = $10, close_reason = $11, retention_until = $12, "
      "updated_at = $13 WHERE tenant = $1 AND id = $2",
      {c.tenant, c.id, c.state, c.title, or_null(c.assigned_to), or_null(c.ppr_unit_id),
       or_null(c.ppr_requested_at_ms), or_null(c.tried_encrypted), or_null(c.tried_recorded_at_ms),
       or_null(c.closed_at_ms), or_null(c.close_reason), or_null(c.retention_until_ms), c.updated_at_ms});
}

std::vector<CaseRecord> cases_of_child(Connection& conn, const std::string& tenant, const std::string& child_id) {
  const Result r = conn.query(case_select(CaseNotes::read) + "WHERE c.tenant = $1 AND c.child_id = $2 ORDER BY c.opened_at DESC, c.id",
                              {tenant, child_id});
  std::vector<CaseRecord> out;
  for (const Row& row : r.rows) out.push_back(case_from(row, CaseNotes::read));
  return out;
}

std::vector<CaseRecord> list_cases(Connection& conn, const std::string& tenant, const CaseListScope& scope,
                                   const std::string& after, int limit) {
  std::vector<Value> params{tenant, scope.user_id, after, std::int64_t{limit}};
  std::string where;
  if (scope.as_guardian) {
    where = "EXISTS (SELECT 1 FROM guardianships g WHERE g.tenant = c.tenant AND g.child_id = c.child_id "
            "AND g.user_id = $2)";
  } else {
    where = "c.assigned_to = $2 OR EXISTS (SELECT 1 FROM case_participants p WHERE p.tenant = c.tenant "
            "AND p.case_id = c.id AND p.user_id = $2)";
    where += " OR ch.unit_id IN (" + placeholders(params, scope.led_unit_ids) + ")";
    where += " OR (c.ppr_requested_at IS NOT NULL AND c.ppr_unit_id IN (" + placeholders(params, scope.ppr_unit_ids) +
             "))";
  }
  const Result r = conn.query(case_select(CaseNotes::read) + "WHERE c.tenant = $1 AND c.id > $3 AND (" + where +
                                  ") ORDER BY c.id LIMIT $4",
                              params);
  std::vector<CaseRecord> out;
  for (const Row& row : r.rows) out.push_back(case_from(row, CaseNotes::read));
  return out;
}

void upsert_participant(Connection& conn, const std::string& tenant, const CaseParticipant& p) {
  conn.query(
      "INSERT INTO case_participants (case_id, user_id, tenant, role, added_at) VALUES ($1, $2, $3, $4, $5) "
      "ON CONFLICT (case_id, user_id) DO UPDATE SET role = excluded.role",
      {p.case_id, p.user_id, tenant, p.role, p.added_at_ms});
}

std::vector<CaseParticipant> case_participants(Connection& conn, const std::string& tenant,
                                               const std::string& case_id) {
  const Result r = conn.query(
      "SELECT p.case_id, p.user_id, p.role, p.added_at, u.display_name FROM case_participants p "
      "LEFT JOIN users u ON u.tenant = p.tenant AND u.id = p.user_id "
      "WHERE p.tenant = $1 AND p.case_id = $2 ORDER BY p.added_at, p.user_id",
      {tenant, case_id});
  std::vector<CaseParticipant> out;
  for (const Row& row : r.rows) {
    out.push_back(CaseParticipant{row.text(0), row.text(1), row.text(2), row.integer(3), row.optional_text(4).value_or("")});
  }
  return out;
}

bool is_participant(Connection& conn, const std::string& tenant, const std::string& case_id,
                    const std::string& user_id) {
  return !conn.query("SELECT 1 FROM case_participants WHERE tenant = $1 AND case_id = $2 AND user_id = $3",
                     {tenant, case_id, user_id})
              .rows.empty();
}

std::optional<std::string> find_idempotency_key(Connection& conn, const std::string& tenant,
                                                const std::string& user_id, const std::string& key) {
  const Result r = conn.query(
      "SELECT result_id FROM idempotency_keys WHERE tenant = $1 AND user_id = $2 AND idem_key = $3",
      {tenant, user_id, key});
  if (r.rows.empty()) return std::nullopt;
  return r.rows.front().text(0);
}

void insert_idempotency_key(Connection& conn, const std::string& tenant, const std::string& user_id,
                            const std::string& key, const std::string& result_id, std::int64_t now_ms) {
  conn.query("INSERT INTO idempotency_keys (tenant, user_id, idem_key, result_id, created_at) VALUES ($1, $2, $3, $4, $5)",
             {tenant, user_id, key, result_id, now_ms});
}

}  // namespace samspil::storage
