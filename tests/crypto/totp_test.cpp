// TOTP against RFC 6238 Appendix B (SHA-1, 8 digits, secret "12345678901234567890") and
// RFC 4226 Appendix D (HOTP, 6 digits), plus base32 and the ±1-step window.
#include <gtest/gtest.h>

#include "crypto/totp.hpp"

namespace totp = samspil::crypto::totp;

namespace {
const std::string kSecret = "12345678901234567890";
}

TEST(Totp, Rfc6238Sha1Vectors) {
  EXPECT_EQ(totp::at(kSecret, 59, 8), "94287082");
  EXPECT_EQ(totp::at(kSecret, 1111111109, 8), "07081804");
  EXPECT_EQ(totp::at(kSecret, 1111111111, 8), "14050471");
  EXPECT_EQ(totp::at(kSecret, 1234567890, 8), "89005924");
  EXPECT_EQ(totp::at(kSecret, 2000000000, 8), "69279037");
  EXPECT_EQ(totp::at(kSecret, 20000000000, 8), "65353130");
}

TEST(Totp, Rfc4226HotpVectors) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (int i = 0; i < 10; ++i) EXPECT_EQ(totp::hotp(kSecret, static_cast<std::uint64_t>(i)), expected[i]) << i;
}

TEST(Totp, Base32RoundTripAndRfc4648Vectors) {
  EXPECT_EQ(totp::base32_encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(totp::base32_encode("f"), "MY");
  EXPECT_EQ(totp::base32_decode("mzxw 6ytb oi======").value(), "foobar");
  EXPECT_FALSE(totp::base32_decode("MZ1W").has_value());
  const std::string secret = totp::generate_secret();
  EXPECT_EQ(secret.size(), 20u);
  EXPECT_EQ(totp::base32_decode(totp::base32_encode(secret)).value(), secret);
  EXPECT_NE(totp::generate_secret(), secret);
}

TEST(Totp, MatchAcceptsOneStepEitherSideOnly) {
  const std::int64_t now = 1'700'000'000;
  const std::int64_t step = totp::step_of(now);
  EXPECT_EQ(totp::match(kSecret, totp::at(kSecret, now), now), step);
  EXPECT_EQ(totp::match(kSecret, totp::at(kSecret, now - 30), now), step - 1);
  EXPECT_EQ(totp::match(kSecret, totp::at(kSecret, now + 30), now), step + 1);
  EXPECT_FALSE(totp::match(kSecret, totp::at(kSecret, now - 60), now).has_value());
  EXPECT_FALSE(totp::match(kSecret, totp::at(kSecret, now + 60), now).has_value());
  EXPECT_FALSE(totp::match(kSecret, "12345", now).has_value());
  EXPECT_FALSE(totp::match(kSecret, "abcdef", now).has_value());
}

TEST(Totp, OtpauthUri) {
  EXPECT_EQ(totp::otpauth_uri("foobar", "Samspil Demo", "a@b.dk"),
            "otpauth://totp/Samspil%20Demo:a@b.dk?secret=MZXW6YTBOI&issuer=Samspil%20Demo&algorithm=SHA1&digits=6&period=30");
}
