// GET /api/v1/children/{id}: a child the actor reaches, CPR masked. Access in service/.
#include "api/cases_support.hpp"
#include "api/json.hpp"
#include "http/router.hpp"
#include "web/request_state.hpp"

namespace samspil::api {

void add_child_api_routes(http::Router& router, const web::WebContext& context) {
  const auto api = load_cases_api(context);
  router.add(
      "GET", "/api/v1/children/{id}",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        service::Children children(context.db, api->config);
        return api::json(200, child_json(children.get(web::actor(request), request.params.at("id"), context.now_ms())));
      },
      {.name = "api.children.show", .policy = "signed_in", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::api
