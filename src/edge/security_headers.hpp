#pragma once
// The security headers every response carries beyond http's own defaults (CSP without
// inline script/style, nosniff, Referrer-Policy no-referrer, X-Frame-Options DENY; see
// http/wire.hpp): no caching of personal data, a Permissions-Policy that switches off
// device APIs, cross-origin isolation, and HSTS when served over TLS.
#include <string_view>

#include "http/wire.hpp"

namespace samspil::edge {

struct SecurityHeaderOptions {
  bool hsts = false;  // Strict-Transport-Security (only when the public URL is https://)
};

// The headers for http::ServerConfig::default_headers; a response that sets one itself
// (static files' Cache-Control) keeps its own.
http::HeaderList security_headers(const SecurityHeaderOptions& options);

// Resolves the --hsts setting: "on", "off", or "auto" = on when public_base_url is https://.
bool hsts_enabled(std::string_view setting, std::string_view public_base_url);

}  // namespace samspil::edge
