#pragma once
// HTTP for the relying party (discovery, JWKS, token endpoint) over the outbound client
// (net/http_client.hpp), behind a function type so tests can inject answers. Only https is allowed, except loopback
// addresses (a provider started by the tests).
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samspil::oidc {

struct HttpRequest {
  std::string url = {};
  std::string form_body = {};  // when set: POST application/x-www-form-urlencoded
  std::string basic_user = {};  // when set: HTTP Basic authentication (client_secret_basic)
  std::string basic_password = {};
};

struct HttpResponse {
  long status = 0;
  std::string body;
};

// The provider could not be reached or answered something unusable. The message names
// the step and the URL's host part only; never a token or personal data.
struct ProviderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Fetcher = std::function<HttpResponse(const HttpRequest&)>;

struct FetchLimits {
  long connect_timeout_ms = 5'000;
  long total_timeout_ms = 10'000;
  std::size_t max_body_bytes = 512 * 1024;
};

// True for https:// URLs and for http:// URLs whose host is 127.0.0.1, [::1] or localhost.
bool url_allowed(std::string_view url);
// A Fetcher over net::send with the limits; throws ProviderError on transport errors, a
// refused URL or an oversized body (redirects are not followed).
Fetcher curl_fetcher(FetchLimits limits = {});

}  // namespace samspil::oidc
