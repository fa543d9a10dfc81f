#include "storage/oidc_store.hpp"

namespace samspil::storage {

void insert_oidc_login(Connection& conn, const OidcLogin& l) {
  conn.query(
      "INSERT INTO oidc_logins (state_hash, tenant, nonce, code_verifier, return_to, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {l.state_hash, l.tenant, l.nonce, l.code_verifier,
       l.return_to ? Value(*l.return_to) : Value(nullptr), l.created_at_ms, l.expires_at_ms});
}

Consumed consume_oidc_login(Connection& conn, const std::string& state_hash, std::int64_t now_ms) {
  const Result r = conn.query(
      "SELECT state_hash, tenant, nonce, code_verifier, return_to, created_at, expires_at, used_at "
      "FROM oidc_logins WHERE state_hash = $1",
      {state_hash});
  if (r.rows.empty()) return {ConsumeStatus::unknown, {}};
  const Row& row = r.rows.front();
  if (!row.is_null(7)) return {ConsumeStatus::already_used, {}};
  if (row.integer(6) <= now_ms) return {ConsumeStatus::expired, {}};
  // The condition on used_at makes two concurrent callbacks with one state race safely:
  // only one UPDATE changes the row.
  const Result u = conn.query(
      "UPDATE oidc_logins SET used_at = $2 WHERE state_hash = $1 AND used_at IS NULL AND expires_at > $2",
      {state_hash, now_ms});
  if (u.affected != 1) return {ConsumeStatus::already_used, {}};
  return {ConsumeStatus::consumed,
          OidcLogin{row.text(0), row.text(1), row.text(2), row.text(3), row.optional_text(4), row.integer(5),
                    row.integer(6)}};
}

std::int64_t purge_oidc_logins(Connection& conn, std::int64_t now_ms) {
  return conn.query("DELETE FROM oidc_logins WHERE expires_at < $1", {now_ms}).affected;
}

std::optional<std::string> resolve_tenant(Connection& conn, const std::string& id_or_name) {
  const Result r = conn.query("SELECT id FROM tenants WHERE id = $1 OR name = $1", {id_or_name});
  if (r.rows.size() != 1) return std::nullopt;
  return r.rows.front().text(0);
}

std::optional<SsoUser> find_sso_user(Connection& conn, const std::string& tenant, SsoLookup by,
                                     const std::string& value) {
  const Result r = conn.query(by == SsoLookup::email
                                  ? "SELECT id, role, disabled_at FROM users WHERE tenant = $1 AND lower(email) = lower($2)"
                                  : "SELECT id, role, disabled_at FROM users WHERE tenant = $1 AND oidc_subject = $2",
                              {tenant, value});
  // Two users with one subject would make the mapping ambiguous: refuse rather than guess.
  if (r.rows.size() != 1) return std::nullopt;
  const Row& row = r.rows.front();
  return SsoUser{row.text(0), row.text(1), !row.is_null(2)};
}

}  // namespace samspil::storage
