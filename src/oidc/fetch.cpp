#include "oidc/fetch.hpp"

#include "net/http_client.hpp"

namespace samspil::oidc {

bool url_allowed(std::string_view url) {
  if (url.rfind("https://", 0) == 0) return url.size() > 8;
  if (url.rfind("http://", 0) != 0) return false;
  const std::string_view rest = url.substr(7);
  for (const std::string_view host : {"127.0.0.1", "[::1]", "localhost"}) {
    if (rest.rfind(host, 0) == 0) {
      const std::string_view after = rest.substr(host.size());
      if (after.empty() || after.front() == ':' || after.front() == '/') return true;
    }
  }
  return false;
}

Fetcher curl_fetcher(FetchLimits limits) {
  return [limits](const HttpRequest& request) {
    if (!url_allowed(request.url)) throw ProviderError("OIDC: refused a non-https provider URL");
    try {
      const auto answer = net::send({.url = request.url,
                                     .headers = {"Accept: application/json"},
                                     .form_body = request.form_body,
                                     .basic_user = request.basic_user,
                                     .basic_password = request.basic_password},
                                    {.connect_timeout_ms = limits.connect_timeout_ms,
                                     .total_timeout_ms = limits.total_timeout_ms,
                                     .max_body_bytes = limits.max_body_bytes});
      return HttpResponse{answer.status, answer.body};
    } catch (const net::Error& e) {
      if (e.failure() == net::Failure::too_large) throw ProviderError("OIDC: the provider's answer is too large");
      throw ProviderError(std::string("OIDC: request to the provider failed: ") + e.what());
    }
  };
}

}  // namespace samspil::oidc
