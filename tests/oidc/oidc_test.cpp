// ID-token verification with keys made here by OpenSSL: each claim check, each algorithm
// rule, both key types, and key rotation through the JWKS cache (an injected fetcher).
#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "oidc/client.hpp"
#include "oidc/encoding.hpp"
#include "oidc/fetch.hpp"
#include "oidc/id_token.hpp"
#include "oidc/keys.hpp"
#include "oidc/pkce.hpp"

namespace oidc = samspil::oidc;
using nlohmann::json;

namespace {

constexpr std::int64_t kNow = 1'800'000'000;  // seconds
const std::string kIssuer = "https://login.kommune.example";
const std::string kClient = "samspil";

using Key = std::shared_ptr<EVP_PKEY>;

Key rsa_key() { return Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)), &EVP_PKEY_free); }
Key ec_key() { return Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), &EVP_PKEY_free); }

std::string bn_param(EVP_PKEY* key, const char* name, int pad_to = 0) {
  BIGNUM* bn = nullptr;
  EXPECT_EQ(EVP_PKEY_get_bn_param(key, name, &bn), 1);
  std::string out(static_cast<std::size_t>(std::max(BN_num_bytes(bn), pad_to)), '\0');
  BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(out.size()));
  BN_free(bn);
  return oidc::base64url_encode(out);
}

json public_jwk(EVP_PKEY* key, const std::string& kid, const std::string& alg) {
  if (EVP_PKEY_is_a(key, "RSA")) {
    return {{"kty", "RSA"}, {"kid", kid}, {"alg", alg}, {"use", "sig"},
            {"n", bn_param(key, OSSL_PKEY_PARAM_RSA_N)}, {"e", bn_param(key, OSSL_PKEY_PARAM_RSA_E)}};
  }
  return {{"kty", "EC"}, {"kid", kid}, {"alg", alg}, {"crv", "P-256"},
          {"x", bn_param(key, OSSL_PKEY_PARAM_EC_PUB_X, 32)}, {"y", bn_param(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32)}};
}

std::string sign_sha256(EVP_PKEY* key, const std::string& input) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EXPECT_EQ(EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key), 1);
  std::size_t len = 0;
  EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  std::string sig(len, '\0');
  EXPECT_EQ(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                           reinterpret_cast<const unsigned char*>(input.data()), input.size()), 1);
  sig.resize(len);
  if (!EVP_PKEY_is_a(key, "EC")) return sig;
  // DER ECDSA-Sig-Value -> JWS r||s.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(sig.data());
  ECDSA_SIG* parsed = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(parsed), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(parsed), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
  ECDSA_SIG_free(parsed);
  return raw;
}

json good_claims() {
  return {{"iss", kIssuer}, {"sub", "user-1"}, {"aud", kClient}, {"exp", kNow + 300},
          {"iat", kNow - 10}, {"nonce", "n-123"}, {"email", "anna@kommune.example"}};
}

std::string make_token(EVP_PKEY* key, const json& header, const json& claims) {
  const std::string input = oidc::base64url_encode(header.dump()) + "." + oidc::base64url_encode(claims.dump());
  return input + "." + oidc::base64url_encode(key ? sign_sha256(key, input) : std::string());
}

// A JWKS "endpoint" whose document the test can change, counting fetches.
struct FakeJwks {
  json keys = json::array();
  int fetches = 0;
  oidc::Fetcher fetcher() {
    return [this](const oidc::HttpRequest& request) {
      EXPECT_EQ(request.url, kIssuer + "/jwks");
      ++fetches;
      return oidc::HttpResponse{200, json{{"keys", keys}}.dump()};
    };
  }
};

