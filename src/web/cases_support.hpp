#pragma once
// Shared by the case pages (/sager…): the cases configuration (model + cipher) loaded once,
// and Danish date formatting.
#include <cstdint>
#include <memory>
#include <string>

#include "domain/model.hpp"
#include "service/cases.hpp"
#include "web/context.hpp"

namespace samspil::web {

struct CasePages {
  std::shared_ptr<const domain::Model> model;
  service::CasesConfig config;
  bool ready() const { return model != nullptr && config.cipher != nullptr; }
};

// Loads the model (service::load_case_model) and takes the cipher from the context.
std::shared_ptr<const CasePages> load_case_pages(const WebContext& context);
// "23.11.2026 14:05" in Copenhagen time.
std::string danish_time(std::int64_t ms);
// "23.11.2026" in Copenhagen time.
std::string danish_date(std::int64_t ms);

}  // namespace samspil::web
