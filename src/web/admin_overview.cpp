// /admin: the administrator's start page with links to each area.
#include "web/routes.hpp"

namespace samspil::web {

void add_admin_overview_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/admin",
      [&context](http::Request& request) {
        const auto& t = context.views;
        return context.views.render(
            request, {.title = t.t("admin_title"), .body_template = "admin/overview.tpl",
                      .breadcrumbs = {{t.t("admin_title"), ""}}},
            nullptr);
      },
      {.name = "admin.overview", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
