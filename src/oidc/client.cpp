#include "oidc/client.hpp"

#include <nlohmann/json.hpp>

#include "net/percent_encoding.hpp"

namespace samspil::oidc {

namespace {

std::string required_url(const nlohmann::json& doc, const char* name) {
  const auto it = doc.find(name);
  if (it == doc.end() || !it->is_string() || !url_allowed(it->get<std::string>())) {
    throw ProviderError(std::string("OIDC: discovery document lacks a usable ") + name);
  }
  return it->get<std::string>();
}

}  // namespace

ProviderMetadata discover(const Fetcher& fetch, const std::string& issuer) {
  std::string base = issuer;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const HttpResponse response = fetch({.url = base + "/.well-known/openid-configuration"});
  if (response.status != 200) throw ProviderError("OIDC: discovery answered " + std::to_string(response.status));
  const auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (!doc.is_object()) throw ProviderError("OIDC: the discovery document is not a JSON object");
  const auto iss = doc.find("issuer");
  if (iss == doc.end() || !iss->is_string() || iss->get<std::string>() != issuer) {
    throw ProviderError("OIDC: the discovery document names another issuer than the configured one");
  }
  return ProviderMetadata{issuer, required_url(doc, "authorization_endpoint"), required_url(doc, "token_endpoint"),
                          required_url(doc, "jwks_uri")};
}

Client::Client(ClientConfig config, Fetcher fetch) : m_config(std::move(config)), m_fetch(std::move(fetch)) {}

std::shared_ptr<const ProviderMetadata> Client::metadata() {
  std::lock_guard lock(m_mutex);
  // Discovered once; a failure is not cached, so the next log-in tries again.
  if (!m_metadata) {
    auto metadata = std::make_shared<const ProviderMetadata>(discover(m_fetch, m_config.issuer));
    m_keys = std::make_unique<KeySet>(m_fetch, metadata->jwks_uri, m_config.jwks_refetch_interval_ms);
    m_metadata = std::move(metadata);
  }
  return m_metadata;
}

std::string Client::authorization_url(const std::string& state, const std::string& nonce,
                                      const std::string& code_challenge) {
  const auto meta = metadata();
  const char separator = meta->authorization_endpoint.find('?') == std::string::npos ? '?' : '&';
  return meta->authorization_endpoint + separator + "response_type=code&client_id=" + net::percent_encode(m_config.client_id) +
         "&redirect_uri=" + net::percent_encode(m_config.redirect_uri) + "&scope=" + net::percent_encode("openid email profile") +
         "&state=" + net::percent_encode(state) + "&nonce=" + net::percent_encode(nonce) +
         "&code_challenge=" + net::percent_encode(code_challenge) + "&code_challenge_method=S256";
}

Redeemed Client::redeem(const std::string& code, const std::string& code_verifier, const std::string& nonce,
                        std::int64_t now_ms) {
  const auto meta = metadata();
  // client_secret_basic (RFC 6749 2.3.1): id and secret are form-encoded before Basic.
  const HttpResponse response =
      m_fetch({.url = meta->token_endpoint,
               .form_body = "grant_type=authorization_code&code=" + net::percent_encode(code) +
                            "&redirect_uri=" + net::percent_encode(m_config.redirect_uri) +
                            "&code_verifier=" + net::percent_encode(code_verifier),
               .basic_user = net::percent_encode(m_config.client_id),
               .basic_password = net::percent_encode(m_config.client_secret)});
  if (response.status != 200) throw ProviderError("OIDC: the token endpoint answered " + std::to_string(response.status));
  const auto doc = nlohmann::json::parse(response.body, nullptr, false);
  const auto id_token = doc.is_object() ? doc.find("id_token") : doc.end();
  if (!doc.is_object() || id_token == doc.end() || !id_token->is_string()) {
    throw ProviderError("OIDC: the token response has no id_token");
  }
  const VerifyOptions options{m_config.issuer, m_config.client_id, m_config.allowed_algorithms, m_config.skew_seconds};
  KeySet* keys = m_keys.get();
  const auto lookup = [keys, now_ms](const std::string& kid, std::string_view kty) {
    return keys->find(kid, kty, now_ms);
  };
  auto result = verify_id_token(id_token->get<std::string>(), options, lookup, nonce, now_ms / 1000);
  return Redeemed{result.error, std::move(result.claims)};
}

}  // namespace samspil::oidc
