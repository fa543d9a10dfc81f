#pragma once
// Local log-in with e-mail and passphrase (Argon2id), with throttling and temporary lock-out
// per account and per client address, and the access-log entries for failures and locks.
// The same answer for an unknown e-mail and a wrong passphrase, in about the same time.
#include <cstdint>
#include <string>

#include "service/base/actor.hpp"
#include "service/identity/login_throttle.hpp"
#include "service/identity/sessions.hpp"
#include "storage/actor_store.hpp"
#include "storage/database.hpp"

namespace samspil::service::login {

struct Attempt {
  std::string tenant;
  std::string email;
  std::string password;
  std::string address_key;  // a keyed hash of the client's IP, never the IP itself
  std::string request_id;
};

enum class Outcome {
  signed_in,        // session started, nothing more due
  totp_due,         // session started with the second factor pending: ask for a code
  totp_setup_due,   // session started pending: an administrator must set up TOTP first
  refused,          // unknown e-mail, wrong passphrase, disabled user or unknown municipality
  locked,           // too many failures: temporarily locked (account or address)
};

struct Result {
  Outcome outcome = Outcome::refused;
  sessions::Started session;  // set for signed_in, totp_due and totp_setup_due
};

// What a user with a pending session must do next: "totp" (enter a code) or "totp_setup".
std::string second_factor_step(storage::Connection& conn, const std::string& tenant, const std::string& user_id);

// Passphrase rule: 12 to 128 characters (UTF-8 code points). Returns "" or a Danish message.
std::string passphrase_problem(const std::string& passphrase);

// Log-in with a passphrase and the accounts' passphrases. The limits and session lifetimes
// come from Config (app/) through service::Services.
class Accounts {
 public:
  Accounts(storage::Database& db, const Limits& limits, const sessions::Policy& policy)
      : m_db(db), m_limits(limits), m_policy(policy) {}

  // Checks the passphrase and starts a session (a new random id) when it matches. Counters
  // and access-log entries are committed also when the attempt fails.
  Result sign_in_with_password(const Attempt& attempt, std::int64_t now_ms) const;
  // Changes the actor's passphrase after checking the current one; ends the user's other
  // sessions (keep_session_id_hash stays). Throws Invalid with fields "nuvaerende",
  // "adgangskode", "gentag".
  void change_password(const Actor& actor, const std::string& current, const std::string& passphrase,
                       const std::string& repeated, const std::string& keep_session_id_hash, std::int64_t now_ms) const;
  // The municipalities offered on the log-in and reset pages.
  std::vector<storage::TenantChoice> municipalities() const;
  // The user's e-mail address (the account a TOTP set-up names), or user_id when unknown.
  std::string account_label(const std::string& tenant, const std::string& user_id) const;
  // The user's credentials (password and second factor state), for the profile page.
  std::optional<storage::Credentials> credentials(const std::string& tenant, const std::string& user_id) const;

 private:
  storage::Database& m_db;
  const Limits& m_limits;
  const sessions::Policy& m_policy;
};

}  // namespace samspil::service::login
