#pragma once
#include "http/router.hpp"

namespace samspil::web {

// Adds the HTML pages to the router.
void add_routes(http::Router& router);

}  // namespace samspil::web
