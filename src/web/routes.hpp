#pragma once
#include "http/router.hpp"
#include "web/context.hpp"

namespace samspil::web {

// Adds the HTML pages to the router. The context must outlive the router.
void add_routes(http::Router& router, const WebContext& context);

}  // namespace samspil::web
