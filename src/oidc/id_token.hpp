#pragma once
// ID-token verification (OpenID Connect Core 3.1.3.7): a JWS compact token signed with an
// allow-listed asymmetric algorithm by one of the provider's keys, with issuer, audience,
// authorized party, expiry, issue time and nonce checked. Time is passed in.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "oidc/keys.hpp"

namespace samspil::oidc {

// Why a token was refused; each cause has its own code for logs and tests.
enum class TokenError {
  malformed,              // not three base64url parts of JSON objects
  algorithm_not_allowed,  // alg outside the allow-list ("none" and HS* never pass)
  unknown_key,            // no key with this kid at the provider
  key_mismatch,           // the key's kty/alg does not fit the header's alg
  bad_signature,
  wrong_issuer,
  wrong_audience,         // client_id is not among aud
  wrong_authorized_party, // several audiences and azp is not client_id
  expired,
  issued_in_future,
  nonce_mismatch,
  missing_claim,          // iss, sub, aud, exp or iat absent or of the wrong type
};

// The stable code for logs ("bad_signature", …).
std::string_view token_error_code(TokenError error);

struct VerifyOptions {
  std::string issuer;
  std::string client_id;
  std::vector<std::string> allowed_algorithms{"RS256", "ES256"};
  std::int64_t skew_seconds = 60;
};

// Finds the key for (kid, kty); nullptr when there is none. KeySet::find fits.
using KeyLookup = std::function<std::shared_ptr<const Jwk>(const std::string& kid, std::string_view kty)>;

struct VerifyResult {
  std::optional<TokenError> error;  // empty when the token is valid
  nlohmann::json claims;            // the payload (only when valid)
  bool ok() const { return !error; }
};

// The algorithms this verifier can check at all (RS256, ES256); configuration may narrow them.
bool algorithm_supported(std::string_view alg);

// Verifies the token's signature and claims at now_seconds (Unix time).
VerifyResult verify_id_token(std::string_view token, const VerifyOptions& options, const KeyLookup& keys,
                             std::string_view expected_nonce, std::int64_t now_seconds);

}  // namespace samspil::oidc
