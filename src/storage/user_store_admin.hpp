#pragma once
// Administration of users (staff and guardians): lists, changes, professions and unit
// memberships. Every query filters by tenant; log-in lookups live in user_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct UserRecord {
  std::string id = {};
  std::string tenant = {};
  std::string email = {};
  std::string display_name = {};
  std::string role = {};
  std::optional<std::int64_t> disabled_at_ms = {};
  std::int64_t created_at_ms = 0;
};

struct Membership {
  std::string unit_id = {};
  bool is_leader = false;
};

struct UserListFilter {
  std::string role = {};     // "" = every role
  std::string unit_id = {};  // "" = every unit; else members of this unit only
  std::string after = {};    // keyset cursor: the id of the last user on the previous page
  int limit = 50;
};

// Returns the user with this id in the tenant, if any.
std::optional<UserRecord> find_user_record(Connection& conn, const std::string& tenant, const std::string& id);
// One page of the tenant's users ordered by (display_name, id).
std::vector<UserRecord> list_user_records(Connection& conn, const std::string& tenant, const UserListFilter& filter);
// Changes name and role; false when no such user in the tenant.
bool update_user_profile(Connection& conn, const std::string& tenant, const std::string& id,
                         const std::string& display_name, const std::string& role);
// Sets or clears disabled_at; false when no such user in the tenant.
bool set_user_disabled(Connection& conn, const std::string& tenant, const std::string& id,
                       std::optional<std::int64_t> disabled_at_ms);
// Replaces the user's password hash.
bool set_user_password_hash(Connection& conn, const std::string& tenant, const std::string& id,
                            const std::string& password_hash, std::int64_t now_ms);
// Removes the password (a single-sign-on-only user).
bool clear_user_password(Connection& conn, const std::string& tenant, const std::string& id);
// Stores an (already encrypted) TOTP secret and marks TOTP as enabled at now_ms.
bool set_user_totp(Connection& conn, const std::string& tenant, const std::string& id,
                   const std::string& sealed_secret, std::int64_t now_ms);

// The user's profession codes, sorted.
std::vector<std::string> user_professions(Connection& conn, const std::string& tenant, const std::string& user_id);
// Replaces the user's professions.
void replace_user_professions(Connection& conn, const std::string& tenant, const std::string& user_id,
                              const std::vector<std::string>& professions);
// The user's unit memberships.
std::vector<Membership> user_memberships(Connection& conn, const std::string& tenant, const std::string& user_id);
// Replaces the user's unit memberships.
void replace_user_memberships(Connection& conn, const std::string& tenant, const std::string& user_id,
                              const std::vector<Membership>& memberships);

}  // namespace samspil::storage
