#include "oidc/id_token.hpp"

#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include <algorithm>

#include "oidc/encoding.hpp"

namespace samspil::oidc {

namespace {

struct Parts {
  std::string signing_input;  // header.payload as sent
  nlohmann::json header;
  nlohmann::json payload;
  std::string signature;
};

std::optional<Parts> split(std::string_view token) {
  const auto first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) return std::nullopt;
  const auto header = base64url_decode(token.substr(0, first));
  const auto payload = base64url_decode(token.substr(first + 1, second - first - 1));
  const auto signature = base64url_decode(token.substr(second + 1));
  if (!header || !payload || !signature) return std::nullopt;
  Parts parts;
  parts.signing_input = std::string(token.substr(0, second));
  parts.header = nlohmann::json::parse(*header, nullptr, false);
  parts.payload = nlohmann::json::parse(*payload, nullptr, false);
  parts.signature = *signature;
  if (!parts.header.is_object() || !parts.payload.is_object()) return std::nullopt;
  return parts;
}

// JWS ES256 signatures are r||s (32 bytes each); OpenSSL verifies DER-encoded ECDSA-Sig-Value.
std::optional<std::string> es256_to_der(const std::string& raw) {
  if (raw.size() != 64) return std::nullopt;
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(ECDSA_SIG_new(), &ECDSA_SIG_free);
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  const int len = i2d_ECDSA_SIG(sig.get(), &der);
  if (len <= 0) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  return out;
}

bool verify_sha256(EVP_PKEY* key, const std::string& input, const std::string& signature) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  // For RSA keys the default padding is PKCS#1 v1.5, which RS256 is.
  return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
         EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
}

std::optional<std::int64_t> number_claim(const nlohmann::json& payload, const char* name) {
  const auto it = payload.find(name);
  if (it == payload.end() || !it->is_number()) return std::nullopt;
  return it->is_number_integer() ? it->get<std::int64_t>() : static_cast<std::int64_t>(it->get<double>());
}

}  // namespace

std::string_view token_error_code(TokenError error) {
  switch (error) {
    case TokenError::malformed: return "malformed";
    case TokenError::algorithm_not_allowed: return "algorithm_not_allowed";
    case TokenError::unknown_key: return "unknown_key";
    case TokenError::key_mismatch: return "key_mismatch";
    case TokenError::bad_signature: return "bad_signature";
    case TokenError::wrong_issuer: return "wrong_issuer";
    case TokenError::wrong_audience: return "wrong_audience";
    case TokenError::wrong_authorized_party: return "wrong_authorized_party";
    case TokenError::expired: return "expired";
    case TokenError::issued_in_future: return "issued_in_future";
    case TokenError::nonce_mismatch: return "nonce_mismatch";
    case TokenError::missing_claim: return "missing_claim";
  }
  return "unknown";
}

bool algorithm_supported(std::string_view alg) { return alg == "RS256" || alg == "ES256"; }

VerifyResult verify_id_token(std::string_view token, const VerifyOptions& options, const KeyLookup& keys,
                             std::string_view expected_nonce, std::int64_t now_seconds) {
  const auto fail = [](TokenError e) { return VerifyResult{e, {}}; };
  auto parts = split(token);
  if (!parts) return fail(TokenError::malformed);

  // 1. The algorithm: from the allow-list, and one this code can verify. "none" and the
  // HMAC family can never pass, whatever the configuration says.
  const auto alg_it = parts->header.find("alg");
  if (alg_it == parts->header.end() || !alg_it->is_string()) return fail(TokenError::malformed);
  const std::string alg = alg_it->get<std::string>();
  const auto& allowed = options.allowed_algorithms;
  if (!algorithm_supported(alg) || std::find(allowed.begin(), allowed.end(), alg) == allowed.end()) {
    return fail(TokenError::algorithm_not_allowed);
  }
  const std::string kty = alg == "RS256" ? "RSA" : "EC";

  // 2. The key: by kid, and its type (and published alg, if any) must fit the header.
  std::string kid;
  if (const auto it = parts->header.find("kid"); it != parts->header.end()) {
    if (!it->is_string()) return fail(TokenError::malformed);
    kid = it->get<std::string>();
  }
  const auto key = keys(kid, kty);
  if (!key) return fail(TokenError::unknown_key);
  if (key->kty != kty || (!key->alg.empty() && key->alg != alg)) return fail(TokenError::key_mismatch);

  // 3. The signature.
  std::string signature = parts->signature;
  if (alg == "ES256") {
    auto der = es256_to_der(signature);
    if (!der) return fail(TokenError::bad_signature);
    signature = std::move(*der);
  }
  if (!verify_sha256(key->key.get(), parts->signing_input, signature)) return fail(TokenError::bad_signature);

  // 4. The claims.
  const auto& claims = parts->payload;
  const auto iss = claims.find("iss");
  const auto sub = claims.find("sub");
  const auto aud = claims.find("aud");
  const auto exp = number_claim(claims, "exp");
  const auto iat = number_claim(claims, "iat");
  if (iss == claims.end() || !iss->is_string() || sub == claims.end() || !sub->is_string() || aud == claims.end() ||
      !exp || !iat) {
    return fail(TokenError::missing_claim);
  }
  if (iss->get<std::string>() != options.issuer) return fail(TokenError::wrong_issuer);
  std::vector<std::string> audiences;
  if (aud->is_string()) {
    audiences.push_back(aud->get<std::string>());
  } else if (aud->is_array()) {
    for (const auto& a : *aud) {
      if (!a.is_string()) return fail(TokenError::missing_claim);
      audiences.push_back(a.get<std::string>());
    }
  } else {
    return fail(TokenError::missing_claim);
  }
  if (std::find(audiences.begin(), audiences.end(), options.client_id) == audiences.end()) {
    return fail(TokenError::wrong_audience);
  }
  if (audiences.size() > 1 || claims.contains("azp")) {
    const auto azp = claims.find("azp");
    if (azp == claims.end() || !azp->is_string() || azp->get<std::string>() != options.client_id) {
      return fail(TokenError::wrong_authorized_party);
    }
  }
  if (*exp <= now_seconds - options.skew_seconds) return fail(TokenError::expired);
  if (*iat > now_seconds + options.skew_seconds) return fail(TokenError::issued_in_future);
  const auto nonce = claims.find("nonce");
  if (nonce == claims.end() || !nonce->is_string() || nonce->get<std::string>() != expected_nonce ||
      expected_nonce.empty()) {
    return fail(TokenError::nonce_mismatch);
  }
  return VerifyResult{std::nullopt, claims};
}

}  // namespace samspil::oidc
