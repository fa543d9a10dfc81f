#pragma once
#include "edge/context.hpp"
#include "http/router.hpp"

namespace samspil::api {

// Adds every /api/v1 route. The API shares the web layer's context (database, settings,
// clock) and its session/token middleware; handlers answer JSON only.
void add_routes(http::Router& router, const edge::Context& context);

}  // namespace samspil::api
