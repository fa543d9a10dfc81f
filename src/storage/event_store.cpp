#include "storage/event_store.hpp"

namespace samspil::storage {

void append_case_event(Connection& conn, const CaseEventRow& e) {
  conn.query(
      "INSERT INTO case_events (id, tenant, case_id, at, actor_id, kind, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {e.id, e.tenant, e.case_id, e.at_ms, e.actor_id.empty() ? Value{nullptr} : Value{e.actor_id}, e.kind,
       e.detail});
}

std::vector<CaseEventRow> case_events(Connection& conn, const std::string& tenant, const std::string& case_id,
                                      const std::string& kind, const std::string& after_id, int limit) {
  // Keyset on (at, id) so a page never repeats or skips an event; the cursor is an event id.
  const Result r = conn.query(
      "SELECT id, tenant, case_id, at, actor_id, kind, detail FROM case_events e "
      "WHERE tenant = $1 AND case_id = $2 AND ($3 = '' OR kind = $3) AND ($4 = '' OR (at, id) > "
      "(SELECT p.at, p.id FROM case_events p WHERE p.tenant = $1 AND p.id = $4)) ORDER BY at, id LIMIT $5",
      {tenant, case_id, kind, after_id, std::int64_t{limit}});
  std::vector<CaseEventRow> out;
  for (const Row& row : r.rows) {
    out.push_back(CaseEventRow{row.text(0), row.text(1), row.text(2), row.integer(3), row.optional_text(4).value_or(""),
                               row.text(5), row.text(6)});
  }
  return out;
}

}  // namespace samspil::storage
