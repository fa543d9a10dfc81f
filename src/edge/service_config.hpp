#pragma once
// What the case and request form handlers read of the services' configuration once, when
// their routes are registered: the installation's default model (consent scopes, the
// registration form), the model of a case, and whether a field key is set up (else the
// routes answer "not set up"). The services themselves are edge::Context::services.
#include <memory>
#include <string>

#include "domain/model.hpp"
#include "edge/context.hpp"
#include "service/cases/cases.hpp"
#include "service/request_forms/request_forms.hpp"

namespace samspil::edge {

struct CaseModels {
  // The installation's default model; a case itself runs under cases.model_id (model_of_case).
  std::shared_ptr<const domain::Model> model;
  service::CasesConfig config;
  // True when a model is loaded and a field key is configured; else the routes answer 503.
  bool ready() const { return model != nullptr && config.cipher != nullptr; }
};

// The cases services' configuration and default model, as the services were built.
std::shared_ptr<const CaseModels> load_case_models(const Context& context);
// The model a case runs under (its cases.model_id), or the default model.
const domain::Model& model_of_case(const CaseModels& models, const std::string& model_id);

struct RequestFormModels {
  std::shared_ptr<const CaseModels> cases;
  service::RequestFormsConfig config;
  bool ready() const { return cases && cases->ready(); }
};
// The request form services' configuration, as the services were built.
std::shared_ptr<const RequestFormModels> load_request_form_models(const Context& context);

}  // namespace samspil::edge
