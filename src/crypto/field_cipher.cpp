#include "crypto/field_cipher.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "crypto/random.hpp"

namespace samspil::crypto {

namespace {

constexpr std::string_view kPrefix = "v1:";

std::string to_base64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::vector<unsigned char>> from_base64(std::string_view text) {
  std::vector<unsigned char> out(text.size());
  std::size_t size = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \t\r\n", &size, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(size);
  return out;
}

}  // namespace

FieldCipher::FieldCipher(std::string_view key) {
  ensure_initialised();
  if (key.size() != 32) throw std::invalid_argument("the field encryption key must be 32 bytes");
  const auto* master = reinterpret_cast<const unsigned char*>(key.data());
  // Separate sub-keys: a hash never reveals anything about the encryption key's use.
  crypto_kdf_derive_from_key(m_encryption_key, sizeof m_encryption_key, 1, "samspil_", master);
  crypto_kdf_derive_from_key(m_hash_key, sizeof m_hash_key, 2, "samspil_", master);
}

FieldCipher::~FieldCipher() {
  sodium_memzero(m_encryption_key, sizeof m_encryption_key);
  sodium_memzero(m_hash_key, sizeof m_hash_key);
}

std::string FieldCipher::seal(std::string_view plaintext) const {
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size());
  unsigned char* nonce = box.data();
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        plaintext.size(), nonce, m_encryption_key);
  return std::string(kPrefix) + to_base64(box.data(), box.size());
}

std::optional<std::string> FieldCipher::open(std::string_view sealed) const {
  if (sealed.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const auto box = from_base64(sealed.substr(kPrefix.size()));
  if (!box || box->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  std::string plain(box->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), box->data() + crypto_secretbox_NONCEBYTES,
                                 box->size() - crypto_secretbox_NONCEBYTES, box->data(), m_encryption_key) != 0) {
    return std::nullopt;
  }
  return plain;
}

std::string FieldCipher::keyed_hash(std::string_view value) const {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(value.data()), value.size(),
                     m_hash_key, sizeof m_hash_key);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string FieldCipher::generate_key_base64() {
  ensure_initialised();
  unsigned char key[32];
  randombytes_buf(key, sizeof key);
  std::string out = to_base64(key, sizeof key);
  sodium_memzero(key, sizeof key);
  return out;
}

std::optional<std::string> FieldCipher::decode_key_base64(std::string_view text) {
  ensure_initialised();
  auto bytes = from_base64(text);
  if (!bytes || bytes->size() != 32) return std::nullopt;
  return std::string(bytes->begin(), bytes->end());
}

}  // namespace samspil::crypto
