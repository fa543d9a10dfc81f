#pragma once
// Server-side sessions (table sessions, migration 0003): any number of `samspil serve`
// processes share them. The cookie carries a random token; the database stores its SHA-256.
// 30 minutes idle, 12 hours absolute; log-out ends every session of the user.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "service/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service::sessions {

struct Started {
  std::string token;       // the cookie value; shown to nobody else and never logged
  std::string csrf_token;  // the session's CSRF token
};

// Starts a new session for the user with a fresh random id (never reuses a pre-log-in id,
// against session fixation), in the caller's transaction. auth_method: "password",
// "password+totp", "oidc", …; pending_second_factor when TOTP is still due.
Started start(storage::Connection& conn, const std::string& tenant, const std::string& user_id,
              std::string_view auth_method, bool pending_second_factor, std::int64_t now_ms);

}  // namespace samspil::service::sessions
