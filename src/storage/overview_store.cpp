#include "storage/overview_store.hpp"

#include "storage/query_plan.hpp"

namespace samspil::storage {

namespace {

struct Statement {
  std::string sql;
  std::vector<Value> params;
};

// CROSS JOIN fixes SQLite's join order: from the user's own participations, then each
// meeting by key. Without statistics its planner walked every coming meeting of the tenant by
// start time, which grows with the municipality instead of with the user (on the demo data
// the two cost the same, ~1 µs apart). PostgreSQL treats it as an inner join.
constexpr const char* kMeetingSelect =
    "SELECT m.id, m.case_id, c.title, c.child_id, m.model_id, m.type_id, m.status, m.starts_at, m.ends_at, "
    "m.location, p.id, p.kind, p.response "
    "FROM meeting_participants p CROSS JOIN meetings m JOIN cases c ON c.id = m.case_id "
    "WHERE m.id = p.meeting_id AND p.tenant = $1 AND p.user_id = $2 AND m.tenant = $1 AND c.tenant = $1 ";

MyMeetingRow meeting_from(const Row& row) {
  MyMeetingRow m;
  m.id = row.text(0);
  m.case_id = row.text(1);
  m.case_title = row.text(2);
  m.child_id = row.text(3);
  m.model_id = row.text(4);
  m.type_id = row.text(5);
  m.status = row.text(6);
  m.starts_at_ms = row.optional_integer(7).value_or(0);
  m.ends_at_ms = row.optional_integer(8);
  m.location = row.text(9);
  m.participant_id = row.text(10);
  m.participant_kind = row.text(11);
  m.response = row.text(12);
  return m;
}

}  // namespace

static Statement meetings_statement(const std::string& tenant, const std::string& user_id, bool include_drafts,
                             const Keyset& after, int limit) {
  const std::string statuses = include_drafts ? "('draft', 'invited')" : "('invited')";
  return {std::string(kMeetingSelect) + "AND m.status IN " + statuses +
              " AND m.starts_at IS NOT NULL AND (m.starts_at > $3 OR (m.starts_at = $3 AND "
              "m.id > $4)) ORDER BY m.starts_at, m.id LIMIT $5",
          {tenant, user_id, after.key, after.id, std::int64_t{limit}}};
}

std::vector<MyMeetingRow> meetings_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                           bool include_drafts, const Keyset& after, int limit) {
  const Statement st = meetings_statement(tenant, user_id, include_drafts, after, limit);
  const Result r = conn.query(st.sql, st.params);
  std::vector<MyMeetingRow> out;
  for (const Row& row : r.rows) out.push_back(meeting_from(row));
  return out;
}

std::vector<MyMeetingRow> finalised_meetings_of_user(Connection& conn, const std::string& tenant,
                                                     const std::string& user_id, int limit) {
  const Result r = conn.query(std::string(kMeetingSelect) +
                                  "AND m.status = 'finalised' ORDER BY m.starts_at DESC, m.id DESC LIMIT $3",
                              {tenant, user_id, std::int64_t{limit}});
  std::vector<MyMeetingRow> out;
  for (const Row& row : r.rows) out.push_back(meeting_from(row));
  return out;
}

std::optional<MyMeetingRow> meeting_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                            const std::string& meeting_id) {
  const Result r = conn.query(std::string(kMeetingSelect) + "AND m.id = $3 ORDER BY p.added_at LIMIT 1",
                              {tenant, user_id, meeting_id});
  if (r.rows.empty()) return std::nullopt;
  return meeting_from(r.rows.front());
}

static Statement cases_statement(const std::string& tenant, const std::string& user_id, const std::optional<Keyset>& after,
                          int limit) {
  std::vector<Value> params{tenant, user_id, std::int64_t{limit}};
  std::string page;
  if (after) {
    params.push_back(after->key);
    params.push_back(after->id);
    page = " AND (c.updated_at < $4 OR (c.updated_at = $4 AND c.id < $5))";
  }
  // Two index searches merged: the cases assigned to me, and those I take part in without
  // being the assignee (so no case appears twice and no temporary b-tree has to remove
  // duplicates). The former "c.id IN (…)" form made SQLite walk every case of the tenant (a
  // third of the overview's CPU with 200 cases; bench/RESULTS.md, session 6).
  const std::string open = " AND c.tenant = $1 AND c.closed_at IS NULL" + page;
  return {"SELECT c.id, c.title, c.model_id, c.state, c.updated_at FROM cases c WHERE c.assigned_to = $2" + open +
              " UNION ALL SELECT c.id, c.title, c.model_id, c.state, c.updated_at FROM case_participants p "
              "JOIN cases c ON c.id = p.case_id WHERE p.tenant = $1 AND p.user_id = $2 AND "
              "(c.assigned_to IS NULL OR c.assigned_to <> $2)" + open +
              " ORDER BY updated_at DESC, id DESC LIMIT $3",
          params};
}

std::vector<MyCaseRow> open_cases_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                          const std::optional<Keyset>& after, int limit) {
  const Statement st = cases_statement(tenant, user_id, after, limit);
  const Result r = conn.query(st.sql, st.params);
  std::vector<MyCaseRow> out;
  for (const Row& row : r.rows) out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.integer(4)});
  return out;
}

