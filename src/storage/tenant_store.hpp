#pragma once
// Municipalities (tenants): every row with personal data carries one.
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

struct Tenant {
  std::string id;
  std::string name;
  std::int64_t created_at_ms = 0;
};

// Returns the tenant with this id, if any.
std::optional<Tenant> find_tenant(Connection& conn, const std::string& id);
// Counts the tenants in the database.
std::int64_t count_tenants(Connection& conn);
// Inserts a tenant; throws ConstraintViolation when the id exists.
void insert_tenant(Connection& conn, const Tenant& tenant);

}  // namespace samspil::storage
