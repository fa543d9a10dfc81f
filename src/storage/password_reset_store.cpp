#include "storage/password_reset_store.hpp"

namespace samspil::storage {

void insert_password_reset(Connection& conn, const PasswordResetRow& r) {
  conn.query(
      "INSERT INTO password_resets (token_hash, tenant, user_id, created_at, expires_at, used_at) "
      "VALUES ($1, $2, $3, $4, $5, NULL)",
      {r.token_hash, r.tenant, r.user_id, r.created_at_ms, r.expires_at_ms});
}

std::optional<PasswordResetRow> find_password_reset(Connection& conn, const std::string& token_hash) {
  const Result res = conn.query(
      "SELECT token_hash, tenant, user_id, created_at, expires_at, used_at FROM password_resets WHERE token_hash = $1",
      {token_hash});
  if (res.rows.empty()) return std::nullopt;
  const Row& row = res.rows.front();
  return PasswordResetRow{row.text(0), row.text(1), row.text(2), row.integer(3), row.integer(4),
                          row.optional_integer(5)};
}

bool use_password_reset(Connection& conn, const std::string& token_hash, std::int64_t now_ms) {
  return conn.query("UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
                    {now_ms, token_hash})
             .affected > 0;
}

void void_password_resets_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                  std::int64_t now_ms) {
  conn.query("UPDATE password_resets SET used_at = $1 WHERE tenant = $2 AND user_id = $3 AND used_at IS NULL",
             {now_ms, tenant, user_id});
}

}  // namespace samspil::storage
