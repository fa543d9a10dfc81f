#pragma once
// Single sign-on for staff. Two parts:
//  - sign_in_external(): an identity that some external provider vouched for (OIDC now,
//    OIOSAML/NemLog-in later) -> a staff user of the municipality -> a new session. No
//    auto-provisioning: an unknown identity is refused, and guardians cannot use staff SSO.
//  - OidcLogin: the OpenID Connect code flow with PKCE; state, nonce and verifier live in
//    oidc_logins (single use, 10 minutes).
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "oidc/client.hpp"
#include "oidc/fetch.hpp"
#include "service/identity/sessions.hpp"
#include "storage/database.hpp"

namespace samspil::service::sso {

// Why a sign-in failed; the code goes to the log, the user sees one Danish sentence.
enum class Failure {
  bad_state,       // unknown, replayed or expired state
  provider_error,  // the provider refused the code, could not be reached, or signalled an error
  token_refused,   // the ID token failed verification (see detail)
  claim_missing,   // the configured claim is absent from the token
  unknown_user,    // no staff user of the municipality has this identity
  guardian,        // the identity belongs to a guardian
  disabled_user,
  no_tenant,       // the configured municipality does not exist
};

// The stable code for logs ("bad_state", …).
std::string_view failure_code(Failure failure);

struct Failed : std::runtime_error {
  Failed(Failure f, std::string detail_code)
      : std::runtime_error(std::string(failure_code(f)) + (detail_code.empty() ? "" : ":" + detail_code)),
        failure(f), detail(std::move(detail_code)) {}
  Failure failure;
  std::string detail;  // e.g. the token error code; never personal data
  // 403 when the person is known to the provider but may not sign in here, else 400.
  int status() const;
};

// An identity vouched for by an external provider.
struct ExternalIdentity {
  std::string method;  // "oidc", later "oiosaml"; stored as the session's auth_method
  enum class By { email, subject } by = By::email;
  std::string value;
};

struct SignedIn {
  sessions::Started session;
  std::string return_to;  // local path to continue at ("/" by default)
};

// Maps the identity to a staff user of the tenant and starts a session, auditing success
// and failure; throws Failed. Every adapter (OIDC, OIOSAML) ends here.
sessions::Started sign_in_external(storage::Database& db, const std::string& tenant, const ExternalIdentity& identity,
                                   const std::string& request_id, std::int64_t now_ms, const sessions::Policy& policy);

struct OidcSettings {
  oidc::ClientConfig client;
  std::string user_claim = "email";  // "email" (users.email) or "sub" (users.oidc_subject)
  sessions::Policy sessions = {};    // lifetimes of the sessions it starts (Config)
  std::string tenant;                // id or exact name of the municipality SSO signs into
  std::int64_t login_ttl_ms = 10 * 60 * 1000;
};

class OidcLogin {
 public:
  OidcLogin(storage::Database& db, OidcSettings settings, oidc::Fetcher fetch);
  // Stores a fresh state/nonce/verifier and returns the provider URL to send the browser
  // to; return_to must already be a safe local path (or empty). Throws Failed.
  std::string begin(const std::string& return_to, std::int64_t now_ms);
  // The callback: consumes the state (a replay is refused), exchanges the code, verifies
  // the ID token and signs the user in. Throws Failed.
  SignedIn complete(const std::string& state, const std::string& code, const std::string& request_id,
                    std::int64_t now_ms);
  // The callback with an error from the provider (e.g. the user cancelled): consumes the
  // state and throws Failed(provider_error).
  [[noreturn]] void fail(const std::string& state, const std::string& error_code, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  OidcSettings m_settings;
  oidc::Client m_client;
};

}  // namespace samspil::service::sso
