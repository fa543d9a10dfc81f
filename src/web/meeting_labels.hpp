#pragma once
// Danish names for the model's codes that meeting pages show: meeting roles (chair,
// minute_taker …) and a participant's relation to the case (a profession id of the model,
// parents, child, network). A code with no name is shown as it is rather than hidden.
#include <string>

#include "service/base/model_registry.hpp"
#include "web/views.hpp"

namespace samspil::web {

std::string role_name(const Views& views, const std::string& role);
// Joined with ", "; "–" when there are none.
std::string role_names(const Views& views, const std::vector<std::string>& roles);
std::string relation_name(const Views& views, const service::ModelRegistry* models, const std::string& code);

}  // namespace samspil::web
