#pragma once
// Organisational units (table units, migration 0003): a tree per municipality. Every query
// filters by tenant, so another municipality's unit is never returned.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct Unit {
  std::string id;
  std::string tenant;
  std::string parent_id;  // "" for a top-level unit
  std::string kind;       // code: daycare, school, ppr, health_visiting, authority, administration, other
  std::string name;
  std::int64_t created_at_ms = 0;
};

// Returns the unit with this id in the tenant, if any.
std::optional<Unit> find_unit(Connection& conn, const std::string& tenant, const std::string& id);
// Inserts a unit (parent in the same tenant is the caller's check).
void insert_unit(Connection& conn, const Unit& unit);
// Renames a unit; false when no such unit in the tenant.
bool rename_unit(Connection& conn, const std::string& tenant, const std::string& id, const std::string& name);
// Sets a unit's parent ("" = top level); false when no such unit in the tenant.
bool set_unit_parent(Connection& conn, const std::string& tenant, const std::string& id, const std::string& parent_id);
// One page of the tenant's units ordered by (name, id), after the unit with id `after` ("" = first page).
std::vector<Unit> list_units(Connection& conn, const std::string& tenant, const std::string& after, int limit);
// Every unit of the tenant ordered by name (for the tree and choosers; units are few).
std::vector<Unit> all_units(Connection& conn, const std::string& tenant);

}  // namespace samspil::storage
