#pragma once
// The complete route table (ops endpoints, pages, API) with its middleware. `samspil serve`
// and `samspil routes` both build it here, so the listed routes are exactly the served ones.
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"
#include "web/context.hpp"

namespace samspil::service::sso {
class OidcLogin;
}

namespace samspil::app {

// Adds middleware and every route; context (and db, metrics, sso) must outlive the router.
// sso is null when single sign-on is off (its paths then answer "not available").
void build_router(http::Router& router, storage::Database& db, http::Metrics& metrics,
                  const web::WebContext& context, service::sso::OidcLogin* sso);

}  // namespace samspil::app
