// /api/v1/settings: the municipality's settings (administrators; rules in service/organisation/settings).
// PUT takes {"case_model_id": "...", "retention_days": 1825}.
#include "api/json.hpp"
#include "edge/context.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"
#include "service/organisation/settings.hpp"

namespace samspil::api {
namespace {

nlohmann::json settings_json(const service::ModelRegistry& models, const service::TenantSettings& s) {
  const auto* model = models.find(s.case_model_id);
  auto available = nlohmann::json::array();
  for (const auto* m : models.all()) available.push_back({{"id", m->id}, {"name", m->name}});
  return {{"case_model_id", s.case_model_id},
          {"retention_days", s.retention_days},
          {"consent_required_from",
           model == nullptr ? nlohmann::json(nullptr)
                            : nlohmann::json(model->consent.every_custody_holder ? "every_custody_holder"
                                                                                 : "one_custody_holder")},
          {"saved", s.saved},
          {"updated_at", s.saved ? nlohmann::json(s.updated_at_ms) : nlohmann::json(nullptr)},
          {"models", available}};
}

}  // namespace

void add_settings_api_routes(http::Router& router, const edge::Context& context) {
  router.add(
      "GET", "/api/v1/settings",
      [&context](http::Request& request) {
        const auto& models = context.services.models();
        return api::json(200, settings_json(models, context.services.tenant_settings.get(edge::actor(request))));
      },
      {.name = "api.settings.show", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "PUT", "/api/v1/settings",
      [&context](http::Request& request) {
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::SettingsChange change;
        if (const auto it = body->find("case_model_id"); it != body->end() && it->is_string()) {
          change.case_model_id = it->get<std::string>();
        }
        // A number, or a string of digits: validated by the service either way.
        if (const auto it = body->find("retention_days"); it != body->end()) {
          change.retention_days = it->is_number_integer() ? std::to_string(it->get<std::int64_t>())
                                  : it->is_string()        ? it->get<std::string>()
                                                           : std::string();
        }
        const auto& models = context.services.models();
        return api::json(200, settings_json(models, context.services.tenant_settings
                                                        .update(edge::actor(request), change, context.now_ms())));
      },
      {.name = "api.settings.update", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::api
