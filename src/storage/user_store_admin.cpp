#include "storage/user_store_admin.hpp"

namespace samspil::storage {

namespace {

UserRecord record_from(const Row& row) {
  return UserRecord{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.optional_integer(5),
                    row.integer(6)};
}

}  // namespace

std::optional<UserRecord> find_user_record(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(
      "SELECT id, tenant, email, display_name, role, disabled_at, created_at FROM users WHERE tenant = $1 AND id = $2",
      {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return record_from(r.rows.front());
}

std::vector<UserRecord> list_user_records(Connection& conn, const std::string& tenant, const UserListFilter& f) {
  // Keyset paging on (display_name, id): indexes users_tenant_name / users_tenant_role_name
  // (migration 0004). Optional filters are bound as parameters ("" = no filter) so there is
  // one statement text.
  const std::string sql =
      "SELECT u.id, u.tenant, u.email, u.display_name, u.role, u.disabled_at, u.created_at FROM users u "
      "WHERE u.tenant = $1 "
      "AND ($2 = '' OR u.role = $2) "
      "AND ($3 = '' OR EXISTS (SELECT 1 FROM unit_memberships m WHERE m.tenant = $1 AND m.user_id = u.id "
      "AND m.unit_id = $3)) "
      "AND ($4 = '' OR (u.display_name, u.id) > (SELECT p.display_name, p.id FROM users p WHERE p.tenant = $1 "
      "AND p.id = $4)) "
      "ORDER BY u.display_name, u.id LIMIT $5";
  const Result r = conn.query(sql, {tenant, f.role, f.unit_id, f.after, std::int64_t{f.limit}});
  std::vector<UserRecord> out;
  for (const Row& row : r.rows) out.push_back(record_from(row));
  return out;
}

bool update_user_profile(Connection& conn, const std::string& tenant, const std::string& id,
                         const std::string& display_name, const std::string& role) {
  return conn.query("UPDATE users SET display_name = $3, role = $4 WHERE tenant = $1 AND id = $2",
                    {tenant, id, display_name, role})
             .affected > 0;
}

bool set_user_disabled(Connection& conn, const std::string& tenant, const std::string& id,
                       std::optional<std::int64_t> disabled_at_ms) {
  const Value v = disabled_at_ms ? Value{*disabled_at_ms} : Value{nullptr};
  return conn.query("UPDATE users SET disabled_at = $3 WHERE tenant = $1 AND id = $2", {tenant, id, v}).affected > 0;
}

bool set_user_password_hash(Connection& conn, const std::string& tenant, const std::string& id,
                            const std::string& password_hash, std::int64_t now_ms) {
  return conn.query("UPDATE users SET password_hash = $3, password_changed_at = $4 WHERE tenant = $1 AND id = $2",
                    {tenant, id, password_hash, now_ms})
             .affected > 0;
}

bool clear_user_password(Connection& conn, const std::string& tenant, const std::string& id) {
  return conn.query("UPDATE users SET password_hash = NULL WHERE tenant = $1 AND id = $2", {tenant, id}).affected > 0;
}

bool set_user_totp(Connection& conn, const std::string& tenant, const std::string& id,
                   const std::string& sealed_secret, std::int64_t now_ms) {
  return conn.query("UPDATE users SET totp_secret = $3, totp_enabled_at = $4 WHERE tenant = $1 AND id = $2",
                    {tenant, id, sealed_secret, now_ms})
             .affected > 0;
}

std::vector<std::string> user_professions(Connection& conn, const std::string& tenant, const std::string& user_id) {
  const Result r = conn.query(
      "SELECT profession FROM user_professions WHERE tenant = $1 AND user_id = $2 ORDER BY profession",
      {tenant, user_id});
  std::vector<std::string> out;
  for (const Row& row : r.rows) out.push_back(row.text(0));
  return out;
}

void replace_user_professions(Connection& conn, const std::string& tenant, const std::string& user_id,
                              const std::vector<std::string>& professions) {
  conn.query("DELETE FROM user_professions WHERE tenant = $1 AND user_id = $2", {tenant, user_id});
  for (const std::string& p : professions) {
    conn.query("INSERT INTO user_professions (tenant, user_id, profession) VALUES ($1, $2, $3)", {tenant, user_id, p});
  }
}

std::vector<Membership> user_memberships(Connection& conn, const std::string& tenant, const std::string& user_id) {
  const Result r = conn.query(
      "SELECT unit_id, is_leader FROM unit_memberships WHERE tenant = $1 AND user_id = $2 ORDER BY unit_id",
      {tenant, user_id});
  std::vector<Membership> out;
  for (const Row& row : r.rows) out.push_back({row.text(0), row.integer(1) != 0});
  return out;
}

void replace_user_memberships(Connection& conn, const std::string& tenant, const std::string& user_id,
                              const std::vector<Membership>& memberships) {
  conn.query("DELETE FROM unit_memberships WHERE tenant = $1 AND user_id = $2", {tenant, user_id});
  for (const Membership& m : memberships) {
    conn.query("INSERT INTO unit_memberships (tenant, user_id, unit_id, is_leader) VALUES ($1, $2, $3, $4)",
               {tenant, user_id, m.unit_id, std::int64_t{m.is_leader ? 1 : 0}});
  }
}

}  // namespace samspil::storage
