#pragma once
// API tokens for integrations: a random 256-bit token shown once; only its SHA-256 hex is
// stored (the session layer resolves `Authorization: Bearer` by exactly that hash).
// Administrators of the municipality create, list and revoke; every change is audited.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service::api_tokens {

struct TokenView {
  std::string id = {};
  std::string user_id = {};
  std::string user_email = {};
  std::string user_name = {};
  std::string label = {};
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> expires_at_ms = {};
  std::optional<std::int64_t> revoked_at_ms = {};
  std::optional<std::int64_t> last_used_at_ms = {};
};

struct NewToken {
  std::string user_id = {};
  std::string label = {};
  std::optional<std::int64_t> expires_at_ms = {};  // none = until revoked
};

struct Created {
  TokenView token;
  std::string secret = {};  // the bearer token; shown once, never stored
};

// The expiry for "valid through YYYY-MM-DD": the end of that day in Copenhagen (ms UTC);
// nullopt when the text is not a real date.
std::optional<std::int64_t> expiry_from_date(std::string_view date);
// The date part of an expiry made by expiry_from_date, as YYYY-MM-DD (Copenhagen).
std::string expiry_date(std::int64_t expires_at_ms);

// The stored hash of a bearer token: SHA-256 hex of the raw token string.
std::string token_hash(const std::string& secret);

// The municipality's API tokens, kept by its administrators.
class Tokens {
 public:
  explicit Tokens(storage::Database& db) : m_db(db) {}

  // Creates a token for a staff user of the municipality; Invalid for bad input.
  Created create(const Actor& actor, const NewToken& input, std::int64_t now_ms) const;
  // The municipality's tokens (of one user when user_id is not ""), newest first.
  std::vector<TokenView> list(const Actor& actor, const std::string& user_id, int limit) const;
  // Revokes a token; NotFound outside the municipality; revoking twice changes nothing.
  void revoke(const Actor& actor, const std::string& id, std::int64_t now_ms) const;

 private:
  storage::Database& m_db;
};

}  // namespace samspil::service::api_tokens
