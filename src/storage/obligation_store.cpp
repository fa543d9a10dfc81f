#include "storage/obligation_store.hpp"

#include "crypto/random.hpp"
#include "storage/sql_values.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kSelect =
    "SELECT id, tenant, meeting_id, case_id, unit_id, obligation_id, participant_id, rule, anchor, owner_role, "
    "owner_id, due_at, closed_day, done_at, reminded_at, missed_at, created_at, updated_at FROM obligations ";

ObligationRecord from(const Row& r) {
  ObligationRecord o;
  o.id = r.text(0);
  o.tenant = r.text(1);
  o.meeting_id = r.text(2);
  o.case_id = r.text(3);
  o.unit_id = r.optional_text(4).value_or("");
  o.obligation_id = r.text(5);
  o.participant_id = r.text(6);
  o.rule = r.text(7);
  o.anchor = r.text(8);
  o.owner_role = r.text(9);
  o.owner_id = r.optional_text(10).value_or("");
  o.due_at_ms = r.optional_integer(11);
  o.closed_day = r.integer(12) != 0;
  o.done_at_ms = r.optional_integer(13);
  o.reminded_at_ms = r.optional_integer(14);
  o.missed_at_ms = r.optional_integer(15);
  o.created_at_ms = r.integer(16);
  o.updated_at_ms = r.integer(17);
  return o;
}

std::vector<ObligationRecord> all(const Result& r) {
  std::vector<ObligationRecord> out;
  for (const Row& row : r.rows) out.push_back(from(row));
  return out;
}

}  // namespace

std::string upsert_obligation(Connection& conn, const ObligationRecord& o) {
  const Result existing = conn.query(
      std::string(kSelect) + "WHERE tenant = $1 AND meeting_id = $2 AND obligation_id = $3 AND participant_id = $4",
      {o.tenant, o.meeting_id, o.obligation_id, o.participant_id});
  if (existing.rows.empty()) {
    const std::string id = o.id.empty() ? crypto::random_id() : o.id;
    conn.query(
        "INSERT INTO obligations (id, tenant, meeting_id, case_id, unit_id, obligation_id, participant_id, rule, "
        "anchor, owner_role, owner_id, due_at, closed_day, done_at, reminded_at, missed_at, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        {id, o.tenant, o.meeting_id, o.case_id, or_null(o.unit_id), o.obligation_id, o.participant_id, o.rule,
         o.anchor, o.owner_role, or_null(o.owner_id), or_null(o.due_at_ms), std::int64_t{o.closed_day ? 1 : 0},
         or_null(o.done_at_ms), or_null(o.reminded_at_ms), or_null(o.missed_at_ms), o.created_at_ms,
         o.updated_at_ms});
    return id;
  }
  const ObligationRecord old = from(existing.rows.front());
  const bool moved = old.due_at_ms != o.due_at_ms;
  conn.query(
      "UPDATE obligations SET rule = $3, anchor = $4, owner_role = $5, owner_id = $6, due_at = $7, closed_day = $8, "
      "unit_id = $9, reminded_at = $10, missed_at = $11, updated_at = $12 WHERE tenant = $1 AND id = $2",
      {o.tenant, old.id, o.rule, o.anchor, o.owner_role, or_null(o.owner_id), or_null(o.due_at_ms),
       std::int64_t{o.closed_day ? 1 : 0}, or_null(o.unit_id), moved ? Value{nullptr} : or_null(old.reminded_at_ms),
       moved ? Value{nullptr} : or_null(old.missed_at_ms), o.updated_at_ms});
  return old.id;
}

std::vector<ObligationRecord> obligations_of_meeting(Connection& conn, const std::string& tenant,
                                                     const std::string& meeting_id) {
  return all(conn.query(std::string(kSelect) +
                            "WHERE tenant = $1 AND meeting_id = $2 "
                            "ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, obligation_id, participant_id",
                        {tenant, meeting_id}));
}

std::optional<ObligationRecord> find_obligation(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(std::string(kSelect) + "WHERE tenant = $1 AND id = $2", {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return from(r.rows.front());
}

void set_obligation_done(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t at_ms) {
  conn.query("UPDATE obligations SET done_at = $3, updated_at = $3 WHERE tenant = $1 AND id = $2 AND done_at IS NULL",
             {tenant, id, at_ms});
}

bool set_obligation_reminded(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t at_ms) {
  return conn.query("UPDATE obligations SET reminded_at = $3, updated_at = $3 WHERE tenant = $1 AND id = $2 "
                    "AND reminded_at IS NULL",
                    {tenant, id, at_ms})
             .affected > 0;
}

bool set_obligation_missed(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t at_ms) {
  return conn.query("UPDATE obligations SET missed_at = $3, updated_at = $3 WHERE tenant = $1 AND id = $2 "
                    "AND missed_at IS NULL",
                    {tenant, id, at_ms})
             .affected > 0;
}

void delete_open_obligations(Connection& conn, const std::string& tenant, const std::string& meeting_id) {
  conn.query("DELETE FROM obligations WHERE tenant = $1 AND meeting_id = $2 AND done_at IS NULL", {tenant, meeting_id});
}

std::vector<ObligationRecord> open_obligations_of_owner(Connection& conn, const std::string& tenant,
                                                        const std::string& owner_id, int limit) {
  return all(conn.query(std::string(kSelect) +
                            "WHERE tenant = $1 AND owner_id = $2 AND done_at IS NULL "
                            "ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id LIMIT $3",
                        {tenant, owner_id, std::int64_t{limit}}));
}

ComplianceCounts unit_compliance(Connection& conn, const std::string& tenant, const std::string& unit_id,
                                 std::int64_t from_ms, std::int64_t to_ms, std::int64_t now_ms) {
  const Result r = conn.query(
      "SELECT "
      "CAST(SUM(CASE WHEN done_at IS NOT NULL AND done_at <= due_at THEN 1 ELSE 0 END) AS BIGINT), "
      "CAST(SUM(CASE WHEN done_at IS NOT NULL AND done_at > due_at THEN 1 ELSE 0 END) AS BIGINT), "
      "CAST(SUM(CASE WHEN done_at IS NULL AND due_at < $5 THEN 1 ELSE 0 END) AS BIGINT), "
      "CAST(SUM(CASE WHEN done_at IS NULL AND due_at >= $5 THEN 1 ELSE 0 END) AS BIGINT) "
      "FROM obligations WHERE tenant = $1 AND unit_id = $2 AND due_at >= $3 AND due_at < $4",
      {tenant, unit_id, from_ms, to_ms, now_ms});
  ComplianceCounts c;
  if (r.rows.empty()) return c;
  const Row& row = r.rows.front();
  c.met = row.optional_integer(0).value_or(0);
  c.late = row.optional_integer(1).value_or(0);
  c.missed = row.optional_integer(2).value_or(0);
  c.open = row.optional_integer(3).value_or(0);
  return c;
}

std::optional<UserContact> user_contact(Connection& conn, const std::string& tenant, const std::string& user_id) {
  const Result r = conn.query(
      "SELECT display_name, email FROM users WHERE tenant = $1 AND id = $2 AND disabled_at IS NULL", {tenant, user_id});
  if (r.rows.empty()) return std::nullopt;
  return UserContact{r.rows.front().text(0), r.rows.front().text(1)};
}

}  // namespace samspil::storage
