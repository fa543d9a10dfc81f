#include "crypto/password.hpp"

#include <sodium.h>

#include <stdexcept>
#include <string>

#include "crypto/random.hpp"

namespace samspil::crypto {

std::string hash_password(std::string_view passphrase) {
  ensure_initialised();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, passphrase.data(), passphrase.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(std::string_view stored_hash, std::string_view passphrase) {
  ensure_initialised();
  const std::string hash(stored_hash);  // crypto_pwhash_str_verify needs a NUL-terminated string
  return crypto_pwhash_str_verify(hash.c_str(), passphrase.data(), passphrase.size()) == 0;
}

}  // namespace samspil::crypto
