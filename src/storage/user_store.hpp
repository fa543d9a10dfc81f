#pragma once
// Staff and guardian log-ins, always scoped to one tenant.
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

struct User {
  std::string id;
  std::string tenant;
  std::string email;
  std::string display_name;
  std::string password_hash;  // Argon2id string; empty for SSO-only users
  std::string role;           // administrator, unit_leader, professional, ppr_district_lead, guardian
  std::int64_t created_at_ms = 0;
};

// Returns the user with this e-mail in the tenant, if any.
std::optional<User> find_user_by_email(Connection& conn, const std::string& tenant, const std::string& email);
// Inserts a user; throws ConstraintViolation when the e-mail is taken in the tenant.
void insert_user(Connection& conn, const User& user);

}  // namespace samspil::storage
