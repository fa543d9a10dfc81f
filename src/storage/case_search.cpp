#include "storage/case_search.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.tenant, c.child_id, c.model_id, c.state, c.title, c.unit_id, c.created_by, c.assigned_to, "
    "c.ppr_unit_id, c.ppr_requested_at, c.tried_recorded_at, c.opened_at, c.closed_at, "
    "c.close_reason, c.retention_until, c.created_at, c.updated_at, ch.unit_id "
    "FROM cases c JOIN children ch ON ch.id = c.child_id AND ch.tenant = c.tenant ";

// Lists never carry the sealed notes: tried_encrypted is not even read.
CaseRecord listed_case(const Row& r) {
  CaseRecord c;
  c.id = r.text(0);
  c.tenant = r.text(1);
  c.child_id = r.text(2);
  c.model_id = r.text(3);
  c.state = r.text(4);
  c.title = r.text(5);
  c.unit_id = r.optional_text(6).value_or("");
  c.created_by = r.text(7);
  c.assigned_to = r.optional_text(8).value_or("");
  c.ppr_unit_id = r.optional_text(9).value_or("");
  c.ppr_requested_at_ms = r.optional_integer(10);
  c.tried_recorded_at_ms = r.optional_integer(11);
  c.opened_at_ms = r.integer(12);
  c.closed_at_ms = r.optional_integer(13);
  c.close_reason = r.optional_text(14).value_or("");
  c.retention_until_ms = r.optional_integer(15);
  c.created_at_ms = r.integer(16);
  c.updated_at_ms = r.integer(17);
  c.child_unit_id = r.optional_text(18).value_or("");
  return c;
}

std::string param(std::vector<Value>& params, Value v) {
  params.push_back(std::move(v));
  return "$" + std::to_string(params.size());
}

std::string in_list(std::vector<Value>& params, const std::vector<std::string>& values) {
  if (values.empty()) return "NULL";
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + param(params, v);
  return out;
}

bool word_byte(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

}  // namespace

std::string fts5_match_expression(const std::string& text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    out += (out.empty() ? "\"" : " \"") + word + "\"*";
    word.clear();
  };
  for (unsigned char c : text) {
    if (word_byte(c)) word.push_back(static_cast<char>(c));
    else flush();
  }
  flush();
  return out;
}

SqlQuery case_search_query(Dialect dialect, const std::string& tenant, const CaseListScope& scope,
                           const CaseFilter& filter, const std::string& after, int limit) {
  SqlQuery q;
  auto& p = q.params;
  const std::string t = param(p, tenant);
  const std::string user = param(p, scope.user_id);
  std::string where = "c.tenant = " + t + " AND c.id > " + param(p, after);
  // Visibility: the same relations as list_cases.
  if (scope.as_guardian) {
    where += " AND EXISTS (SELECT 1 FROM guardianships g WHERE g.tenant = c.tenant AND g.child_id = c.child_id "
             "AND g.user_id = " + user + ")";
  } else {
    where += " AND (c.assigned_to = " + user +
             " OR EXISTS (SELECT 1 FROM case_participants cp WHERE cp.tenant = c.tenant AND cp.case_id = c.id "
             "AND cp.user_id = " + user + ")";
    where += " OR ch.unit_id IN (" + in_list(p, scope.led_unit_ids) + ")";
    where += " OR (c.ppr_requested_at IS NOT NULL AND c.ppr_unit_id IN (" + in_list(p, scope.ppr_unit_ids) + ")))";
  }
  if (!filter.unit_id.empty()) where += " AND c.unit_id = " + param(p, filter.unit_id);
  if (!filter.state.empty()) where += " AND c.state = " + param(p, filter.state);
  if (!filter.assigned_to.empty()) where += " AND c.assigned_to = " + param(p, filter.assigned_to);
  if (!filter.meeting_type.empty()) {
    where += " AND c.id IN (SELECT m.case_id FROM meetings m WHERE m.tenant = " + t +
             " AND m.type_id = " + param(p, filter.meeting_type) + ")";
  }
  if (!filter.text.empty()) {
    if (dialect == Dialect::sqlite) {
      const std::string match = fts5_match_expression(filter.text);
      // No word at all (only punctuation): nothing can match.
      if (match.empty()) where += " AND 1 = 0";
      else where += " AND c.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH " + param(p, match) + ")";
    } else {
      where += " AND to_tsvector('danish', c.title) @@ plainto_tsquery('danish', " + param(p, filter.text) + ")";
    }
  }
  q.sql = std::string(kSelect) + "WHERE " + where + " ORDER BY c.id LIMIT " + param(p, std::int64_t{limit});
  return q;
}

std::vector<CaseRecord> search_cases(Connection& conn, const std::string& tenant, const CaseListScope& scope,
                                     const CaseFilter& filter, const std::string& after, int limit) {
  const auto q = case_search_query(conn.dialect(), tenant, scope, filter, after, limit);
  const Result r = conn.query(q.sql, q.params);
  std::vector<CaseRecord> out;
  out.reserve(r.rows.size());
  for (const Row& row : r.rows) out.push_back(listed_case(row));
  return out;
}

std::vector<std::pair<std::string, std::string>> case_assignees(Connection& conn, const std::string& tenant) {
  const Result r = conn.query(
      "SELECT u.id, u.display_name FROM users u WHERE u.tenant = $1 AND u.id IN "
      "(SELECT c.assigned_to FROM cases c WHERE c.tenant = $1 AND c.assigned_to IS NOT NULL) "
      "ORDER BY u.display_name, u.id",
      {tenant});
  std::vector<std::pair<std::string, std::string>> out;
  for (const Row& row : r.rows) out.emplace_back(row.text(0), row.text(1));
  return out;
}

}  // namespace samspil::storage
