#pragma once
// The provider's signing keys (JWKS): RSA and EC P-256 public keys as OpenSSL EVP_PKEYs,
// cached by kid. An unknown kid triggers one refetch, at most once per interval, so a
// provider's key rotation is picked up without letting forged kids hammer the provider.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "oidc/fetch.hpp"

typedef struct evp_pkey_st EVP_PKEY;

namespace samspil::oidc {

struct Jwk {
  std::string kid;
  std::string kty;  // "RSA" or "EC"
  std::string alg;  // as published, "" when the provider leaves it out
  std::shared_ptr<EVP_PKEY> key;
};

// Parses a JWKS document; keys that are not RSA or EC P-256 signing keys are skipped.
// Throws ProviderError when the document itself is not a JWKS.
std::vector<Jwk> parse_jwks(std::string_view json);

class KeySet {
 public:
  // fetch is called with jwks_uri; refetch_interval_ms bounds refetches on unknown kids.
  KeySet(Fetcher fetch, std::string jwks_uri, std::int64_t refetch_interval_ms = 60'000);
  // The key for kid (any key matching kty when kid is empty), refetching once when it is
  // unknown and the interval has passed; nullptr when there is none.
  std::shared_ptr<const Jwk> find(const std::string& kid, std::string_view kty, std::int64_t now_ms);
  // How many times the JWKS was fetched (for tests and metrics).
  int fetch_count() const;

 private:
  std::shared_ptr<const Jwk> lookup(const std::string& kid, std::string_view kty) const;
  void refresh(std::int64_t now_ms);

  Fetcher m_fetch;
  std::string m_uri;
  std::int64_t m_interval_ms;
  mutable std::mutex m_mutex;
  std::vector<std::shared_ptr<const Jwk>> m_keys;
  bool m_fetched = false;
  std::int64_t m_last_fetch_ms = 0;
  int m_fetch_count = 0;
};

}  // namespace samspil::oidc
