#pragma once
// Encryption at rest for sensitive fields (CPR numbers, notes about a child, TOTP secrets):
// libsodium's XSalsa20-Poly1305 secretbox with a random nonce per value, and a keyed
// BLAKE2b hash for exact-match lookup (e.g. find a child by CPR) without decrypting.
// The 32-byte key comes from the deployment (a file or env), never from the database.
#include <optional>
#include <string>
#include <string_view>

namespace samspil::crypto {

class FieldCipher {
 public:
  // key: exactly 32 raw bytes; throws std::invalid_argument otherwise. Sub-keys for
  // encryption and hashing are derived from it, so one secret serves both.
  explicit FieldCipher(std::string_view key);
  ~FieldCipher();
  FieldCipher(const FieldCipher&) = delete;
  FieldCipher& operator=(const FieldCipher&) = delete;

  // Encrypts; returns "v1:" + base64(nonce || ciphertext).
  std::string seal(std::string_view plaintext) const;
  // Decrypts a value made by seal(); nullopt when it was tampered with or the key differs.
  std::optional<std::string> open(std::string_view sealed) const;
  // A keyed hash (hex) for lookups; equal inputs give equal hashes under one key.
  std::string keyed_hash(std::string_view value) const;

  // A new random key (32 bytes), base64-encoded, for `samspil` to write a key file.
  static std::string generate_key_base64();
  // Decodes a base64 key (whitespace trimmed); nullopt unless it is 32 bytes.
  static std::optional<std::string> decode_key_base64(std::string_view text);

 private:
  unsigned char m_encryption_key[32];
  unsigned char m_hash_key[32];
};

}  // namespace samspil::crypto
