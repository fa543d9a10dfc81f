#pragma once
// What the parent portal shows about each of the guardian's children: the child, its unit,
// the open cases as shared with guardians, and the consents (in force and withdrawn).
// Shared by /foraeldre and GET /api/v1/me/children. Every read goes through the services
// (Children::get, Cases::get, Consents::for_child), which check access and write the audit.
#include <cstdint>
#include <string>
#include <vector>

#include "service/actor.hpp"
#include "service/cases.hpp"
#include "service/children.hpp"
#include "service/consents.hpp"
#include "web/context.hpp"

namespace samspil::web::parents {

struct ParentChild {
  service::ChildView child;
  std::string unit_name;                      // "" when the child has no unit
  std::vector<service::CaseView> open_cases;  // the guardian's view of each open case
  std::vector<service::ConsentView> consents; // oldest first
};

// The signed-in guardian's children (Forbidden for anyone but a guardian), by first name.
std::vector<ParentChild> my_children(const WebContext& context, const service::CasesConfig& config,
                                     const service::Actor& actor);

}  // namespace samspil::web::parents
