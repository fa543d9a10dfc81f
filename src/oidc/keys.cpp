#include "oidc/keys.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <nlohmann/json.hpp>

#include "oidc/encoding.hpp"

namespace samspil::oidc {

namespace {

using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)>;
using Params = std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)>;
using Bignum = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

std::string member(const nlohmann::json& jwk, const char* name) {
  const auto it = jwk.find(name);
  return it != jwk.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::shared_ptr<EVP_PKEY> from_params(const char* type, OSSL_PARAM* params) {
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr),
                                                                    &EVP_PKEY_CTX_free);
  EVP_PKEY* key = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) <= 0) {
    return nullptr;
  }
  return std::shared_ptr<EVP_PKEY>(key, &EVP_PKEY_free);
}

std::shared_ptr<EVP_PKEY> rsa_key(const nlohmann::json& jwk) {
  const auto n = base64url_decode(member(jwk, "n"));
  const auto e = base64url_decode(member(jwk, "e"));
  if (!n || !e || n->empty() || e->empty()) return nullptr;
  // Below 2048 bits RSA is not acceptable for signatures any more.
  Bignum bn_n(BN_bin2bn(reinterpret_cast<const unsigned char*>(n->data()), static_cast<int>(n->size()), nullptr),
              &BN_free);
  Bignum bn_e(BN_bin2bn(reinterpret_cast<const unsigned char*>(e->data()), static_cast<int>(e->size()), nullptr),
              &BN_free);
  if (!bn_n || !bn_e || BN_num_bits(bn_n.get()) < 2048) return nullptr;
  ParamBld bld(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
  if (!bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) ||
      !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get())) {
    return nullptr;
  }
  Params params(OSSL_PARAM_BLD_to_param(bld.get()), &OSSL_PARAM_free);
  return params ? from_params("RSA", params.get()) : nullptr;
}

std::shared_ptr<EVP_PKEY> ec_p256_key(const nlohmann::json& jwk) {
  if (member(jwk, "crv") != "P-256") return nullptr;
  const auto x = base64url_decode(member(jwk, "x"));
  const auto y = base64url_decode(member(jwk, "y"));
  if (!x || !y || x->size() != 32 || y->size() != 32) return nullptr;
  // Uncompressed point encoding: 0x04 || X || Y. OpenSSL checks that it is on the curve.
  std::string point = "\x04" + *x + *y;
  ParamBld bld(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
  if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) ||
      !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size())) {
    return nullptr;
  }
  Params params(OSSL_PARAM_BLD_to_param(bld.get()), &OSSL_PARAM_free);
  return params ? from_params("EC", params.get()) : nullptr;
}

}  // namespace

std::vector<Jwk> parse_jwks(std::string_view json) {
  const auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array()) {
    throw ProviderError("OIDC: the JWKS document has no keys array");
  }
  std::vector<Jwk> keys;
  for (const auto& entry : doc["keys"]) {
    if (!entry.is_object()) continue;
    const std::string use = member(entry, "use");
    if (!use.empty() && use != "sig") continue;
    Jwk jwk{member(entry, "kid"), member(entry, "kty"), member(entry, "alg"), nullptr};
    if (jwk.kty == "RSA") jwk.key = rsa_key(entry);
    else if (jwk.kty == "EC") jwk.key = ec_p256_key(entry);
    if (jwk.key) keys.push_back(std::move(jwk));
  }
  return keys;
}

KeySet::KeySet(Fetcher fetch, std::string jwks_uri, std::int64_t refetch_interval_ms)
    : m_fetch(std::move(fetch)), m_uri(std::move(jwks_uri)), m_interval_ms(refetch_interval_ms) {}

std::shared_ptr<const Jwk> KeySet::lookup(const std::string& kid, std::string_view kty) const {
  for (const auto& key : m_keys) {
    if (kid.empty() ? key->kty == kty : key->kid == kid) return key;
  }
  return nullptr;
}

void KeySet::refresh(std::int64_t now_ms) {
  m_fetched = true;
  m_last_fetch_ms = now_ms;
  ++m_fetch_count;
  const HttpResponse response = m_fetch({.url = m_uri});
  if (response.status != 200) throw ProviderError("OIDC: the JWKS endpoint answered " + std::to_string(response.status));
  std::vector<std::shared_ptr<const Jwk>> keys;
  for (auto& jwk : parse_jwks(response.body)) keys.push_back(std::make_shared<const Jwk>(std::move(jwk)));
  m_keys = std::move(keys);
}

std::shared_ptr<const Jwk> KeySet::find(const std::string& kid, std::string_view kty, std::int64_t now_ms) {
  std::lock_guard lock(m_mutex);
  if (!m_fetched) {
    refresh(now_ms);
    return lookup(kid, kty);
  }
  if (auto key = lookup(kid, kty)) return key;
  if (now_ms - m_last_fetch_ms < m_interval_ms) return nullptr;
  refresh(now_ms);
  return lookup(kid, kty);
}

int KeySet::fetch_count() const {
  std::lock_guard lock(m_mutex);
  return m_fetch_count;
}

}  // namespace samspil::oidc
