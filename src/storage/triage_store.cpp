#include "storage/triage_store.hpp"

#include "storage/sql_values.hpp"

namespace samspil::storage {

void insert_triage_decision(Connection& conn, const TriageDecisionRow& d) {
  conn.query(
      "INSERT INTO triage_decisions (id, tenant, case_id, ppr_unit_id, decision, decided_by, decided_at, requested_at, "
      "waited_ms, assignee_id, reason_encrypted, task_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
      "$11, $12, $13)",
      {d.id, d.tenant, d.case_id, d.ppr_unit_id, d.decision, d.decided_by, d.decided_at_ms, d.requested_at_ms,
       d.waited_ms, or_null(d.assignee_id), d.reason_encrypted, or_null(d.task_id), d.created_at_ms});
}

std::vector<TriageDecisionRow> decisions_of_case(Connection& conn, const std::string& tenant,
                                                 const std::string& case_id) {
  const Result r = conn.query(
      "SELECT d.id, d.tenant, d.case_id, d.ppr_unit_id, d.decision, d.decided_by, d.decided_at, d.requested_at, "
      "d.waited_ms, d.assignee_id, d.reason_encrypted, d.task_id, d.created_at, u.display_name "
      "FROM triage_decisions d JOIN users u ON u.id = d.decided_by AND u.tenant = d.tenant "
      "WHERE d.tenant = $1 AND d.case_id = $2 ORDER BY d.decided_at, d.id",
      {tenant, case_id});
  std::vector<TriageDecisionRow> out;
  for (const Row& row : r.rows) {
    TriageDecisionRow d;
    d.id = row.text(0);
    d.tenant = row.text(1);
    d.case_id = row.text(2);
    d.ppr_unit_id = row.text(3);
    d.decision = row.text(4);
    d.decided_by = row.text(5);
    d.decided_at_ms = row.integer(6);
    d.requested_at_ms = row.integer(7);
    d.waited_ms = row.integer(8);
    d.assignee_id = row.optional_text(9).value_or("");
    d.reason_encrypted = row.text(10);
    d.task_id = row.optional_text(11).value_or("");
    d.created_at_ms = row.integer(12);
    d.decided_by_name = row.text(13);
    out.push_back(std::move(d));
  }
  return out;
}

bool request_decided(Connection& conn, const std::string& tenant, const std::string& case_id,
                     std::int64_t requested_at_ms) {
  return !conn.query("SELECT 1 FROM triage_decisions WHERE tenant = $1 AND case_id = $2 AND requested_at = $3",
                     {tenant, case_id, requested_at_ms})
              .rows.empty();
}

std::vector<QueueItem> triage_queue(Connection& conn, const std::string& tenant,
                                    const std::vector<std::string>& ppr_unit_ids, int limit) {
  std::vector<Value> params{tenant, std::int64_t{limit}};
  const std::string units = placeholders(params, ppr_unit_ids);
  // A request is waiting while no decision refers to the time it was sent; sending it again
  // (after "more information") sets a new ppr_requested_at and puts it back in the queue.
  const Result r = conn.query(
      "SELECT c.id, c.title, c.model_id, c.state, c.ppr_unit_id, pu.name, cu.name, c.created_by, c.ppr_requested_at "
      "FROM cases c JOIN units pu ON pu.id = c.ppr_unit_id AND pu.tenant = c.tenant "
      "JOIN children ch ON ch.id = c.child_id AND ch.tenant = c.tenant "
      "LEFT JOIN units cu ON cu.id = ch.unit_id AND cu.tenant = c.tenant "
      "WHERE c.tenant = $1 AND c.ppr_requested_at IS NOT NULL AND c.closed_at IS NULL AND c.ppr_unit_id IN (" +
          units +
          ") AND NOT EXISTS (SELECT 1 FROM triage_decisions d WHERE d.tenant = c.tenant AND d.case_id = c.id "
          "AND d.requested_at = c.ppr_requested_at) ORDER BY c.ppr_requested_at, c.id LIMIT $2",
      params);
  std::vector<QueueItem> out;
  for (const Row& row : r.rows) {
    out.push_back(QueueItem{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                            row.optional_text(6).value_or(""), row.text(7), row.integer(8)});
  }
  return out;
}

std::vector<StaffMember> staff_of_unit(Connection& conn, const std::string& tenant, const std::string& unit_id) {
  const Result r = conn.query(
      "SELECT u.id, u.display_name, u.role FROM unit_memberships m JOIN users u ON u.id = m.user_id AND u.tenant = "
      "m.tenant WHERE m.tenant = $1 AND m.unit_id = $2 AND u.disabled_at IS NULL AND u.role IN ('professional', "
      "'unit_leader', 'ppr_district_lead') ORDER BY u.display_name, u.id",
      {tenant, unit_id});
  std::vector<StaffMember> out;
  for (const Row& row : r.rows) out.push_back(StaffMember{row.text(0), row.text(1), row.text(2)});
  return out;
}

std::vector<WaitingFact> waiting_facts(Connection& conn, const std::string& tenant,
                                       const std::vector<std::string>& ppr_unit_ids, const std::string& startup_type) {
  std::vector<Value> params{tenant, startup_type};
  const std::string units = placeholders(params, ppr_unit_ids);
  const Result r = conn.query(
      "SELECT d.case_id, d.ppr_unit_id, d.decision, d.requested_at, d.waited_ms, (SELECT MIN(m.starts_at) FROM "
      "meetings m WHERE m.tenant = d.tenant AND m.case_id = d.case_id AND m.type_id = $2 AND m.status <> "
      "'cancelled' AND m.starts_at >= d.requested_at) FROM triage_decisions d WHERE d.tenant = $1 AND d.ppr_unit_id "
      "IN (" + units + ") ORDER BY d.decided_at, d.id",
      params);
  std::vector<WaitingFact> out;
  for (const Row& row : r.rows) {
    out.push_back(WaitingFact{row.text(0), row.text(1), row.text(2), row.integer(3), row.integer(4),
                              row.optional_integer(5)});
  }
  return out;
}

std::optional<std::int64_t> first_meeting_of_type(Connection& conn, const std::string& tenant,
                                                  const std::string& case_id, const std::string& type_id,
                                                  std::int64_t from_ms) {
  const Result r = conn.query(
      "SELECT MIN(starts_at) FROM meetings WHERE tenant = $1 AND case_id = $2 AND type_id = $3 AND status <> "
      "'cancelled' AND starts_at >= $4",
      {tenant, case_id, type_id, from_ms});
  if (r.rows.empty()) return std::nullopt;
  return r.rows.front().optional_integer(0);
}

std::vector<TimelineRow> timeline_events(Connection& conn, const std::string& tenant, const std::string& case_id,
                                         const TimelineFilter& f) {
  std::vector<Value> params{tenant, case_id, std::int64_t{f.limit}};
  std::string where = "e.tenant = $1 AND e.case_id = $2";
  if (!f.kinds.empty() || !f.prefixes.empty()) {
    std::string any;
    if (!f.kinds.empty()) any = "e.kind IN (" + placeholders(params, f.kinds) + ")";
    for (const auto& prefix : f.prefixes) {
      params.emplace_back(prefix);
      // substr with a literal length: both engines, and '_' in a prefix is not a wildcard.
      any += std::string(any.empty() ? "" : " OR ") + "substr(e.kind, 1, " + std::to_string(prefix.size()) + ") = $" +
             std::to_string(params.size());
    }
    where += " AND (" + any + ")";
  }
  if (f.from_ms) {
    params.emplace_back(*f.from_ms);
    where += " AND e.at >= $" + std::to_string(params.size());
  }
  if (f.to_ms) {
    params.emplace_back(*f.to_ms);
    where += " AND e.at < $" + std::to_string(params.size());
  }
  if (!f.after_id.empty()) {
    params.emplace_back(f.after_id);
    const std::string p = "$" + std::to_string(params.size());
    where += " AND (e.at > (SELECT a.at FROM case_events a WHERE a.tenant = $1 AND a.id = " + p +
             ") OR (e.at = (SELECT a.at FROM case_events a WHERE a.tenant = $1 AND a.id = " + p + ") AND e.id > " + p +
             "))";
  }
  const Result r = conn.query(
      "SELECT e.id, e.at, e.actor_id, u.display_name, u.role, e.kind, e.detail FROM case_events e "
      "LEFT JOIN users u ON u.id = e.actor_id AND u.tenant = e.tenant WHERE " + where +
          " ORDER BY e.at, e.id LIMIT $3",
      params);
  std::vector<TimelineRow> out;
  for (const Row& row : r.rows) {
    out.push_back(TimelineRow{row.text(0), row.integer(1), row.optional_text(2).value_or(""),
                              row.optional_text(3).value_or(""), row.optional_text(4).value_or(""), row.text(5),
                              row.text(6)});
  }
  return out;
}

}  // namespace samspil::storage
