// Single sign-on's service and store on both engines, with a provider faked in-process
// (local RSA key, injected fetcher): the state is single use and expires, users are mapped
// within the configured municipality only, guardians/disabled/unknown users are refused,
// and sign-ins and failures reach the sessions table and the access log.
#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "http/message.hpp"
#include "oidc/pkce.hpp"
#include "service/identity/oidc_login.hpp"
#include "storage/migrations.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::storage::testing {
namespace {

namespace sso = service::sso;
using nlohmann::json;

constexpr std::int64_t kNow = 1'800'000'000'000;  // ms
const std::string kIssuer = "https://idp.kommune.example";

std::string b64(const std::string& s) { return oidc::base64url_encode(s); }

std::string bn(EVP_PKEY* key, const char* name) {
  BIGNUM* v = nullptr;
  EVP_PKEY_get_bn_param(key, name, &v);
  std::string out(static_cast<std::size_t>(BN_num_bytes(v)), '\0');
  BN_bn2bin(v, reinterpret_cast<unsigned char*>(out.data()));
  BN_free(v);
  return b64(out);
}

// A provider in a lambda: discovery, JWKS, and a token endpoint that signs whatever claims
// the test set, with the nonce of the authorization request unless the test overrides it.
class FakeProvider {
 public:
  FakeProvider() : m_key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)), &EVP_PKEY_free) {}
  json claims;  // extra/overriding claims for the next ID token
  std::string nonce;

  oidc::Fetcher fetcher() {
    return [this](const oidc::HttpRequest& r) -> oidc::HttpResponse {
      if (r.url.ends_with("/.well-known/openid-configuration")) {
        return {200, json{{"issuer", kIssuer}, {"authorization_endpoint", kIssuer + "/auth"},
                          {"token_endpoint", kIssuer + "/token"}, {"jwks_uri", kIssuer + "/jwks"}}.dump()};
      }
      if (r.url.ends_with("/jwks")) {
        return {200, json{{"keys", {{{"kty", "RSA"}, {"kid", "k1"}, {"n", bn(m_key.get(), OSSL_PKEY_PARAM_RSA_N)},
                                     {"e", bn(m_key.get(), OSSL_PKEY_PARAM_RSA_E)}}}}}.dump()};
      }
      if (r.form_body.find("code=good") == std::string::npos) return {400, R"({"error":"invalid_grant"})"};
      json c{{"iss", kIssuer}, {"sub", "sub-1"}, {"aud", "samspil"}, {"iat", kNow / 1000}, {"exp", kNow / 1000 + 300},
             {"nonce", nonce}};
      c.update(claims);
      return {200, json{{"id_token", sign(c)}}.dump()};
    };
  }

 private:
  std::string sign(const json& claims) {
    const std::string input = b64(json{{"alg", "RS256"}, {"kid", "k1"}}.dump()) + "." + b64(claims.dump());
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get());
    std::size_t len = 0;
    EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()), input.size());
    std::string sig(len, '\0');
    EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(input.data()), input.size());
    return input + "." + b64(sig);
  }
  std::shared_ptr<EVP_PKEY> m_key;
};

class OidcLoginTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(*m_db, load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam()));
    auto lease = m_db->acquire();
    for (const char* t : {"ta", "tb"}) {
      lease->query("INSERT INTO tenants (id, name, created_at) VALUES ($1, $2, 1)",
                   {std::string(t), std::string("Kommune ") + t});
    }
    add_user("u-anna", "ta", "Anna@Kommune.example", "professional");
    add_user("u-bo", "tb", "bo@kommune.example", "professional");  // another municipality
    add_user("u-gitte", "ta", "gitte@kommune.example", "guardian");
    add_user("u-dan", "ta", "dan@kommune.example", "administrator");
    lease->query("UPDATE users SET disabled_at = 5 WHERE id = 'u-dan'");
    lease->query("UPDATE users SET oidc_subject = 'emp-17' WHERE id = 'u-anna'");
    sso::OidcSettings settings;
    settings.client = {.issuer = kIssuer, .client_id = "samspil", .client_secret = "s",
                       .redirect_uri = "https://samspil.example/log-ind/sso/callback"};
    settings.tenant = "Kommune ta";
    m_login = std::make_unique<sso::OidcLogin>(*m_db, settings, m_provider.fetcher());
    settings.user_claim = "sub";
    m_login_by_subject = std::make_unique<sso::OidcLogin>(*m_db, settings, m_provider.fetcher());
  }

  void add_user(const std::string& id, const std::string& tenant, const std::string& email, const std::string& role) {
    m_db->acquire()->query(
        "INSERT INTO users (id, tenant, email, display_name, password_hash, role, created_at) "
        "VALUES ($1, $2, $3, $4, NULL, $5, 1)",
        {id, tenant, email, std::string("Navn ") + id, role});
  }

  // begin() and the provider's half of the flow: returns the state the browser brings back.
  std::string begin(sso::OidcLogin& login, const std::string& return_to = "") {
    const std::string url = login.begin(return_to, kNow);
    std::map<std::string, std::string> params;
    for (const auto& name : {"state", "nonce", "code_challenge"}) {
      const auto at = url.find(std::string("&") + name + "=");
      EXPECT_NE(at, std::string::npos) << name;
      const auto start = at + std::string(name).size() + 2;
      params[name] = url.substr(start, url.find('&', start) - start);
    }
    m_provider.nonce = params["nonce"];
    return params["state"];
  }

  sso::Failure failure_of(const std::function<void()>& fn, std::string* detail = nullptr) {
    try {
      fn();
    } catch (const sso::Failed& f) {
      if (detail) *detail = f.detail;
      return f.failure;
    }
    ADD_FAILURE() << "no failure";
    return sso::Failure::no_tenant;
  }

  std::int64_t count(const std::string& sql) { return m_db->acquire()->query(sql).rows.at(0).integer(0); }

  FakeProvider m_provider;
  std::unique_ptr<sso::OidcLogin> m_login, m_login_by_subject;
};

TEST_P(OidcLoginTest, SignsInAStaffUserByEmailIntoAnOidcSession) {
  m_provider.claims = {{"email", "anna@kommune.example"}, {"email_verified", true}};
  const std::string state = begin(*m_login, "/sager?side=2");
  EXPECT_EQ(count("SELECT COUNT(*) FROM oidc_logins WHERE tenant = 'ta' AND used_at IS NULL"), 1);
  const auto signed_in = m_login->complete(state, "good", "req-1", kNow + 1000);
  EXPECT_EQ(signed_in.return_to, "/sager?side=2");
  EXPECT_FALSE(signed_in.session.token.empty());
  const auto rows = m_db->acquire()->query("SELECT user_id, tenant, auth_method, pending_second_factor FROM sessions").rows;
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), "u-anna");
  EXPECT_EQ(rows[0].text(1), "ta");
  EXPECT_EQ(rows[0].text(2), "oidc");
  EXPECT_EQ(rows[0].integer(3), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE tenant = 'ta' AND action = 'sign_in' AND actor_id = 'u-anna'"), 1);
  // Only a hash of the state is stored.
  EXPECT_EQ(count("SELECT COUNT(*) FROM oidc_logins WHERE state_hash = '" + state + "'"), 0);
}

TEST_P(OidcLoginTest, StateIsSingleUseAndExpires) {
  m_provider.claims = {{"email", "anna@kommune.example"}};
  const std::string state = begin(*m_login);
  m_login->complete(state, "good", "r", kNow);
  std::string detail;
  EXPECT_EQ(failure_of([&] { m_login->complete(state, "good", "r", kNow); }, &detail), sso::Failure::bad_state);
  EXPECT_EQ(detail, "replayed");
  EXPECT_EQ(failure_of([&] { m_login->complete("invented", "good", "r", kNow); }, &detail), sso::Failure::bad_state);
  EXPECT_EQ(detail, "unknown");
  const std::string late = begin(*m_login);
  EXPECT_EQ(failure_of([&] { m_login->complete(late, "good", "r", kNow + 10 * 60 * 1000); }, &detail),
            sso::Failure::bad_state);
  EXPECT_EQ(detail, "expired");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 1);
  // A refused code spends the state too: the next try must start over.
  const std::string refused = begin(*m_login);
  EXPECT_EQ(failure_of([&] { m_login->complete(refused, "bad", "r", kNow); }), sso::Failure::provider_error);
  EXPECT_EQ(failure_of([&] { m_login->complete(refused, "good", "r", kNow); }), sso::Failure::bad_state);
}

