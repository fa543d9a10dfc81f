// GET /api/v1/me/children: the signed-in guardian's children, each with its unit, a summary
// of the open cases as shared with guardians, and the consents (in force and ended). The
// same reads as /foraeldre (service/overview/parent_children), so access and audit are the services'.
#include "api/cases_support.hpp"
#include "api/json.hpp"
#include "api/routes.hpp"
#include "edge/request_state.hpp"
#include "service/overview/parent_children.hpp"

namespace samspil::api {

void add_me_children_routes(http::Router& router, const edge::Context& context) {
  const auto api = edge::load_case_models(context);
  router.add(
      "GET", "/api/v1/me/children",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        nlohmann::json items = nlohmann::json::array();
        for (const auto& item : context.services.parent_children.my_children(edge::actor(request), context.now_ms())) {
          nlohmann::json child = child_json(item.child);
          child["unit_name"] = item.unit_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(item.unit_name);
          nlohmann::json cases = nlohmann::json::array();
          for (const auto& c : item.open_cases) {
            cases.push_back({{"id", c.record.id},
                             {"title", c.record.title},
                             {"state", c.record.state},
                             {"state_name", c.state_name},
                             {"opened_at", c.record.opened_at_ms},
                             {"consents_in_force", c.consents_in_force}});
          }
          child["open_cases"] = cases;
          nlohmann::json consents = nlohmann::json::array();
          for (const auto& c : item.consents) consents.push_back(consent_json(c));
          child["consents"] = consents;
          items.push_back(child);
        }
        return api::json(200, {{"items", items}});
      },
      {.name = "api.me.children", .policy = "guardian", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::api
