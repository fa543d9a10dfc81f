#pragma once
// Password hashing with Argon2id (libsodium's crypto_pwhash_str, interactive limits).
#include <string>
#include <string_view>

namespace samspil::crypto {

// Hashes a passphrase into a self-describing Argon2id string ("$argon2id$v=19$…").
std::string hash_password(std::string_view passphrase);
// True when the passphrase matches the stored hash (constant-time comparison inside).
bool verify_password(std::string_view stored_hash, std::string_view passphrase);

}  // namespace samspil::crypto