TEST_P(OidcLoginTest, MapsOnlyWithinTheConfiguredMunicipality) {
  m_provider.claims = {{"email", "bo@kommune.example"}};
  EXPECT_EQ(failure_of([&] { m_login->complete(begin(*m_login), "good", "r", kNow); }), sso::Failure::unknown_user);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 4) << "no user is created";
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE tenant = 'ta' AND action = 'sign_in_failed'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE tenant = 'tb'"), 0);
}

TEST_P(OidcLoginTest, RefusesGuardiansDisabledUsersAndUnverifiedAddresses) {
  m_provider.claims = {{"email", "gitte@kommune.example"}};
  EXPECT_EQ(failure_of([&] { m_login->complete(begin(*m_login), "good", "r", kNow); }), sso::Failure::guardian);
  m_provider.claims = {{"email", "dan@kommune.example"}};
  EXPECT_EQ(failure_of([&] { m_login->complete(begin(*m_login), "good", "r", kNow); }), sso::Failure::disabled_user);
  m_provider.claims = {{"email", "anna@kommune.example"}, {"email_verified", false}};
  EXPECT_EQ(failure_of([&] { m_login->complete(begin(*m_login), "good", "r", kNow); }), sso::Failure::claim_missing);
  m_provider.claims = json::object();
  EXPECT_EQ(failure_of([&] { m_login->complete(begin(*m_login), "good", "r", kNow); }), sso::Failure::claim_missing);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_failed'"), 4);
}

TEST_P(OidcLoginTest, ReportsTheTokenCheckThatFailed) {
  m_provider.claims = {{"email", "anna@kommune.example"}, {"aud", "someone-else"}};
  std::string detail;
  EXPECT_EQ(failure_of([&] { m_login->complete(begin(*m_login), "good", "r", kNow); }, &detail),
            sso::Failure::token_refused);
  EXPECT_EQ(detail, "wrong_audience");
  m_provider.claims = {{"email", "anna@kommune.example"}};
  const std::string state = begin(*m_login);
  m_provider.nonce = "from-another-login";
  EXPECT_EQ(failure_of([&] { m_login->complete(state, "good", "r", kNow); }, &detail), sso::Failure::token_refused);
  EXPECT_EQ(detail, "nonce_mismatch");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
}

TEST_P(OidcLoginTest, MapsBySubjectWhenConfigured) {
  m_provider.claims = {{"sub", "emp-17"}, {"email", "somebody@else.example"}};
  m_login_by_subject->complete(begin(*m_login_by_subject), "good", "r", kNow);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions WHERE user_id = 'u-anna'"), 1);
  m_provider.claims = {{"sub", "anna@kommune.example"}};
  EXPECT_EQ(failure_of([&] { m_login_by_subject->complete(begin(*m_login_by_subject), "good", "r", kNow); }),
            sso::Failure::unknown_user);
}

TEST_P(OidcLoginTest, UnknownMunicipalityIsRefusedAtTheStart) {
  sso::OidcSettings settings;
  settings.client = {.issuer = kIssuer, .client_id = "samspil", .client_secret = "s", .redirect_uri = "https://x/cb"};
  settings.tenant = "Kommune zz";
  sso::OidcLogin login(*m_db, settings, m_provider.fetcher());
  EXPECT_EQ(failure_of([&] { login.begin("", kNow); }), sso::Failure::no_tenant);
  EXPECT_EQ(count("SELECT COUNT(*) FROM oidc_logins"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, OidcLoginTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql), engine_name);

}  // namespace
}  // namespace samspil::storage::testing
