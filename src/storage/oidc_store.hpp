#pragma once
// Single sign-on state (table oidc_logins, migration 0003) and the lookups that map an
// external identity to a staff user. Every user query is scoped to one tenant.
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

struct OidcLogin {
  std::string state_hash;  // base64url(SHA-256(state)); the state itself is never stored
  std::string tenant;
  std::string nonce;
  std::string code_verifier;
  std::optional<std::string> return_to;
  std::int64_t created_at_ms = 0;
  std::int64_t expires_at_ms = 0;
};

// Stores a log-in in flight.
void insert_oidc_login(Connection& conn, const OidcLogin& login);

enum class ConsumeStatus { consumed, unknown, already_used, expired };

struct Consumed {
  ConsumeStatus status = ConsumeStatus::unknown;
  OidcLogin login;  // set when consumed
};

// Marks the log-in used (single use) and returns it; a second call for the same state, an
// unknown or an expired one gets the matching status and changes nothing.
Consumed consume_oidc_login(Connection& conn, const std::string& state_hash, std::int64_t now_ms);
// Deletes log-ins that expired before now_ms; returns how many.
std::int64_t purge_oidc_logins(Connection& conn, std::int64_t now_ms);

// The tenant whose id or exact name is id_or_name; nullopt when none or several match.
std::optional<std::string> resolve_tenant(Connection& conn, const std::string& id_or_name);

struct SsoUser {
  std::string id;
  std::string role;
  bool disabled = false;
};

enum class SsoLookup { email, subject };

// The user of the tenant whose e-mail (case-insensitive) or users.oidc_subject is value.
std::optional<SsoUser> find_sso_user(Connection& conn, const std::string& tenant, SsoLookup by,
                                     const std::string& value);

}  // namespace samspil::storage
