#pragma once
// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 30-second steps,
// 6 digits, as authenticator apps expect. Secrets are random bytes, shown base32 (RFC 4648).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samspil::crypto::totp {

constexpr std::int64_t kStepSeconds = 30;

// A new random secret: 20 bytes (160 bits, RFC 4226's recommendation).
std::string generate_secret();
// Base32 (RFC 4648, upper case, no padding) of raw bytes.
std::string base32_encode(std::string_view bytes);
// Raw bytes of base32 text (case-insensitive; spaces and '=' ignored); nullopt if invalid.
std::optional<std::string> base32_decode(std::string_view text);
// The HOTP value for a counter, with `digits` digits (RFC 4226 §5.3).
std::string hotp(std::string_view secret, std::uint64_t counter, int digits = 6);
// The TOTP value at unix time t (seconds) with a given step and digit count (RFC 6238).
std::string at(std::string_view secret, std::int64_t unix_seconds, int digits = 6,
               std::int64_t step_seconds = kStepSeconds);
// The time step of unix time t.
std::int64_t step_of(std::int64_t unix_seconds);
// The step (now ±1) whose code equals `code`, comparing in constant time; nullopt if none.
// The caller refuses a step not newer than the last accepted one (no replay).
std::optional<std::int64_t> match(std::string_view secret, std::string_view code, std::int64_t unix_seconds);
// The otpauth:// URI authenticator apps read from a QR code.
std::string otpauth_uri(std::string_view secret, std::string_view issuer, std::string_view account);

}  // namespace samspil::crypto::totp
