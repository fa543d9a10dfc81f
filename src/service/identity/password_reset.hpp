#pragma once
// Password reset by a single-use e-mailed link: the request always gets the same answer (no
// account enumeration); a known, enabled user with a password gets a "mail.send" job in the
// same transaction as the token (only its SHA-256 is stored; valid 30 minutes). Using the
// token sets the new passphrase, ends every session of the user and voids the token.
#include <cstdint>
#include <string>

#include "service/base/errors.hpp"
#include "storage/database.hpp"

namespace samspil::service::password_reset {

constexpr std::int64_t kValidityMs = 30 * 60 * 1000;

struct Request {
  std::string tenant;
  std::string email;
  std::string public_base_url;  // the link is <base>/nulstil-adgangskode?token=…
  std::string request_id;
};

enum class TokenState { valid, unknown, expired, used };

class Resets {
 public:
  explicit Resets(storage::Database& db) : m_db(db) {}

  // Creates and mails a reset link when the e-mail belongs to an enabled user of the tenant;
  // does nothing visible otherwise. Returns nothing on purpose.
  void request_reset(const Request& request, std::int64_t now_ms) const;
  // Whether a token can still be used (for showing the form).
  TokenState check(const std::string& token, std::int64_t now_ms) const;
  // Sets the new passphrase. Throws Invalid (fields "adgangskode", "gentag") for a bad or
  // mismatched passphrase, Conflict (Danish message) for an unknown, expired or used token.
  void complete(const std::string& token, const std::string& passphrase, const std::string& repeated,
                const std::string& request_id, std::int64_t now_ms) const;

 private:
  storage::Database& m_db;
};

}  // namespace samspil::service::password_reset
