#pragma once
// What the cases, children and consents API handlers share: the loaded collaboration model
// and field cipher (the service configuration), JSON views of cases, events, consents and
// children, and small body readers.
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>

#include "domain/model.hpp"
#include "http/message.hpp"
#include "service/cases.hpp"
#include "service/children.hpp"
#include "service/consents.hpp"
#include "web/context.hpp"

namespace samspil::api {

// The models come from the context's registry (context.models); a case runs under its
// cases.model_id and a new case under the municipality's chosen model (service/settings).
struct CasesApi {
  std::shared_ptr<const domain::Model> model;  // the default model (consent scopes)
  service::CasesConfig config;
  // True when the model loaded and a field key is configured; else the routes answer 503.
  bool ready() const { return model != nullptr && config.cipher != nullptr; }
};

// Takes the models and the cipher from the context (without a registry, as in some tests,
// the preset models/ppr-vejen-ind.yaml is loaded).
std::shared_ptr<const CasesApi> load_cases_api(const web::WebContext& context);
// 503 problem when the cases configuration is missing.
http::Response not_configured();

// A string member of a JSON object, or "" when absent or not a string.
std::string text_of(const nlohmann::json& body, const char* key);
// ?limit= as 1…200 (default 50).
int case_limit_param(const http::Request& request);

nlohmann::json case_json(const storage::CaseRecord& c);
nlohmann::json case_view_json(const service::CaseView& view);
nlohmann::json event_json(const storage::CaseEventRow& e);
nlohmann::json consent_json(const service::ConsentView& view);
nlohmann::json child_json(const service::ChildView& view);

}  // namespace samspil::api
