#pragma once
// A small migrated world for the cases tests on either engine: two municipalities, units,
// staff of every relation to a case, guardians and a child.
#include <string>

#include "storage/database.hpp"
#include "test_database.hpp"

namespace samspil::cases_testing {

// Ids of what the world holds (tenant "t1" unless named "other_").
struct World {
  std::string tenant = "t1";
  std::string other_tenant = "t2";
  std::string school = "u-school";         // the child's unit
  std::string other_school = "u-school2";
  std::string ppr_unit = "u-ppr";
  std::string leader = "p-leader";         // leads u-school
  std::string other_leader = "p-leader2";  // leads u-school2
  std::string teacher = "p-teacher";       // registers the concern, participant
  std::string psychologist = "p-psych";    // PPR staff, assigned later
  std::string stranger = "p-stranger";     // professional without relation
  std::string district_lead = "p-district";  // ppr_district_lead in u-ppr
  std::string admin = "p-admin";
  std::string mother = "g-mother";         // custody
  std::string father = "g-father";         // custody
  std::string other_parent = "g-other";    // guardian of another child
  std::string other_tenant_user = "x-user";  // a professional in t2
  std::string child = "c-1";
  std::string other_child = "c-2";
};

// Applies the project's migrations and inserts the world.
World seed_world(storage::Database& db);

}  // namespace samspil::cases_testing
