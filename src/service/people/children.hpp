#pragma once
// A child as the actor may see it (case_access.hpp decides), with guardians and cases.
// The CPR number is shown masked (DDMMYY-xxxx) and never leaves the service unmasked.
#include <cstdint>
#include <string>
#include <vector>

#include "service/base/actor.hpp"
#include "service/cases/cases.hpp"
#include "storage/child_store.hpp"
#include "storage/database.hpp"
#include "storage/guardian_store.hpp"

namespace samspil::service {

struct ChildView {
  storage::ChildRecord record;   // cpr_encrypted and cpr_hash are cleared
  std::string cpr_masked;        // "DDMMYY-xxxx", "" when no CPR on file
  std::vector<storage::Guardianship> guardians;
  std::vector<std::string> case_ids;  // the child's cases the actor reaches
};

struct UnitChoice {
  std::string id;
  std::string name;
};

// What the "register a concern" form offers the actor.
struct RegisterChoices {
  std::vector<storage::ChildRecord> children;  // children of the actor's units (no CPR fields)
  std::vector<UnitChoice> my_units;            // units the actor belongs to
  std::vector<UnitChoice> ppr_units;           // the municipality's PPR districts
};

class Children {
 public:
  Children(storage::Database& db, CasesConfig config) : m_db(db), m_config(config) {}
  // The child (audited read); NotFound when the actor may not reach it.
  ChildView get(const Actor& actor, const std::string& child_id, std::int64_t now_ms);
  // A guardian's own children (ids, from their guardianships); Forbidden for anyone else.
  std::vector<std::string> mine(const Actor& actor);
  // The name of a unit in the actor's municipality ("" when unknown); units are not personal data.
  std::string unit_name(const Actor& actor, const std::string& unit_id);
  // The children, units and PPR districts a staff member may choose from (audited search).
  RegisterChoices choices(const Actor& actor, std::int64_t now_ms);
  // Moves the child to another unit (staff of the child's unit or its leader); the cases stay.
  void move(const Actor& actor, const std::string& child_id, const std::string& unit_id, const std::string& group_name,
            std::int64_t now_ms);

 private:
  storage::Database& m_db;
  CasesConfig m_config;
};

}  // namespace samspil::service
