#pragma once
// Danish error answers in one place: an HTML page inside the layout for page routes, and an
// RFC 9457 problem document for the JSON API (paths under /api/). The session/policy
// middleware and handlers that map service errors use these, so every 403/404/500 looks
// and reads the same.
#include <string_view>

#include "http/message.hpp"

namespace samspil::web {

class Views;

// True when the request is for the JSON API (its path starts with /api/), which never gets HTML.
bool is_api_request(const http::Request& request);
// The error answer for a status (400, 401, 403, 404, 405, 409, 413, 429, 500, 503; others
// read as 500's text) with the standard Danish heading and text; never throws.
http::Response error_page(const Views& views, const http::Request& request, int status);
// Same, with a specific Danish explanation instead of the standard text.
http::Response error_page(const Views& views, const http::Request& request, int status, std::string_view detail);

}  // namespace samspil::web
