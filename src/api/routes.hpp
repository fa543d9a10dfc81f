#pragma once
#include "http/router.hpp"
#include "web/context.hpp"

namespace samspil::api {

// Adds every /api/v1 route. The API shares the web layer's context (database, settings,
// clock) and its session/token middleware; handlers answer JSON only.
void add_routes(http::Router& router, const web::WebContext& context);

}  // namespace samspil::api
