#include "service/identity/oidc_login.hpp"

#include "crypto/random.hpp"
#include "oidc/encoding.hpp"
#include "oidc/pkce.hpp"
#include "service/audit/audit.hpp"
#include "storage/oidc_store.hpp"

namespace samspil::service::sso {

namespace {

constexpr const char* kPurpose = "Log-ind via SSO";

// Failures are recorded in the access log in their own transaction, so they stay even
// though the sign-in itself changes nothing.
void audit_failure(storage::Database& db, const std::string& tenant, const std::string& user_id,
                   const std::string& request_id, std::int64_t now_ms) {
  db.transaction([&](storage::Connection& conn) {
    audit::record_system(conn, tenant, "anonymous", user_id,
                         {audit::Action::sign_in_failed, "user", user_id, "", kPurpose, ""}, request_id, now_ms);
  });
}

}  // namespace

std::string_view failure_code(Failure failure) {
  switch (failure) {
    case Failure::bad_state: return "bad_state";
    case Failure::provider_error: return "provider_error";
    case Failure::token_refused: return "token_refused";
    case Failure::claim_missing: return "claim_missing";
    case Failure::unknown_user: return "unknown_user";
    case Failure::guardian: return "guardian";
    case Failure::disabled_user: return "disabled_user";
    case Failure::no_tenant: return "no_tenant";
  }
  return "unknown";
}

int Failed::status() const {
  switch (failure) {
    case Failure::unknown_user:
    case Failure::guardian:
    case Failure::disabled_user: return 403;
    default: return 400;
  }
}

sessions::Started sign_in_external(storage::Database& db, const std::string& tenant, const ExternalIdentity& identity,
                                   const std::string& request_id, std::int64_t now_ms, const sessions::Policy& policy) {
  const auto by = identity.by == ExternalIdentity::By::email ? storage::SsoLookup::email : storage::SsoLookup::subject;
  std::optional<Failed> failed;
  std::string failed_user;
  auto started = db.transaction([&](storage::Connection& conn) -> std::optional<sessions::Started> {
    const auto user = storage::find_sso_user(conn, tenant, by, identity.value);
    if (!user) {
      failed.emplace(Failure::unknown_user, "");
      return std::nullopt;
    }
    failed_user = user->id;
    if (user->role == "guardian") {
      failed.emplace(Failure::guardian, "");
      return std::nullopt;
    }
    if (user->disabled) {
      failed.emplace(Failure::disabled_user, "");
      return std::nullopt;
    }
    auto session = sessions::start(conn, tenant, user->id, identity.method, false, now_ms, policy);
    audit::record_system(conn, tenant, user->role, user->id,
                         {audit::Action::sign_in, "session", "", "", kPurpose, ""}, request_id, now_ms);
    return session;
  });
  if (!started) {
    audit_failure(db, tenant, failed_user, request_id, now_ms);
    throw *failed;
  }
  return *started;
}

OidcLogin::OidcLogin(storage::Database& db, OidcSettings settings, oidc::Fetcher fetch)
    : m_db(db), m_settings(std::move(settings)), m_client(m_settings.client, std::move(fetch)) {}

std::string OidcLogin::begin(const std::string& return_to, std::int64_t now_ms) {
  const std::string state = crypto::random_token();
  const std::string nonce = crypto::random_token();
  const std::string verifier = crypto::random_token();  // 43 characters, as RFC 7636 allows
  // Discovery happens before anything is stored: an unreachable provider leaves no row.
  std::string url;
  try {
    url = m_client.authorization_url(state, nonce, oidc::s256_challenge(verifier));
  } catch (const oidc::ProviderError&) {
    throw Failed(Failure::provider_error, "discovery");
  }
  m_db.transaction([&](storage::Connection& conn) {
    const auto tenant = storage::resolve_tenant(conn, m_settings.tenant);
    if (!tenant) throw Failed(Failure::no_tenant, "");
    storage::purge_oidc_logins(conn, now_ms);
    storage::insert_oidc_login(conn, {oidc::sha256_base64url(state), *tenant, nonce, verifier,
                                      return_to.empty() ? std::nullopt : std::optional<std::string>(return_to), now_ms,
                                      now_ms + m_settings.login_ttl_ms});
  });
  return url;
}

void OidcLogin::fail(const std::string& state, const std::string& error_code, std::int64_t now_ms) {
  if (!state.empty()) {
    m_db.transaction([&](storage::Connection& conn) {
      storage::consume_oidc_login(conn, oidc::sha256_base64url(state), now_ms);
    });
  }
  // The provider's error code is a fixed vocabulary (RFC 6749 4.1.2.1); keep only safe characters.
  std::string code;
  for (const char c : error_code.substr(0, 40)) {
    if ((c >= 'a' && c <= 'z') || c == '_') code += c;
  }
  throw Failed(Failure::provider_error, "authorization:" + code);
}

SignedIn OidcLogin::complete(const std::string& state, const std::string& code, const std::string& request_id,
                             std::int64_t now_ms) {
  if (state.empty() || code.empty()) throw Failed(Failure::bad_state, "missing");
  // The state is spent first, in its own transaction: whatever happens next, it cannot be
  // used a second time.
  const auto consumed = m_db.transaction([&](storage::Connection& conn) {
    return storage::consume_oidc_login(conn, oidc::sha256_base64url(state), now_ms);
  });
  switch (consumed.status) {
    case storage::ConsumeStatus::consumed: break;
    case storage::ConsumeStatus::unknown: throw Failed(Failure::bad_state, "unknown");
    case storage::ConsumeStatus::already_used: throw Failed(Failure::bad_state, "replayed");
    case storage::ConsumeStatus::expired: throw Failed(Failure::bad_state, "expired");
  }
  const auto& login = consumed.login;

  oidc::Redeemed redeemed;
  try {
    redeemed = m_client.redeem(code, login.code_verifier, login.nonce, now_ms);
  } catch (const oidc::ProviderError&) {
    audit_failure(m_db, login.tenant, "", request_id, now_ms);
    throw Failed(Failure::provider_error, "token_endpoint");
  }
  if (redeemed.token_error) {
    audit_failure(m_db, login.tenant, "", request_id, now_ms);
    throw Failed(Failure::token_refused, std::string(oidc::token_error_code(*redeemed.token_error)));
  }
  const auto claim = redeemed.claims.find(m_settings.user_claim);
  if (claim == redeemed.claims.end() || !claim->is_string() || claim->get<std::string>().empty()) {
    audit_failure(m_db, login.tenant, "", request_id, now_ms);
    throw Failed(Failure::claim_missing, "");
  }
  // An e-mail the provider has not verified does not identify anyone.
  if (m_settings.user_claim == "email") {
    const auto verified = redeemed.claims.find("email_verified");
    if (verified != redeemed.claims.end() && verified->is_boolean() && !verified->get<bool>()) {
      audit_failure(m_db, login.tenant, "", request_id, now_ms);
      throw Failed(Failure::claim_missing, "email_not_verified");
    }
  }
  const ExternalIdentity identity{
      "oidc", m_settings.user_claim == "email" ? ExternalIdentity::By::email : ExternalIdentity::By::subject,
      claim->get<std::string>()};
  return SignedIn{sign_in_external(m_db, login.tenant, identity, request_id, now_ms, m_settings.sessions), login.return_to.value_or("/")};
}

}  // namespace samspil::service::sso
