#pragma once
// What a request needs to know about its user, loaded in three queries (user, units,
// professions), and the API bearer tokens that stand for a user.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct ActorRecord {
  std::string id;
  std::string tenant;
  std::string email;
  std::string display_name;
  std::string role;
  bool disabled = false;
  bool totp_enabled = false;
  std::vector<std::string> professions;
  std::vector<std::pair<std::string, bool>> units;  // unit id, is_leader
};

// The user with units and professions, if the user exists in the tenant.
std::optional<ActorRecord> load_actor_record(Connection& conn, const std::string& tenant, const std::string& user_id);
// The engine's plan of each of load_actor_record's statements (user, professions, units),
// for the test that every signed-in request finds its user by index.
std::vector<std::string> actor_query_plans(Connection& conn, const std::string& tenant, const std::string& user_id);

struct ApiTokenRow {
  std::string id;
  std::string tenant;
  std::string user_id;
  std::optional<std::int64_t> expires_at_ms;
  std::optional<std::int64_t> revoked_at_ms;
  std::optional<std::int64_t> last_used_at_ms;
};

// The API token with this hash (SHA-256 hex of the bearer token), if any.
std::optional<ApiTokenRow> find_api_token_by_hash(Connection& conn, const std::string& token_hash);
// Sets last_used_at.
void mark_api_token_used(Connection& conn, const std::string& id, std::int64_t now_ms);

struct TenantChoice {
  std::string id;
  std::string name;
};

// Every municipality, by name, for the log-in form's select.
std::vector<TenantChoice> list_tenants_for_login(Connection& conn);

}  // namespace samspil::storage

namespace samspil::storage {

struct Credentials {
  std::string user_id;
  std::string tenant;
  std::string role;
  std::string password_hash;  // "" for SSO-only users
  bool disabled = false;
  bool totp_enabled = false;
  std::optional<std::string> totp_secret;  // sealed with the field key
  std::optional<std::int64_t> totp_last_step;
};

// The log-in data of the user with this e-mail in the tenant (e-mail compared as stored).
std::optional<Credentials> find_credentials_by_email(Connection& conn, const std::string& tenant,
                                                     const std::string& email);
// The log-in data of one user.
std::optional<Credentials> find_credentials(Connection& conn, const std::string& tenant, const std::string& user_id);
// Replaces the password hash and sets password_changed_at.
void set_password_hash(Connection& conn, const std::string& tenant, const std::string& user_id,
                       const std::string& hash, std::int64_t now_ms);
// Stores a (sealed) TOTP secret; enabled_at nullopt = set up but not yet confirmed.
void set_totp(Connection& conn, const std::string& tenant, const std::string& user_id,
              const std::optional<std::string>& sealed_secret, std::optional<std::int64_t> enabled_at_ms);
// Records the last accepted TOTP step only if it is newer than the stored one; true when it was
// (so two requests racing with one code cannot both succeed).
bool advance_totp_step(Connection& conn, const std::string& tenant, const std::string& user_id, std::int64_t step);

}  // namespace samspil::storage
