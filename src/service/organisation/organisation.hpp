#pragma once
// Organisational units of a municipality: a tree (parent in the same municipality, no
// cycles). Only administrators of the municipality may see and change them; every change
// is written to the access log in the same transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service::organisation {

struct UnitView {
  std::string id = {};
  std::string name = {};
  std::string kind = {};       // code, see unit_kinds()
  std::string parent_id = {};  // "" at the top
};

struct UnitInput {
  std::string name = {};
  std::string kind = {};
  std::string parent_id = {};  // "" = top level
};

// A change: fields left empty are kept (parent_id "" with move_to_top moves to the top).
struct UnitPatch {
  std::optional<std::string> name = {};
  std::optional<std::string> parent_id = {};  // "" = top level
};

struct TreeNode {
  UnitView unit;
  int depth = 0;  // 0 at the top
};

struct UnitPage {
  std::vector<UnitView> units = {};
  std::string next_cursor = {};  // "" on the last page
};

// The unit kind codes, in display order.
const std::vector<std::string_view>& unit_kinds();
// The Danish name of a unit kind ("Dagtilbud", …); the code itself when unknown.
std::string_view unit_kind_label(std::string_view kind);

// The use cases on units, built once in service::Services (member `units`).
class Units {
 public:
  explicit Units(storage::Database& db) : m_db(db) {}

  // Creates a unit; Invalid (Danish field messages) for a bad name/kind/parent or a sibling with the same name.
  UnitView create_unit(const Actor& actor, const UnitInput& input, std::int64_t now_ms);
  // Renames and/or moves a unit; NotFound outside the actor's municipality; Invalid for a cycle.
  UnitView update_unit(const Actor& actor, const std::string& id, const UnitPatch& patch, std::int64_t now_ms);
  // One unit of the actor's municipality.
  UnitView get_unit(const Actor& actor, const std::string& id);
  // One page of units ordered by name.
  UnitPage list_units(const Actor& actor, const std::string& cursor, int limit);
  // Every unit as a tree in depth-first order (children by name).
  std::vector<TreeNode> unit_tree(const Actor& actor);

 private:
  storage::Database& m_db;
};

}  // namespace samspil::service::organisation
