#pragma once
// What the parent portal shows about each of the guardian's children: the child, its unit,
// the open cases as shared with guardians, and the consents (in force and withdrawn).
// Shared by /foraeldre and GET /api/v1/me/children. Every read goes through the services
// (Children::get, Cases::get, Consents::for_child), which check access and write the audit.
#include <cstdint>
#include <string>
#include <vector>

#include "service/base/actor.hpp"
#include "service/cases/cases.hpp"
#include "service/consent/consents.hpp"
#include "service/people/children.hpp"
#include "storage/database.hpp"

namespace samspil::service::parents {

struct ParentChild {
  service::ChildView child;
  std::string unit_name;                      // "" when the child has no unit
  std::vector<service::CaseView> open_cases;  // the guardian's view of each open case
  std::vector<service::ConsentView> consents; // oldest first
};

// The parent portal's use case, built once in service::Services (member `parent_children`)
// with the cases configuration the cases services share.
class MyChildren {
 public:
  MyChildren(storage::Database& db, service::CasesConfig config) : m_db(db), m_config(config) {}

  // The signed-in guardian's children (Forbidden for anyone but a guardian), by first name.
  std::vector<ParentChild> my_children(const service::Actor& actor, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  service::CasesConfig m_config;
};

}  // namespace samspil::service::parents