static Statement tasks_statement(const std::string& tenant, const std::string& user_id, const TaskKeyset& after, int limit) {
  std::vector<Value> params{tenant, user_id, std::int64_t{limit}};
  std::string page;
  if (after.due_at_ms) {
    params.push_back(*after.due_at_ms);
    params.push_back(after.id);
    page = " AND (t.due_at > $4 OR (t.due_at = $4 AND t.id > $5) OR t.due_at IS NULL)";
  } else if (!after.id.empty()) {
    params.push_back(after.id);
    page = " AND t.due_at IS NULL AND t.id > $4";
  }
  return {"SELECT t.id, t.case_id, t.meeting_id, t.kind, t.label, t.due_at FROM tasks t WHERE t.tenant = $1 AND "
          "t.owner_id = $2 AND t.status = 'open'" +
              page + " ORDER BY CASE WHEN t.due_at IS NULL THEN 1 ELSE 0 END, t.due_at, t.id LIMIT $3",
          params};
}

std::vector<MyTaskRow> open_tasks_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                          const TaskKeyset& after, int limit) {
  const Statement st = tasks_statement(tenant, user_id, after, limit);
  const Result r = conn.query(st.sql, st.params);
  std::vector<MyTaskRow> out;
  for (const Row& row : r.rows) {
    out.push_back({row.text(0), row.optional_text(1).value_or(""), row.optional_text(2).value_or(""), row.text(3),
                   row.text(4), row.optional_integer(5)});
  }
  return out;
}

static Statement obligations_statement(const std::string& tenant, const std::string& user_id, const Keyset& after,
                                int limit) {
  return {
      "SELECT o.id, o.meeting_id, o.case_id, c.title, m.model_id, o.obligation_id, o.due_at, o.missed_at "
      "FROM obligations o JOIN cases c ON c.id = o.case_id JOIN meetings m ON m.id = o.meeting_id "
      "WHERE o.tenant = $1 AND o.owner_id = $2 AND o.done_at IS NULL AND o.due_at IS NOT NULL "
      "AND (o.due_at > $3 OR (o.due_at = $3 AND o.id > $4)) AND c.tenant = $1 AND m.tenant = $1 "
      "AND m.status <> 'cancelled' ORDER BY o.due_at, o.id LIMIT $5",
      {tenant, user_id, after.key, after.id, std::int64_t{limit}}};
}

std::vector<MyObligationRow> open_obligations_of_user(Connection& conn, const std::string& tenant,
                                                      const std::string& user_id, const Keyset& after, int limit) {
  const Statement st = obligations_statement(tenant, user_id, after, limit);
  const Result r = conn.query(st.sql, st.params);
  std::vector<MyObligationRow> out;
  for (const Row& row : r.rows) {
    out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.integer(6),
                   row.optional_integer(7)});
  }
  return out;
}

static Statement compliance_statement(const std::string& tenant, const std::vector<std::string>& unit_ids,
                               std::int64_t from_ms, std::int64_t to_ms) {
  std::vector<Value> params{tenant, from_ms, to_ms};
  std::string in;
  for (const auto& id : unit_ids) {
    params.push_back(id);
    in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  return {
      "SELECT o.unit_id, u.name, o.obligation_id, "
      "SUM(CASE WHEN o.done_at IS NOT NULL AND o.done_at <= o.due_at THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN o.done_at IS NULL OR o.done_at > o.due_at THEN 1 ELSE 0 END) "
      "FROM obligations o JOIN units u ON u.id = o.unit_id "
      "WHERE o.tenant = $1 AND o.unit_id IN (" + in + ") AND o.due_at >= $2 AND o.due_at < $3 AND u.tenant = $1 "
      "GROUP BY o.unit_id, u.name, o.obligation_id ORDER BY u.name, o.unit_id, o.obligation_id",
      params};
}

std::vector<ComplianceCountRow> compliance_of_units(Connection& conn, const std::string& tenant,
                                                    const std::vector<std::string>& unit_ids, std::int64_t from_ms,
                                                    std::int64_t to_ms) {
  if (unit_ids.empty()) return {};
  const Statement st = compliance_statement(tenant, unit_ids, from_ms, to_ms);
  const Result r = conn.query(st.sql, st.params);
  std::vector<ComplianceCountRow> out;
  for (const Row& row : r.rows) {
    out.push_back({row.text(0), row.text(1), row.text(2), row.integer(3), row.integer(4)});
  }
  return out;
}

std::vector<std::string> overview_query_plans(Connection& conn, const std::string& tenant, const std::string& user_id,
                                              const std::vector<std::string>& unit_ids) {
  const std::vector<Statement> statements{
      meetings_statement(tenant, user_id, true, {0, ""}, 11),
      cases_statement(tenant, user_id, std::nullopt, 11),
      tasks_statement(tenant, user_id, {}, 11),
      obligations_statement(tenant, user_id, {0, ""}, 11),
      compliance_statement(tenant, unit_ids, 0, 1),
  };
  std::vector<std::string> plans;
  for (const Statement& st : statements) plans.push_back(query_plan(conn, st.sql, st.params));
  return plans;
}

}  // namespace samspil::storage
