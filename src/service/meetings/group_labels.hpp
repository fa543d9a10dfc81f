#pragma once
// The Danish name of a model group id (who takes part, who speaks, who may act): the fixed
// groups of the model format, or a profession of the model; the id itself when unknown.
#include <string>

#include "domain/model.hpp"

namespace samspil::service {

std::string group_label(const domain::Model& model, const std::string& code);

}  // namespace samspil::service
