// The front page: "Mit overblik" for staff once signed in (issue 7), a short introduction
// with a log-in link otherwise.
#include "web/routes.hpp"

namespace samspil::web {

void add_home_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/",
      [&context](http::Request& request) {
        return context.views.render(request, {.title = "Samspil", .body_template = "home.tpl"}, nullptr);
      },
      {.name = "home", .policy = "public", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
