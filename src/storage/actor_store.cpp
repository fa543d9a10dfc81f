#include "storage/actor_store.hpp"

#include "storage/query_plan.hpp"

namespace samspil::storage {

namespace {

constexpr const char* kUserSelect =
    "SELECT id, tenant, email, display_name, role, disabled_at, totp_enabled_at FROM users "
    "WHERE tenant = $1 AND id = $2";
constexpr const char* kProfessionsSelect =
    "SELECT profession FROM user_professions WHERE tenant = $1 AND user_id = $2 ORDER BY profession";
// Served by unit_memberships_user (0017): every signed-in request runs this.
constexpr const char* kMembershipsSelect =
    "SELECT unit_id, is_leader FROM unit_memberships WHERE tenant = $1 AND user_id = $2 ORDER BY unit_id";

}  // namespace

std::optional<ActorRecord> load_actor_record(Connection& conn, const std::string& tenant, const std::string& user_id) {
  const Result u = conn.query(kUserSelect, {tenant, user_id});
  if (u.rows.empty()) return std::nullopt;
  const Row& row = u.rows.front();
  ActorRecord a{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), !row.is_null(5), !row.is_null(6),
                {}, {}};
  for (const Row& p : conn.query(kProfessionsSelect, {tenant, user_id}).rows) a.professions.push_back(p.text(0));
  for (const Row& m : conn.query(kMembershipsSelect, {tenant, user_id}).rows) {
    a.units.emplace_back(m.text(0), m.integer(1) != 0);
  }
  return a;
}

std::vector<std::string> actor_query_plans(Connection& conn, const std::string& tenant, const std::string& user_id) {
  std::vector<std::string> plans;
  for (const char* sql : {kUserSelect, kProfessionsSelect, kMembershipsSelect}) {
    plans.push_back(query_plan(conn, sql, {tenant, user_id}));
  }
  return plans;
}

std::optional<ApiTokenRow> find_api_token_by_hash(Connection& conn, const std::string& token_hash) {
  const Result r = conn.query(
      "SELECT id, tenant, user_id, expires_at, revoked_at, last_used_at FROM api_tokens WHERE token_hash = $1",
      {token_hash});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  return ApiTokenRow{row.text(0), row.text(1), row.text(2), row.optional_integer(3), row.optional_integer(4),
                     row.optional_integer(5)};
}

void mark_api_token_used(Connection& conn, const std::string& id, std::int64_t now_ms) {
  conn.query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", {now_ms, id});
}

std::vector<TenantChoice> list_tenants_for_login(Connection& conn) {
  std::vector<TenantChoice> out;
  for (const Row& row : conn.query("SELECT id, name FROM tenants ORDER BY name").rows) {
    out.push_back({row.text(0), row.text(1)});
  }
  return out;
}

}  // namespace samspil::storage

namespace samspil::storage {

namespace {

constexpr const char* kCredentialColumns =
    "SELECT id, tenant, role, password_hash, disabled_at, totp_enabled_at, totp_secret, totp_last_step FROM users ";

Credentials credentials_from(const Row& row) {
  return Credentials{row.text(0),           row.text(1),           row.text(2), row.optional_text(3).value_or(""),
                     !row.is_null(4),       !row.is_null(5),       row.optional_text(6), row.optional_integer(7)};
}

}  // namespace

std::optional<Credentials> find_credentials_by_email(Connection& conn, const std::string& tenant,
                                                     const std::string& email) {
  const Result r = conn.query(std::string(kCredentialColumns) + "WHERE tenant = $1 AND lower(email) = lower($2)",
                              {tenant, email});
  if (r.rows.empty()) return std::nullopt;
  return credentials_from(r.rows.front());
}

std::optional<Credentials> find_credentials(Connection& conn, const std::string& tenant, const std::string& user_id) {
  const Result r = conn.query(std::string(kCredentialColumns) + "WHERE tenant = $1 AND id = $2", {tenant, user_id});
  if (r.rows.empty()) return std::nullopt;
  return credentials_from(r.rows.front());
}

void set_password_hash(Connection& conn, const std::string& tenant, const std::string& user_id,
                       const std::string& hash, std::int64_t now_ms) {
  conn.query("UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE tenant = $3 AND id = $4",
             {hash, now_ms, tenant, user_id});
}

void set_totp(Connection& conn, const std::string& tenant, const std::string& user_id,
              const std::optional<std::string>& sealed_secret, std::optional<std::int64_t> enabled_at_ms) {
  conn.query("UPDATE users SET totp_secret = $1, totp_enabled_at = $2 WHERE tenant = $3 AND id = $4",
             {sealed_secret ? Value{*sealed_secret} : Value{nullptr},
              enabled_at_ms ? Value{*enabled_at_ms} : Value{nullptr}, tenant, user_id});
}

bool advance_totp_step(Connection& conn, const std::string& tenant, const std::string& user_id, std::int64_t step) {
  return conn
             .query("UPDATE users SET totp_last_step = $1 WHERE tenant = $2 AND id = $3 "
                    "AND (totp_last_step IS NULL OR totp_last_step < $1)",
                    {step, tenant, user_id})
             .affected > 0;
}

}  // namespace samspil::storage
