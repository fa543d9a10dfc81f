#pragma once
// Who is calling: an API token (`Authorization: Bearer …`, via=token) or a session cookie
// (via=session), resolved once per request for the edge's session middleware, and the
// session changes the pages make outside log-in (flash message, ending a session, log-out).
// Built once in service::Services; the edge never opens a transaction itself.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "service/base/actor.hpp"
#include "service/identity/sessions.hpp"
#include "storage/database.hpp"

namespace samspil::service::sessions {

// What a session cookie stands for. Exactly one of: actor set (signed in), pending_user_id
// set (password accepted, second factor due), or neither (unknown or ended: drop_cookie).
struct Caller {
  std::optional<Actor> actor;
  std::string session_id_hash;
  std::string csrf_token;
  std::optional<std::string> flash;  // taken (shown once) when asked for
  std::string pending_tenant;
  std::string pending_user_id;
  std::string second_factor_step;  // "totp" or "totp_setup" while pending
  bool drop_cookie = false;        // the cookie names no live session any more
};

class Callers {
 public:
  Callers(storage::Database& db, const Policy& policy) : m_db(db), m_policy(policy) {}

  // The request's reads share one read transaction until something writes: the caller
  // lookup and the handler's own reads (storage::ReadScope; on SQLite a read transaction
  // per read was the largest cost of a signed-in page under load, bench/RESULTS.md
  // session 7). Keep the returned scope alive for the whole request.
  [[nodiscard]] std::unique_ptr<storage::ReadScope> share_reads() const;

  // The actor of a live API token (known, not revoked, not expired, user active), or
  // nullopt. Records the token's use at most once a minute; a token used within the last
  // minute is resolved without a write (no write lock).
  std::optional<Actor> by_api_token(std::string_view token, const std::string& request_id, std::int64_t now_ms) const;

  // The caller of a session cookie. Most signed-in requests write nothing (touched within
  // the last minute, no flash waiting) and are read without the write lock; anything else
  // (unknown or expired session, touch due, a flash, a pending second factor, a disabled
  // user, whose session then ends) takes one transaction.
  Caller by_session(std::string_view token, bool take_flash, const std::string& request_id,
                    std::int64_t now_ms) const;

  // Stores a one-time message for the session's next page.
  void set_flash(const std::string& session_id_hash, const std::string& message) const;
  // Ends the session of this cookie token (no-op when unknown).
  void end(std::string_view token) const;
  // Log-out: a signed-in actor's every session ends ("log-out ends it everywhere") and the
  // access log records it; without an actor (half-way through the second factor, or
  // unknown) only this cookie's session ends: knowing a password alone must not let anyone
  // log the real user out everywhere.
  void sign_out(const std::optional<Actor>& actor, std::string_view token, std::int64_t now_ms) const;

 private:
  storage::Database& m_db;
  const Policy& m_policy;
};

}  // namespace samspil::service::sessions
