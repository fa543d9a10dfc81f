#pragma once
// Children with their sealed CPR number, unit and group (migrations 0003 + 0005). The
// guardianships themselves are kept by guardian_store (shared with the administrators'
// linking); this file holds only what the cases work adds. Every query filters by tenant.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct ChildRecord {
  std::string id;
  std::string tenant;
  std::string first_name;
  std::string last_name;
  std::string birth_date;     // YYYY-MM-DD
  std::string cpr_encrypted;  // crypto::FieldCipher::seal of the 10 digits; "" when none
  std::string cpr_hash;       // FieldCipher::keyed_hash of the 10 digits; "" when none
  std::string unit_id;        // "" when none
  std::string group_name;     // class or group; "" when none
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

// Inserts a child.
void insert_child(Connection& conn, const ChildRecord& child);
// The child with this id in the tenant, if any.
std::optional<ChildRecord> find_child(Connection& conn, const std::string& tenant, const std::string& id);
// The child whose CPR keyed hash matches, in the tenant, if any.
std::optional<ChildRecord> find_child_by_cpr_hash(Connection& conn, const std::string& tenant,
                                                  const std::string& cpr_hash);
// Moves the child to another unit/group (its cases stay with it); false when not found.
bool move_child(Connection& conn, const std::string& tenant, const std::string& id, const std::string& unit_id,
                const std::string& group_name, std::int64_t now_ms);

// The children of these units ordered by (last_name, first_name, id), at most limit.
std::vector<ChildRecord> children_in_units(Connection& conn, const std::string& tenant,
                                           const std::vector<std::string>& unit_ids, int limit);

}  // namespace samspil::storage
