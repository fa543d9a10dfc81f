#include "storage/audit_store.hpp"

namespace samspil::storage {

namespace {

Value opt(const std::optional<std::string>& v) {
  if (!v) return nullptr;
  return *v;
}

constexpr const char* kRecordColumns =
    "tenant, seq, at, actor_id, actor_role, actor_unit, action, object_type, object_id, child_id, purpose, "
    "criterion, request_id, prev_hash, hash";

AuditRecord to_record(const Row& r) {
  AuditRecord a;
  a.tenant = r.text(0);
  a.seq = r.integer(1);
  a.at_ms = r.integer(2);
  a.actor_id = r.optional_text(3);
  a.actor_role = r.text(4);
  a.actor_unit = r.optional_text(5);
  a.action = r.text(6);
  a.object_type = r.text(7);
  a.object_id = r.optional_text(8);
  a.child_id = r.optional_text(9);
  a.purpose = r.text(10);
  a.criterion = r.optional_text(11);
  a.request_id = r.optional_text(12);
  a.prev_hash = r.text(13);
  a.hash = r.text(14);
  return a;
}

}  // namespace

const std::string& audit_genesis_hash() {
  static const std::string zeros(64, '0');
  return zeros;
}

AuditHead lock_audit_head(Connection& conn, const std::string& tenant) {
  const char* select = conn.dialect() == Dialect::postgresql
                           ? "SELECT seq, hash FROM audit_heads WHERE tenant = $1 FOR UPDATE"
                           : "SELECT seq, hash FROM audit_heads WHERE tenant = $1";
  Result r = conn.query(select, {tenant});
  if (r.rows.empty()) {
    // Two first appenders may race here: ON CONFLICT lets the loser wait for the winner's
    // row and then lock it like any later appender.
    conn.query("INSERT INTO audit_heads (tenant, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant) DO NOTHING",
               {tenant, audit_genesis_hash()});
    r = conn.query(select, {tenant});
  }
  if (r.rows.empty()) throw DatabaseError("audit head missing after insert");
  return AuditHead{r.rows.front().integer(0), r.rows.front().text(1)};
}

std::optional<AuditHead> find_audit_head(Connection& conn, const std::string& tenant) {
  const Result r = conn.query("SELECT seq, hash FROM audit_heads WHERE tenant = $1", {tenant});
  if (r.rows.empty()) return std::nullopt;
  return AuditHead{r.rows.front().integer(0), r.rows.front().text(1)};
}

void append_audit_record(Connection& conn, const AuditRecord& a) {
  conn.query(std::string("INSERT INTO audit_log (") + kRecordColumns +
                 ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
             {a.tenant, a.seq, a.at_ms, opt(a.actor_id), a.actor_role, opt(a.actor_unit), a.action, a.object_type,
              opt(a.object_id), opt(a.child_id), a.purpose, opt(a.criterion), opt(a.request_id), a.prev_hash,
              a.hash});
  const Result r = conn.query("UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant = $1 AND seq = $4",
                              {a.tenant, a.seq, a.hash, a.seq - 1});
  if (r.affected != 1) throw DatabaseError("audit head moved during append");
}

std::vector<AuditRecord> list_audit_records(Connection& conn, const std::string& tenant, std::int64_t after_seq,
                                            int limit) {
  const Result r = conn.query(std::string("SELECT ") + kRecordColumns +
                                  " FROM audit_log WHERE tenant = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                              {tenant, after_seq, static_cast<std::int64_t>(limit)});
  std::vector<AuditRecord> out;
  out.reserve(r.rows.size());
  for (const Row& row : r.rows) out.push_back(to_record(row));
  return out;
}

std::vector<std::string> list_audit_tenants(Connection& conn) {
  const Result r = conn.query(
      "SELECT tenant FROM audit_heads UNION SELECT DISTINCT tenant FROM audit_log ORDER BY 1");
  std::vector<std::string> out;
  for (const Row& row : r.rows) out.push_back(row.text(0));
  return out;
}

std::vector<AccessLogRow> list_child_access(Connection& conn, const std::string& tenant,
                                            const std::string& guardian_user_id, int offset, int limit) {
  const Result r = conn.query(
      "SELECT a.at, a.actor_role, COALESCE(u.name, ''), a.action, a.object_type, a.purpose, a.child_id, "
      "c.first_name FROM audit_log a "
      "JOIN guardianships g ON g.tenant = a.tenant AND g.child_id = a.child_id "
      "JOIN children c ON c.tenant = a.tenant AND c.id = a.child_id "
      "LEFT JOIN units u ON u.tenant = a.tenant AND u.id = a.actor_unit "
      "WHERE a.tenant = $1 AND g.user_id = $2 "
      "ORDER BY a.at DESC, a.seq DESC LIMIT $3 OFFSET $4",
      {tenant, guardian_user_id, static_cast<std::int64_t>(limit), static_cast<std::int64_t>(offset)});
  std::vector<AccessLogRow> out;
  for (const Row& row : r.rows) {
    out.push_back(AccessLogRow{row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                               row.text(6), row.text(7)});
  }
  return out;
}

std::int64_t count_child_access(Connection& conn, const std::string& tenant, const std::string& guardian_user_id) {
  const Result r = conn.query(
      "SELECT COUNT(*) FROM audit_log a JOIN guardianships g ON g.tenant = a.tenant AND g.child_id = a.child_id "
      "WHERE a.tenant = $1 AND g.user_id = $2",
      {tenant, guardian_user_id});
  return r.rows.front().integer(0);
}

}  // namespace samspil::storage
