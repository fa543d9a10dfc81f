#include "app/router_setup.hpp"

#include "api/routes.hpp"
#include "app/ops_routes.hpp"
#include "edge/session_middleware.hpp"
#include "web/error_pages.hpp"
#include "web/routes.hpp"
#include "web/sso.hpp"

namespace samspil::app {

void build_router(http::Router& router, storage::Database& db, http::Metrics& metrics,
                  const web::WebContext& context, service::sso::OidcLogin* sso) {
  router.use(database_unavailable_middleware());
  add_ops_routes(router, db, metrics, context.data_dir);
  // Principal (session cookie or bearer token), CSRF and the routes' policies (deny by default).
  edge::install_middleware(router, context);
  web::add_routes(router, context);
  web::add_sso_routes(router, context, sso);
  // Unknown addresses: a Danish HTML page for browsers, problem+json under /api/.
  router.set_not_found([&context](http::Request& request) { return web::error_page(context.views, request, 404); });
  api::add_routes(router, context);
}

}  // namespace samspil::app
