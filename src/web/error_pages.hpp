#pragma once
// Danish error answers in one place: an HTML page inside the layout for page routes, and an
// RFC 9457 problem document for the JSON API (paths under /api/). The edge's middleware and
// error mapping reach them through edge::Context::error_page (page_context below), so every
// 403/404/500 looks and reads the same.
#include <string_view>

#include "edge/errors.hpp"
#include "http/message.hpp"
#include "web/context.hpp"

namespace samspil::web {

// The error answer for a status (400, 401, 403, 404, 405, 409, 413, 429, 500, 503; others
// read as 500's text) with the standard Danish heading and text; never throws.
http::Response error_page(const Views& views, const http::Request& request, int status);
// Same, with a specific Danish explanation instead of the standard text.
http::Response error_page(const Views& views, const http::Request& request, int status, std::string_view detail);

// The pages' context: the shared handler context whose error answers are these views'
// Danish error pages.
WebContext page_context(edge::Context shared, const Views& views);

}  // namespace samspil::web
