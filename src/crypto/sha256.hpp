#pragma once
// SHA-256 (libsodium) as lowercase hex: session/token hashes, the access log's hash chain.
#include <string>
#include <string_view>

namespace samspil::crypto {

// The SHA-256 digest of data as 64 lowercase hex characters.
std::string sha256_hex(std::string_view data);

}  // namespace samspil::crypto
