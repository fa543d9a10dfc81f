#pragma once
// API tokens (table api_tokens, migration 0003): only the SHA-256 hex of a token is stored.
// Every query filters by tenant; resolving a bearer token is the session layer's job.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct ApiToken {
  std::string id;
  std::string tenant;
  std::string user_id;
  std::string token_hash;
  std::string label;
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> expires_at_ms;
  std::optional<std::int64_t> revoked_at_ms;
  std::optional<std::int64_t> last_used_at_ms;
};

// Inserts a token row.
void insert_api_token(Connection& conn, const ApiToken& token);
// Returns the token with this id in the tenant, if any.
std::optional<ApiToken> find_api_token(Connection& conn, const std::string& tenant, const std::string& id);
// The tenant a token id belongs to (for the CLI, which is given only the id).
std::optional<std::string> api_token_tenant(Connection& conn, const std::string& id);
// One page of the tenant's tokens (of one user when user_id is not ""), newest first, after token id `after`.
std::vector<ApiToken> list_api_tokens(Connection& conn, const std::string& tenant, const std::string& user_id,
                                      const std::string& after, int limit);
// Marks the token revoked at now_ms unless it already is; false when nothing changed.
bool revoke_api_token(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t now_ms);

}  // namespace samspil::storage