class OidcVerifier : public ::testing::Test {
 protected:
  void SetUp() override {
    rsa = rsa_key();
    ec = ec_key();
    jwks.keys = json::array({public_jwk(rsa.get(), "rsa-1", "RS256"), public_jwk(ec.get(), "ec-1", "ES256")});
    keyset = std::make_unique<oidc::KeySet>(jwks.fetcher(), kIssuer + "/jwks", 60'000);
  }
  oidc::VerifyResult verify(const std::string& token, std::int64_t now = kNow, const std::string& nonce = "n-123") {
    const auto lookup = [this, now](const std::string& kid, std::string_view kty) {
      return keyset->find(kid, kty, now * 1000);
    };
    return oidc::verify_id_token(token, options, lookup, nonce, now);
  }
  std::string rs256(const json& claims, const std::string& kid = "rsa-1") {
    return make_token(rsa.get(), {{"alg", "RS256"}, {"kid", kid}, {"typ", "JWT"}}, claims);
  }
  std::optional<oidc::TokenError> error_of(const std::string& token) { return verify(token).error; }

  Key rsa, ec;
  FakeJwks jwks;
  std::unique_ptr<oidc::KeySet> keyset;
  oidc::VerifyOptions options{kIssuer, kClient, {"RS256", "ES256"}, 60};
};

TEST_F(OidcVerifier, AcceptsAValidRs256Token) {
  const auto result = verify(rs256(good_claims()));
  ASSERT_TRUE(result.ok()) << oidc::token_error_code(*result.error);
  EXPECT_EQ(result.claims["email"], "anna@kommune.example");
}

TEST_F(OidcVerifier, AcceptsAValidEs256Token) {
  const auto token = make_token(ec.get(), {{"alg", "ES256"}, {"kid", "ec-1"}}, good_claims());
  const auto result = verify(token);
  ASSERT_TRUE(result.ok()) << oidc::token_error_code(*result.error);
}

TEST_F(OidcVerifier, RefusesAnAlteredSignatureOrPayload) {
  std::string token = rs256(good_claims());
  std::string flipped = token;
  flipped[flipped.size() - 5] = flipped[flipped.size() - 5] == 'A' ? 'B' : 'A';
  EXPECT_EQ(error_of(flipped), oidc::TokenError::bad_signature);
  // Same signature over other claims (another user's e-mail).
  json other = good_claims();
  other["email"] = "mallory@kommune.example";
  const auto dot1 = token.find('.');
  const auto dot2 = token.rfind('.');
  const std::string swapped = token.substr(0, dot1 + 1) + oidc::base64url_encode(other.dump()) + token.substr(dot2);
  EXPECT_EQ(error_of(swapped), oidc::TokenError::bad_signature);
  // An ES256 token signed by a key that is not the provider's.
  auto stranger = ec_key();
  EXPECT_EQ(error_of(make_token(stranger.get(), {{"alg", "ES256"}, {"kid", "ec-1"}}, good_claims())),
            oidc::TokenError::bad_signature);
}

TEST_F(OidcVerifier, RefusesAlgorithmsOutsideTheAllowList) {
  EXPECT_EQ(error_of(make_token(nullptr, {{"alg", "none"}}, good_claims())), oidc::TokenError::algorithm_not_allowed);
  // HS256 keyed with the RSA public key's bytes: the classic algorithm-confusion attack.
  const json header{{"alg", "HS256"}, {"kid", "rsa-1"}};
  const std::string input = oidc::base64url_encode(header.dump()) + "." + oidc::base64url_encode(good_claims().dump());
  unsigned char mac[32];
  unsigned int mac_len = 0;
  const std::string secret = jwks.keys[0]["n"];
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(input.data()),
       input.size(), mac, &mac_len);
  EXPECT_EQ(error_of(input + "." + oidc::base64url_encode(std::string(reinterpret_cast<char*>(mac), mac_len))),
            oidc::TokenError::algorithm_not_allowed);
  EXPECT_EQ(error_of(make_token(rsa.get(), {{"alg", "RS512"}, {"kid", "rsa-1"}}, good_claims())),
            oidc::TokenError::algorithm_not_allowed);
  // Configuration narrows the list: ES256 only refuses a valid RS256 token.
  options.allowed_algorithms = {"ES256"};
  EXPECT_EQ(error_of(rs256(good_claims())), oidc::TokenError::algorithm_not_allowed);
  // "HS256" in the configuration still never passes.
  options.allowed_algorithms = {"HS256"};
  EXPECT_EQ(error_of(input + ".AAAA"), oidc::TokenError::algorithm_not_allowed);
}

