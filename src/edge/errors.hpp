#pragma once
// The one place where the services' typed outcomes become HTTP answers, for pages and API
// alike: NotFound -> 404, Forbidden -> 403, Conflict -> 409, Invalid -> 422 (problem+json
// with the field messages under /api/, the Danish error page otherwise). Handlers that show
// a form again with its field messages catch Invalid themselves first.
#include <string_view>

#include "edge/context.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "service/base/errors.hpp"

namespace samspil::edge {

// True when the request is for the JSON API (its path starts with /api/), which never gets HTML.
bool is_api_request(const http::Request& request);
// The Danish error answer for a status: the context's error page (it writes problem+json
// under /api/), or a bare Danish page when the context has none. Never throws.
http::Response error_response(const Context& context, const http::Request& request, int status,
                              std::string_view detail = {});
// A complete Danish error page without layout or request data, for when rendering the page
// itself failed (a broken template) or there are no templates (some tests).
http::Response bare_error_page(int status);
// 422 problem+json with "errors": {field: Danish message}.
http::Response invalid(const service::FieldErrors& errors);
// Middleware: maps service::Forbidden/NotFound/Conflict/Invalid thrown by handlers.
http::Middleware service_error_middleware(const Context& context);

}  // namespace samspil::edge
