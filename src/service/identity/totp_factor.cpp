#include "service/identity/totp_factor.hpp"

#include "crypto/totp.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/identity/login.hpp"
#include "storage/actor_store.hpp"
#include "storage/session_store.hpp"
#include "storage/throttle_store.hpp"

namespace samspil::service::totp_factor {

namespace {

constexpr std::int64_t kEnrolmentValidityMs = 15 * 60 * 1000;
constexpr const char* kIssuer = "Samspil";

// Sealed payload: "<tenant>\n<user id>\n<expires ms>\n<base32 secret>".
std::string seal_enrolment(const crypto::FieldCipher& cipher, const std::string& tenant, const std::string& user_id,
                           const std::string& secret, std::int64_t expires_ms) {
  return cipher.seal(tenant + "\n" + user_id + "\n" + std::to_string(expires_ms) + "\n" +
                     crypto::totp::base32_encode(secret));
}

// The raw secret from a sealed enrolment, or nullopt when it is not this user's or expired.
std::optional<std::string> open_enrolment(const crypto::FieldCipher& cipher, const std::string& tenant,
                                          const std::string& user_id, const std::string& sealed, std::int64_t now_ms) {
  const auto plain = cipher.open(sealed);
  if (!plain) return std::nullopt;
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= plain->size(); ++i) {
    if (i == plain->size() || (*plain)[i] == '\n') {
      parts.push_back(plain->substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 4 || parts[0] != tenant || parts[1] != user_id) return std::nullopt;
  if (parts[2].empty() || parts[2].find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  if (std::stoll(parts[2]) <= now_ms) return std::nullopt;
  return crypto::totp::base32_decode(parts[3]);
}

Enrolment describe(const std::string& secret, const std::string& sealed, const std::string& account_label) {
  return {crypto::totp::base32_encode(secret), crypto::totp::otpauth_uri(secret, kIssuer, account_label), sealed};
}

// A wrong code counts like a wrong password (6 digits are guessable without a limit).
bool count_failure(storage::Connection& conn, const std::string& user_id, std::int64_t now_ms,
                   const login::Limits& limits) {
  const std::string key = "account:" + user_id;
  auto row = storage::find_throttle(conn, key).value_or(storage::ThrottleRow{key, 0, 0, std::nullopt});
  row = login::after_failure(row, limits.account_failures, limits, now_ms);
  storage::save_throttle(conn, row);
  return login::is_locked(row, now_ms);
}

bool locked(storage::Connection& conn, const std::string& user_id, std::int64_t now_ms) {
  const auto row = storage::find_throttle(conn, "account:" + user_id);
  return row && login::is_locked(*row, now_ms);
}

// Checks the code against the secret and records its step; ok only for a step newer than any
// accepted before (RFC 6238 §5.2: a code is accepted once).
bool accept_code(storage::Connection& conn, const std::string& tenant, const std::string& user_id,
                 const std::string& secret, const std::string& code, std::int64_t now_ms) {
  const auto step = crypto::totp::match(secret, code, now_ms / 1000);
  return step && storage::advance_totp_step(conn, tenant, user_id, *step);
}

}  // namespace

Enrolment begin(const crypto::FieldCipher& cipher, const std::string& tenant, const std::string& user_id,
                const std::string& account_label, std::int64_t now_ms) {
  const std::string secret = crypto::totp::generate_secret();
  return describe(secret, seal_enrolment(cipher, tenant, user_id, secret, now_ms + kEnrolmentValidityMs),
                  account_label);
}

Enrolment reopen(const crypto::FieldCipher& cipher, const std::string& tenant, const std::string& user_id,
                 const std::string& account_label, const std::string& sealed, std::int64_t now_ms) {
  const auto secret = open_enrolment(cipher, tenant, user_id, sealed, now_ms);
  if (!secret) throw Invalid(FieldErrors{{"kode", "Opsætningen er udløbet. Start forfra."}});
  return describe(*secret, sealed, account_label);
}

Verdict SecondFactor::confirm(const crypto::FieldCipher& cipher, const std::string& tenant,
                const std::string& user_id, const std::string& sealed, const std::string& code, std::int64_t now_ms,
                const std::string& request_id) const {
  const auto secret = open_enrolment(cipher, tenant, user_id, sealed, now_ms);
  if (!secret) return Verdict::expired;
  return m_db.transaction([&](storage::Connection& conn) {
    if (locked(conn, user_id, now_ms)) return Verdict::locked;
    if (!accept_code(conn, tenant, user_id, *secret, code, now_ms)) {
      return count_failure(conn, user_id, now_ms, m_limits) ? Verdict::locked : Verdict::wrong_code;
    }
    storage::set_totp(conn, tenant, user_id, cipher.seal(*secret), now_ms);
    const auto c = storage::find_credentials(conn, tenant, user_id);
    audit::record_system(conn, tenant, c ? c->role : "anonymous", user_id,
                         {audit::Action::change, "user", user_id, "", "To-faktor-log-ind (TOTP) opsat", ""},
                         request_id, now_ms);
    return Verdict::ok;
  });
}

LoginStep SecondFactor::complete_login(const crypto::FieldCipher& cipher, const std::string& session_id_hash,
                         const std::string& tenant, const std::string& user_id, const std::string& sealed,
                         const std::string& code, std::int64_t now_ms, const std::string& request_id) const {
  std::optional<std::string> new_secret;
  if (!sealed.empty()) {
    new_secret = open_enrolment(cipher, tenant, user_id, sealed, now_ms);
    if (!new_secret) return {Verdict::expired, {}};
  }
  return m_db.transaction([&](storage::Connection& conn) -> LoginStep {
    const auto user = storage::find_credentials(conn, tenant, user_id);
    if (!user || user->disabled) return {Verdict::wrong_code, {}};
    if (locked(conn, user_id, now_ms)) return {Verdict::locked, {}};
    std::optional<std::string> secret = new_secret;
    if (!secret) {
      if (!user->totp_enabled || !user->totp_secret) return {Verdict::wrong_code, {}};
      secret = cipher.open(*user->totp_secret);
      if (!secret) throw std::runtime_error("the stored TOTP secret cannot be opened with the configured field key");
    }
    if (!accept_code(conn, tenant, user_id, *secret, code, now_ms)) {
      const bool now_locked = count_failure(conn, user_id, now_ms, m_limits);
      audit::record_system(conn, tenant, "anonymous", user_id,
                           {audit::Action::sign_in_failed, "user", user_id, "",
                            now_locked ? "Forkert engangskode: midlertidigt spærret" : "Forkert engangskode", ""},
                           request_id, now_ms);
      return {now_locked ? Verdict::locked : Verdict::wrong_code, {}};
    }
    if (new_secret) storage::set_totp(conn, tenant, user_id, cipher.seal(*new_secret), now_ms);
    storage::clear_throttle(conn, "account:" + user_id);
    sessions::Session pending;
    pending.id_hash = session_id_hash;
    pending.tenant = tenant;
    pending.user_id = user_id;
    LoginStep step{Verdict::ok, sessions::complete_second_factor(conn, pending, "password+totp", now_ms, m_policy)};
    audit::record_system(conn, tenant, user->role, user_id,
                         {audit::Action::sign_in, "session", "", "", "Log-ind med adgangskode og engangskode", ""},
                         request_id, now_ms);
    return step;
  });
}

}  // namespace samspil::service::totp_factor