TEST_F(OidcVerifier, RefusesAKeyOfAnotherTypeThanTheAlgorithm) {
  // Header says RS256 but names the EC key.
  EXPECT_EQ(error_of(rs256(good_claims(), "ec-1")), oidc::TokenError::key_mismatch);
  // A published alg that differs from the header's.
  jwks.keys[0]["alg"] = "PS256";
  keyset = std::make_unique<oidc::KeySet>(jwks.fetcher(), kIssuer + "/jwks", 60'000);
  EXPECT_EQ(error_of(rs256(good_claims())), oidc::TokenError::key_mismatch);
}

TEST_F(OidcVerifier, ChecksEachClaim) {
  auto with = [](const char* name, json value) {
    json c = good_claims();
    c[name] = std::move(value);
    return c;
  };
  auto without = [](const char* name) {
    json c = good_claims();
    c.erase(name);
    return c;
  };
  EXPECT_EQ(error_of(rs256(with("iss", kIssuer + "/"))), oidc::TokenError::wrong_issuer);
  EXPECT_EQ(error_of(rs256(with("aud", "another-client"))), oidc::TokenError::wrong_audience);
  EXPECT_EQ(error_of(rs256(with("aud", json::array({"another", "third"})))), oidc::TokenError::wrong_audience);
  EXPECT_EQ(error_of(rs256(with("aud", json::array({kClient, "another"})))), oidc::TokenError::wrong_authorized_party);
  json several = with("aud", json::array({kClient, "another"}));
  several["azp"] = kClient;
  EXPECT_TRUE(verify(rs256(several)).ok());
  several["azp"] = "another";
  EXPECT_EQ(error_of(rs256(several)), oidc::TokenError::wrong_authorized_party);
  EXPECT_EQ(error_of(rs256(with("exp", kNow - 61))), oidc::TokenError::expired);
  EXPECT_TRUE(verify(rs256(with("exp", kNow - 59))).ok()) << "within the clock skew";
  EXPECT_EQ(error_of(rs256(with("iat", kNow + 61))), oidc::TokenError::issued_in_future);
  EXPECT_TRUE(verify(rs256(with("iat", kNow + 59))).ok());
  EXPECT_EQ(error_of(rs256(with("nonce", "other"))), oidc::TokenError::nonce_mismatch);
  EXPECT_EQ(error_of(rs256(without("nonce"))), oidc::TokenError::nonce_mismatch);
  EXPECT_EQ(verify(rs256(good_claims()), kNow, "").error, oidc::TokenError::nonce_mismatch);
  for (const char* name : {"iss", "sub", "aud", "exp", "iat"}) {
    EXPECT_EQ(error_of(rs256(without(name))), oidc::TokenError::missing_claim) << name;
  }
  EXPECT_EQ(error_of(rs256(with("exp", "tomorrow"))), oidc::TokenError::missing_claim);
}

TEST_F(OidcVerifier, SkewIsConfigurable) {
  options.skew_seconds = 0;
  json c = good_claims();
  c["exp"] = kNow;
  EXPECT_EQ(error_of(rs256(c)), oidc::TokenError::expired);
  c["exp"] = kNow + 1;
  EXPECT_TRUE(verify(rs256(c)).ok());
}

TEST_F(OidcVerifier, RefusesMalformedTokens) {
  for (const std::string token : {"", "abc", "a.b", "a.b.c.d", "!!.e30.", "e30.e30.!!", "W10.e30.AA"}) {
    EXPECT_EQ(error_of(token), oidc::TokenError::malformed) << token;
  }
}

TEST_F(OidcVerifier, KeyRotationRefetchesOnceForAnUnknownKid) {
  EXPECT_TRUE(verify(rs256(good_claims())).ok());
  EXPECT_EQ(jwks.fetches, 1);
  EXPECT_TRUE(verify(rs256(good_claims())).ok());
  EXPECT_EQ(jwks.fetches, 1) << "keys are cached";

  // The provider rotates to a new key; the first token with its kid triggers a refetch.
  auto rotated = rsa_key();
  jwks.keys = json::array({public_jwk(rotated.get(), "rsa-2", "RS256")});
  const auto token = make_token(rotated.get(), {{"alg", "RS256"}, {"kid", "rsa-2"}}, good_claims());
  EXPECT_TRUE(verify(token, kNow + 61).ok());
  EXPECT_EQ(jwks.fetches, 2);

  // Unknown kids do not make the provider be asked on every token: once per interval.
  const auto forged = make_token(rotated.get(), {{"alg", "RS256"}, {"kid", "nope"}}, good_claims());
  EXPECT_EQ(verify(forged, kNow + 62).error, oidc::TokenError::unknown_key);
  EXPECT_EQ(verify(forged, kNow + 63).error, oidc::TokenError::unknown_key);
  EXPECT_EQ(jwks.fetches, 2);
  EXPECT_EQ(verify(forged, kNow + 122).error, oidc::TokenError::unknown_key);
  EXPECT_EQ(jwks.fetches, 3);
  // The old key is gone after rotation.
  EXPECT_EQ(verify(rs256(good_claims()), kNow + 123).error, oidc::TokenError::unknown_key);
}

TEST(OidcJwks, SkipsUnusableKeys) {
  auto rsa = rsa_key();
  auto small = Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(1024)), &EVP_PKEY_free);
  json keys = json::array({public_jwk(rsa.get(), "ok", "RS256"), public_jwk(small.get(), "small", "RS256"),
                           {{"kty", "oct"}, {"k", "c2VjcmV0"}, {"kid", "hmac"}},
                           {{"kty", "EC"}, {"crv", "P-384"}, {"x", "AA"}, {"y", "AA"}, {"kid", "p384"}},
                           {{"kty", "EC"}, {"crv", "P-256"}, {"x", std::string(43, 'A')}, {"y", std::string(43, 'A')}}});
  json enc = public_jwk(rsa.get(), "enc", "RSA-OAEP");
  enc["use"] = "enc";
  keys.push_back(enc);
  const auto parsed = oidc::parse_jwks(json{{"keys", keys}}.dump());
  ASSERT_EQ(parsed.size(), 1u);
  EXPECT_EQ(parsed[0].kid, "ok");
  EXPECT_THROW(oidc::parse_jwks("{\"nokeys\":1}"), oidc::ProviderError);
}

