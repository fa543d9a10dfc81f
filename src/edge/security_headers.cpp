#include "edge/security_headers.hpp"

namespace samspil::edge {

http::HeaderList security_headers(const SecurityHeaderOptions& options) {
  http::HeaderList headers{
      // Pages and API answers carry personal data: never stored by a browser or proxy.
      {"Cache-Control", "no-store"},
      {"Permissions-Policy",
       "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), "
       "usb=(), interest-cohort=()"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  };
  // One year, the minimum for browsers' preload lists; subdomains of a municipality's
  // service host are its own.
  if (options.hsts) headers.emplace_back("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return headers;
}

bool hsts_enabled(std::string_view setting, std::string_view public_base_url) {
  if (setting == "on") return true;
  if (setting == "off") return false;
  return public_base_url.substr(0, 8) == "https://";
}

}  // namespace samspil::edge
