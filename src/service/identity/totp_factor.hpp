#pragma once
// The second factor (TOTP, RFC 6238): enrolment and the code step of the log-in. A new
// secret is not stored until the user proves it works with a code: until then it travels
// sealed (field key, bound to the user and 15 minutes) in the set-up form, so abandoning a
// set-up or a reset never locks anyone out. Accepted steps are recorded so a code is never
// accepted twice; wrong codes count towards the account's lock-out like wrong passwords.
#include <cstdint>
#include <string>

#include "crypto/field_cipher.hpp"
#include "service/identity/login_throttle.hpp"
#include "service/identity/sessions.hpp"
#include "storage/database.hpp"

namespace samspil::service::totp_factor {

struct Enrolment {
  std::string secret_base32;  // for typing into the app
  std::string otpauth_uri;    // for the QR code
  std::string sealed;         // the hidden form field; opaque to the client
};

// A fresh secret for the user (nothing stored yet).
Enrolment begin(const crypto::FieldCipher& cipher, const std::string& tenant, const std::string& user_id,
                const std::string& account_label, std::int64_t now_ms);
// The enrolment again from its sealed form (to redisplay after a wrong code); throws
// Invalid when it is not this user's or has expired.
Enrolment reopen(const crypto::FieldCipher& cipher, const std::string& tenant, const std::string& user_id,
                 const std::string& account_label, const std::string& sealed, std::int64_t now_ms);

enum class Verdict { ok, wrong_code, expired, locked };

struct LoginStep {
  Verdict verdict = Verdict::wrong_code;
  sessions::Started session;  // the new, complete session when verdict is ok
};

// The code steps that touch the database; the limits and session lifetimes come from Config.
class SecondFactor {
 public:
  SecondFactor(storage::Database& db, const login::Limits& limits, const sessions::Policy& policy)
      : m_db(db), m_limits(limits), m_policy(policy) {}

  // Confirms a set-up from /min-profil: stores the secret and enables TOTP when the code fits.
  Verdict confirm(const crypto::FieldCipher& cipher, const std::string& tenant, const std::string& user_id,
                  const std::string& sealed, const std::string& code, std::int64_t now_ms,
                  const std::string& request_id) const;
  // The log-in's code step for a pending session: on success the pending session is replaced
  // by a new complete one (new id). With sealed non-empty it confirms a first set-up instead.
  LoginStep complete_login(const crypto::FieldCipher& cipher, const std::string& session_id_hash,
                           const std::string& tenant, const std::string& user_id, const std::string& sealed,
                           const std::string& code, std::int64_t now_ms, const std::string& request_id) const;

 private:
  storage::Database& m_db;
  const login::Limits& m_limits;
  const sessions::Policy& m_policy;
};

}  // namespace samspil::service::totp_factor
