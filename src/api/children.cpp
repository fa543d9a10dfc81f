// GET /api/v1/children/{id}: a child the actor reaches, CPR masked. Access in service/.
#include "api/cases_support.hpp"
#include "api/json.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"

namespace samspil::api {

void add_child_api_routes(http::Router& router, const edge::Context& context) {
  const auto api = edge::load_case_models(context);
  router.add(
      "GET", "/api/v1/children/{id}",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        auto& children = context.services.children;
        return api::json(200, child_json(children.get(edge::actor(request), request.params.at("id"), context.now_ms())));
      },
      {.name = "api.children.show", .policy = "signed_in", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::api
