#include "edge/service_config.hpp"

#include "service/services.hpp"

namespace samspil::edge {

std::shared_ptr<const CaseModels> load_case_models(const Context& context) {
  auto out = std::make_shared<CaseModels>();
  out->config = context.services.cases_config;
  // Non-owning: the registry outlives every route (the composition root owns it).
  if (out->config.model != nullptr) out->model = std::shared_ptr<const domain::Model>(std::shared_ptr<const domain::Model>{}, out->config.model);
  return out;
}

const domain::Model& model_of_case(const CaseModels& models, const std::string& model_id) {
  if (models.config.models != nullptr) {
    if (const auto* m = models.config.models->find(model_id)) return *m;
  }
  return *models.model;
}

std::shared_ptr<const RequestFormModels> load_request_form_models(const Context& context) {
  auto out = std::make_shared<RequestFormModels>();
  out->cases = load_case_models(context);
  out->config = context.services.request_forms_config;
  return out;
}

}  // namespace samspil::edge
