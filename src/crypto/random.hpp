#pragma once
// Random identifiers and tokens from libsodium's CSPRNG.
#include <string>

namespace samspil::crypto {

// Initialises libsodium once; safe to call from any thread, any number of times.
void ensure_initialised();
// An opaque identifier for URLs and primary keys: 128 random bits, lower-case base32 (26 chars).
std::string random_id();
// A secret token (sessions, API tokens, reset links): 256 random bits, base64url without padding.
std::string random_token();

}  // namespace samspil::crypto
