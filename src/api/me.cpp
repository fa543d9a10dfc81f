// GET /api/v1/me: who the caller is (the actor behind the bearer token or session): id,
// name, e-mail, role, professions and units — so an integration can check its token.
#include "api/json.hpp"
#include "api/routes.hpp"
#include "edge/request_state.hpp"

namespace samspil::api {

void add_me_routes(http::Router& router, const edge::Context& context) {
  (void)context;
  router.add(
      "GET", "/api/v1/me",
      [](http::Request& request) {
        const service::Actor& a = edge::actor(request);
        nlohmann::json units = nlohmann::json::array();
        for (const auto& unit_id : a.unit_ids) {
          units.push_back({{"id", unit_id}, {"leader", a.leads(unit_id)}});
        }
        return json(200, {{"id", a.user_id},
                          {"tenant", a.tenant},
                          {"name", a.display_name},
                          {"email", a.email},
                          {"role", std::string(service::role_code(a.role))},
                          {"role_label", std::string(service::role_label_da(a.role))},
                          {"professions", a.professions},
                          {"units", units},
                          {"via", a.via == service::Via::token ? "token" : "session"}});
      },
      {.name = "api.me", .policy = "signed_in"});
}

}  // namespace samspil::api