TEST(OidcFetch, OnlyHttpsOrLoopback) {
  EXPECT_TRUE(oidc::url_allowed("https://login.example"));
  EXPECT_TRUE(oidc::url_allowed("http://127.0.0.1:8080/x"));
  EXPECT_TRUE(oidc::url_allowed("http://localhost/x"));
  EXPECT_FALSE(oidc::url_allowed("http://login.example"));
  EXPECT_FALSE(oidc::url_allowed("http://127.0.0.1.evil.example/"));
  EXPECT_FALSE(oidc::url_allowed("http://localhost.evil.example/"));
  EXPECT_FALSE(oidc::url_allowed("file:///etc/passwd"));
  EXPECT_THROW(oidc::curl_fetcher()({.url = "http://login.example/"}), oidc::ProviderError);
}

TEST(OidcDiscovery, IssuerMustMatchExactly) {
  auto answer = [](json doc) {
    return [doc](const oidc::HttpRequest& r) {
      EXPECT_EQ(r.url, kIssuer + "/.well-known/openid-configuration");
      return oidc::HttpResponse{200, doc.dump()};
    };
  };
  const json good{{"issuer", kIssuer}, {"authorization_endpoint", kIssuer + "/auth"},
                  {"token_endpoint", kIssuer + "/token"}, {"jwks_uri", kIssuer + "/jwks"}};
  EXPECT_EQ(oidc::discover(answer(good), kIssuer).token_endpoint, kIssuer + "/token");
  json other = good;
  other["issuer"] = "https://evil.example";
  EXPECT_THROW(oidc::discover(answer(other), kIssuer), oidc::ProviderError);
  json plain = good;
  plain["token_endpoint"] = "http://login.kommune.example/token";
  EXPECT_THROW(oidc::discover(answer(plain), kIssuer), oidc::ProviderError);
}

TEST(OidcClient, AuthorizationUrlAndCodeExchange) {
  auto rsa = rsa_key();
  std::string token_request_body, token_user, token_password;
  std::string id_token = make_token(rsa.get(), {{"alg", "RS256"}, {"kid", "k"}}, good_claims());
  oidc::Fetcher fetch = [&](const oidc::HttpRequest& r) -> oidc::HttpResponse {
    if (r.url.ends_with("/.well-known/openid-configuration")) {
      return {200, json{{"issuer", kIssuer}, {"authorization_endpoint", kIssuer + "/auth"},
                        {"token_endpoint", kIssuer + "/token"}, {"jwks_uri", kIssuer + "/jwks"}}.dump()};
    }
    if (r.url.ends_with("/jwks")) return {200, json{{"keys", {public_jwk(rsa.get(), "k", "RS256")}}}.dump()};
    token_request_body = r.form_body;
    token_user = r.basic_user;
    token_password = r.basic_password;
    return {200, json{{"id_token", id_token}, {"token_type", "Bearer"}}.dump()};
  };
  oidc::Client client({.issuer = kIssuer, .client_id = kClient, .client_secret = "s3cret:x",
                       .redirect_uri = "https://samspil.example/log-ind/sso/callback"}, fetch);
  const auto url = client.authorization_url("st", "n-123", oidc::s256_challenge("verifier"));
  EXPECT_EQ(url.rfind(kIssuer + "/auth?response_type=code&client_id=samspil&redirect_uri=https%3A%2F%2Fsamspil", 0), 0u);
  EXPECT_NE(url.find("scope=openid%20email%20profile"), std::string::npos);
  EXPECT_NE(url.find("code_challenge_method=S256"), std::string::npos);
  const auto redeemed = client.redeem("the-code", "verifier", "n-123", kNow * 1000);
  EXPECT_FALSE(redeemed.token_error);
  EXPECT_EQ(redeemed.claims["sub"], "user-1");
  EXPECT_NE(token_request_body.find("grant_type=authorization_code&code=the-code"), std::string::npos);
  EXPECT_NE(token_request_body.find("code_verifier=verifier"), std::string::npos);
  EXPECT_EQ(token_user, "samspil");
  EXPECT_EQ(token_password, "s3cret%3Ax");
  EXPECT_EQ(client.redeem("the-code", "verifier", "other-nonce", kNow * 1000).token_error,
            oidc::TokenError::nonce_mismatch);
}

}  // namespace
