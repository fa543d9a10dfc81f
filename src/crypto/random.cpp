#include "crypto/random.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace samspil::crypto {

void ensure_initialised() {
  // sodium_init() is thread-safe and returns 1 when already initialised.
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string random_id() {
  ensure_initialised();
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  // Crockford-free lower-case RFC 4648 base32 alphabet: no padding, URL-safe, case-stable.
  static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out;
  out.reserve(26);
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out.push_back(alphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(alphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

std::string random_token() {
  ensure_initialised();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

}  // namespace samspil::crypto
