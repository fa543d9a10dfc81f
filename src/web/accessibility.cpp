// The accessibility statement ("Tilgængelighedserklæring"), which Danish law requires on
// every public-sector web solution and which the footer of every page links to.
#include "web/routes.hpp"

namespace samspil::web {

void add_accessibility_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/tilgaengelighed",
      [&context](http::Request& request) {
        return context.views.render(request,
                                    {.title = context.views.t("a11y_title"),
                                     .body_template = "accessibility.tpl",
                                     .breadcrumbs = {{"Samspil", "/"}, {context.views.t("a11y_title"), ""}}},
                                    nullptr);
      },
      {.name = "accessibility", .policy = "public", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
