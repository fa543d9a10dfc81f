#pragma once
// base64url decoding and SHA-256 helpers for JWTs and the stored OIDC state.
#include <optional>
#include <string>
#include <string_view>

namespace samspil::oidc {

// Decodes base64url without padding (as in JWTs and JWKs); nullopt on any invalid character.
std::optional<std::string> base64url_decode(std::string_view text);
// base64url(SHA-256(data)): how an OIDC state is stored, so a copy of the table is useless.
std::string sha256_base64url(std::string_view data);

}  // namespace samspil::oidc
