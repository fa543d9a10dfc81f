#include "storage/token_store.hpp"

namespace samspil::storage {

namespace {

constexpr const char* kColumns =
    "id, tenant, user_id, token_hash, label, created_at, expires_at, revoked_at, last_used_at";

ApiToken token_from(const Row& row) {
  return ApiToken{row.text(0),    row.text(1),           row.text(2),           row.text(3),
                  row.text(4),    row.integer(5),        row.optional_integer(6), row.optional_integer(7),
                  row.optional_integer(8)};
}

}  // namespace

void insert_api_token(Connection& conn, const ApiToken& t) {
  conn.query(
      "INSERT INTO api_tokens (id, tenant, user_id, token_hash, label, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {t.id, t.tenant, t.user_id, t.token_hash, t.label, t.created_at_ms,
       t.expires_at_ms ? Value{*t.expires_at_ms} : Value{nullptr}});
}

std::optional<ApiToken> find_api_token(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(std::string("SELECT ") + kColumns + " FROM api_tokens WHERE tenant = $1 AND id = $2",
                              {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return token_from(r.rows.front());
}

std::optional<std::string> api_token_tenant(Connection& conn, const std::string& id) {
  const Result r = conn.query("SELECT tenant FROM api_tokens WHERE id = $1", {id});
  if (r.rows.empty()) return std::nullopt;
  return r.rows.front().text(0);
}

std::vector<ApiToken> list_api_tokens(Connection& conn, const std::string& tenant, const std::string& user_id,
                                      const std::string& after, int limit) {
  // Newest first: keyset on (created_at, id) descending, index api_tokens_tenant_created (0004).
  const Result r = conn.query(
      std::string("SELECT ") + kColumns +
          " FROM api_tokens t WHERE tenant = $1 AND ($2 = '' OR user_id = $2) AND ($3 = '' OR (created_at, id) < "
          "(SELECT p.created_at, p.id FROM api_tokens p WHERE p.tenant = $1 AND p.id = $3)) "
          "ORDER BY created_at DESC, id DESC LIMIT $4",
      {tenant, user_id, after, std::int64_t{limit}});
  std::vector<ApiToken> out;
  for (const Row& row : r.rows) out.push_back(token_from(row));
  return out;
}

bool revoke_api_token(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t now_ms) {
  return conn.query("UPDATE api_tokens SET revoked_at = $3 WHERE tenant = $1 AND id = $2 AND revoked_at IS NULL",
                    {tenant, id, now_ms})
             .affected > 0;
}

}  // namespace samspil::storage
