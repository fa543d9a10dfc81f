#pragma once
// The choices of the case list's filters (/sager, GET /api/v1/cases): the municipality's
// units, every state and meeting type of the installed models, and who has cases assigned.
#include <string>
#include <utility>
#include <vector>

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

// The case list's filter choices, built once in service::Services (member `case_search`)
// with the registry of the installed models.
class CaseSearch {
 public:
  CaseSearch(storage::Database& db, const ModelRegistry& models) : m_db(db), m_models(models) {}

  // For staff; guardians get no choices (they only see their own children's cases).
  CaseFilterChoices case_filter_choices(const Actor& actor);

 private:
  storage::Database& m_db;
  const ModelRegistry& m_models;
};

}  // namespace samspil::service
