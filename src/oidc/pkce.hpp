#pragma once
// PKCE (RFC 7636): the S256 code challenge for a code verifier.
#include <string>
#include <string_view>

namespace samspil::oidc {

// base64url(SHA-256(verifier)) without padding, as sent in code_challenge.
std::string s256_challenge(std::string_view code_verifier);
// base64url without padding of raw bytes (JWT segments, PKCE).
std::string base64url_encode(std::string_view bytes);

}  // namespace samspil::oidc
