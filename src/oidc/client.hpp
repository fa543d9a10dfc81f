#pragma once
// The relying party towards one provider: discovery (once, lazily, retried after a failure),
// the authorization URL, the code exchange (client_secret_basic, PKCE) and the ID-token
// check against the provider's keys. Thread-safe; one instance per configured provider.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "oidc/fetch.hpp"
#include "oidc/id_token.hpp"
#include "oidc/keys.hpp"

namespace samspil::oidc {

struct ClientConfig {
  std::string issuer;  // exactly as the provider's discovery document states it
  std::string client_id;
  std::string client_secret;
  std::string redirect_uri;
  std::vector<std::string> allowed_algorithms{"RS256", "ES256"};
  std::int64_t skew_seconds = 60;
  std::int64_t jwks_refetch_interval_ms = 60'000;
};

struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
};

// Fetches <issuer>/.well-known/openid-configuration and checks that its issuer is exactly
// the configured one and that every endpoint is an allowed URL; throws ProviderError.
ProviderMetadata discover(const Fetcher& fetch, const std::string& issuer);

// What the code exchange gave: a valid ID token's claims, or why not.
struct Redeemed {
  std::optional<TokenError> token_error;  // set when the ID token was refused
  nlohmann::json claims;
};

class Client {
 public:
  Client(ClientConfig config, Fetcher fetch);
  // The authorization request URL (code flow, scope "openid email profile", S256 PKCE).
  std::string authorization_url(const std::string& state, const std::string& nonce,
                                const std::string& code_challenge);
  // Exchanges the code at the token endpoint and verifies the ID token; throws
  // ProviderError when the provider fails or refuses the code.
  Redeemed redeem(const std::string& code, const std::string& code_verifier, const std::string& nonce,
                  std::int64_t now_ms);
  const ClientConfig& config() const { return m_config; }

 private:
  std::shared_ptr<const ProviderMetadata> metadata();

  ClientConfig m_config;
  Fetcher m_fetch;
  std::mutex m_mutex;
  std::shared_ptr<const ProviderMetadata> m_metadata;
  std::unique_ptr<KeySet> m_keys;
};

}  // namespace samspil::oidc
