#include "storage/case_search.hpp"

#include "storage/case_rows.hpp"
#include "storage/sql_values.hpp"

namespace samspil::storage {
namespace {

std::string param(std::vector<Value>& params, Value v) {
  params.push_back(std::move(v));
  return "$" + std::to_string(params.size());
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
    where += " OR ch.unit_id IN (" + placeholders(p, scope.led_unit_ids) + ")";
    where += " OR (c.ppr_requested_at IS NOT NULL AND c.ppr_unit_id IN (" + placeholders(p, scope.ppr_unit_ids) + ")))";
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
  q.sql = case_select(CaseNotes::left_out) + "WHERE " + where + " ORDER BY c.id LIMIT " + param(p, std::int64_t{limit});
  return q;
}

std::vector<CaseRecord> search_cases(Connection& conn, const std::string& tenant, const CaseListScope& scope,
                                     const CaseFilter& filter, const std::string& after, int limit) {
  const auto q = case_search_query(conn.dialect(), tenant, scope, filter, after, limit);
  const Result r = conn.query(q.sql, q.params);
  std::vector<CaseRecord> out;
  out.reserve(r.rows.size());
  for (const Row& row : r.rows) out.push_back(case_from(row, CaseNotes::left_out));
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
