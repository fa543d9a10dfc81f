#pragma once
// Shared by the case pages (/sager…): the cases configuration (the model registry of the
// context + cipher), and Danish date formatting.
#include <cstdint>
#include <memory>
#include <string>

#include "domain/model.hpp"
#include "service/cases.hpp"
#include "web/context.hpp"

namespace samspil::web {

struct CasePages {
  // The installation's default model (consent scopes, the registration form); a case itself
  // runs under cases.model_id, see model_of_case.
  std::shared_ptr<const domain::Model> model;
  service::CasesConfig config;
  bool ready() const { return model != nullptr && config.cipher != nullptr; }
};

// Takes the models (context.models; without a registry, as in some tests, the preset
// models/ppr-vejen-ind.yaml is loaded) and the cipher from the context.
std::shared_ptr<const CasePages> load_case_pages(const WebContext& context);
// The model a case runs under (its cases.model_id), or the default model.
const domain::Model& model_of_case(const CasePages& pages, const std::string& model_id);
// "23.11.2026 14:05" in Copenhagen time.
std::string danish_time(std::int64_t ms);
// "23.11.2026" in Copenhagen time.
std::string danish_date(std::int64_t ms);

}  // namespace samspil::web
