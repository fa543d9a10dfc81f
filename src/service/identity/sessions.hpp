#pragma once
// Server-side sessions (table sessions, migration 0003): any number of `samspil serve`
// processes share them. The cookie carries a random token; the database stores its SHA-256.
// 30 minutes idle, 12 hours absolute (configurable); log-out ends every session of the user.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service::sessions {

struct Started {
  std::string token;       // the cookie value; shown to nobody else and never logged
  std::string csrf_token;  // the session's CSRF token
};

// Lifetimes, from Config (app/); handed to every call below that needs them.
struct Policy {
  std::int64_t idle_ms = 30 * 60 * 1000;
  std::int64_t absolute_ms = 12 * 60 * 60 * 1000;
  std::int64_t touch_interval_ms = 60 * 1000;  // last_seen_at is written at most this often
};

// Starts a new session for the user with a fresh random id (never reuses a pre-log-in id,
// against session fixation), in the caller's transaction. auth_method: "password",
// "password+totp", "oidc", …; pending_second_factor when TOTP is still due.
Started start(storage::Connection& conn, const std::string& tenant, const std::string& user_id,
              std::string_view auth_method, bool pending_second_factor, std::int64_t now_ms, const Policy& policy);

// A live session as the middleware sees it.
struct Session {
  std::string id_hash;
  std::string tenant;
  std::string user_id;
  std::string csrf_token;
  std::string auth_method;
  bool pending_second_factor = false;
  std::optional<std::string> flash;
  std::int64_t created_at_ms = 0;
  std::int64_t last_seen_at_ms = 0;
};

// The SHA-256 (hex) under which a token is stored.
std::string hash_token(std::string_view token);
// The live session for a cookie token; nullopt when unknown, idle too long or past its
// absolute end (an expired one is deleted on the way).
std::optional<Session> resolve(storage::Connection& conn, std::string_view token, std::int64_t now_ms,
                               const Policy& policy);
// The live session for a cookie token when using it writes nothing: known, neither idle nor
// past its end, touched recently enough that touch() would not write, and no flash waiting
// when want_flash. Otherwise nullopt, and the caller takes the writing path (resolve,
// touch, take_flash in one transaction), which also deals with unknown and expired tokens.
// Reads only: safe outside a transaction.
std::optional<Session> resolve_without_writes(storage::Connection& conn, std::string_view token, std::int64_t now_ms,
                                              bool want_flash, const Policy& policy);
// Records activity, but writes only when the last write is older than the touch interval.
void touch(storage::Connection& conn, const Session& session, std::int64_t now_ms, const Policy& policy);
// Ends the session of this cookie token (no-op when unknown).
void end(storage::Connection& conn, std::string_view token);
// Ends every session of the user ("log-out ends it everywhere"); returns how many.
std::int64_t end_all_for_user(storage::Connection& conn, const std::string& tenant, const std::string& user_id);
// Stores a one-time message for the session's next page.
void set_flash(storage::Connection& conn, const std::string& id_hash, const std::string& message);
// Returns and clears the session's flash message.
std::optional<std::string> take_flash(storage::Connection& conn, const Session& session);
// The second factor is done: replaces the session by a NEW one (new token, new CSRF token)
// with pending_second_factor cleared, so a token seen before the second factor is useless;
// throws Forbidden when the session has ended meanwhile.
Started complete_second_factor(storage::Connection& conn, const Session& session, std::string_view auth_method,
                               std::int64_t now_ms, const Policy& policy);
// Deletes expired sessions (run by the periodic job "sessions.purge"); returns how many.
std::int64_t purge_expired(storage::Connection& conn, std::int64_t now_ms, const Policy& policy);

// The actor for a user, or nullopt when the user does not exist in the tenant, is disabled
// or has an unknown role (such a user can do nothing).
std::optional<Actor> load_actor(storage::Connection& conn, const std::string& tenant, const std::string& user_id);

}  // namespace samspil::service::sessions
