#pragma once
// Turns a Response into HTTP/1.1 bytes. Written by hand instead of through Beast's
// serializer: one append into a reused buffer per response is cheaper than Beast's
// per-field allocations, and it keeps Beast out of this translation unit.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace samspil::http {

struct WireOptions {
  bool head_request = false;     // HEAD: headers as for GET, no body
  bool keep_alive = true;        // false adds "Connection: close"
  bool http10 = false;           // a kept-alive HTTP/1.0 connection says "keep-alive"
  std::string_view request_id;   // echoed as X-Request-Id
};

// The Content-Security-Policy sent unless a handler sets its own.
inline constexpr std::string_view default_csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";

// Headers every response gets unless it sets the same name itself (the application's
// security headers: Cache-Control, Permissions-Policy, HSTS …).
using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Writes the status line and headers (with defaults, `extra_defaults` and Content-Length)
// into `out`, replacing its contents; returns whether the body must follow.
bool serialize_head(std::string& out, const Response& response, const WireOptions& options,
                    const HeaderList* extra_defaults = nullptr);

}  // namespace samspil::http
