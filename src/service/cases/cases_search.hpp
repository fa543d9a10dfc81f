#pragma once
// The choices of the case list's filters (/sager, GET /api/v1/cases): the municipality's
// units, every state and meeting type of the installed models, and who has cases assigned.
#include <string>
#include <utility>
#include <vector>

#include "domain/model.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "storage/database.hpp"

namespace samspil::service {

using Choice = std::pair<std::string, std::string>;  // (id, Danish name)

struct CaseFilterChoices {
  std::vector<Choice> units;
  std::vector<Choice> states;         // the models' state ids; the first model's name wins
  std::vector<Choice> meeting_types;
  std::vector<Choice> assignees;
};

// For staff; guardians get no choices (they only see their own children's cases).
CaseFilterChoices case_filter_choices(storage::Database& db, const Actor& actor, const ModelRegistry* models,
                                      const domain::Model& fallback);

}  // namespace samspil::service
