#include "app/router_setup.hpp"

#include "api/routes.hpp"
#include "app/ops_routes.hpp"
#include "web/routes.hpp"
#include "web/session_middleware.hpp"

namespace samspil::app {

void build_router(http::Router& router, storage::Database& db, http::Metrics& metrics,
                  const web::WebContext& context) {
  router.use(database_unavailable_middleware());
  add_ops_routes(router, db, metrics, context.data_dir);
  // Principal (session cookie or bearer token), CSRF and the routes' policies (deny by default).
  web::install_middleware(router, context);
  web::add_routes(router, context);
  api::add_routes(router, context);
}

}  // namespace samspil::app
