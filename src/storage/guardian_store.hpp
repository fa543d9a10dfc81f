#pragma once
// Children (minimal: the cases work extends them) and guardianships (migration 0003).
// Every query filters by tenant.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct ChildSummary {
  std::string id;
  std::string tenant;
  std::string first_name;
  std::string last_name;
  std::string birth_date;  // YYYY-MM-DD
  std::string unit_id;     // "" when none
  std::int64_t created_at_ms = 0;
};

struct Guardianship {
  std::string child_id;
  std::string user_id;
  std::string relation;  // parent, foster_parent, other
  bool has_custody = true;
  std::int64_t created_at_ms = 0;
};

// Inserts a child (no CPR; the cases work adds it).
void insert_child_summary(Connection& conn, const ChildSummary& child);
// Returns the child with this id in the tenant, if any.
std::optional<ChildSummary> find_child_summary(Connection& conn, const std::string& tenant, const std::string& id);
// One page of the tenant's children ordered by (last_name, first_name, id) after child id `after`.
std::vector<ChildSummary> list_child_summaries(Connection& conn, const std::string& tenant, const std::string& after,
                                               int limit);
// Inserts or updates the guardianship (child, user) in the tenant.
void upsert_guardianship(Connection& conn, const std::string& tenant, const Guardianship& g);
// Removes a guardianship; false when there was none.
bool delete_guardianship(Connection& conn, const std::string& tenant, const std::string& child_id,
                         const std::string& user_id);
// The guardianships of one guardian (user).
std::vector<Guardianship> guardianships_of_user(Connection& conn, const std::string& tenant, const std::string& user_id);
// The guardianships of one child.
std::vector<Guardianship> guardianships_of_child(Connection& conn, const std::string& tenant,
                                                 const std::string& child_id);

}  // namespace samspil::storage
