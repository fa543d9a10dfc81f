#include "service/identity/sessions.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "service/base/errors.hpp"
#include "storage/actor_store.hpp"
#include "storage/session_store.hpp"

namespace samspil::service::sessions {

namespace {

Session from_row(const storage::SessionRow& row) {
  return Session{row.id_hash,     row.tenant,       row.user_id,       row.csrf_token,     row.auth_method,
                 row.pending_second_factor, row.flash, row.created_at_ms, row.last_seen_at_ms};
}

}  // namespace

std::string hash_token(std::string_view token) { return crypto::sha256_hex(token); }

Started start(storage::Connection& conn, const std::string& tenant, const std::string& user_id,
              std::string_view auth_method, bool pending_second_factor, std::int64_t now_ms, const Policy& policy) {
  // Expired sessions of anyone are purged here (besides on use), so the table stays small
  // without a scheduler; the expiry index makes this cheap.
  purge_expired(conn, now_ms, policy);
  Started started{crypto::random_token(), crypto::random_token()};
  storage::insert_session(conn, {hash_token(started.token), tenant, user_id, started.csrf_token,
                                 std::string(auth_method), pending_second_factor, std::nullopt, now_ms, now_ms,
                                 now_ms + policy.absolute_ms});
  return started;
}

std::optional<Session> resolve(storage::Connection& conn, std::string_view token, std::int64_t now_ms,
                               const Policy& policy) {
  if (token.empty()) return std::nullopt;
  const std::string id_hash = hash_token(token);
  const auto row = storage::find_session(conn, id_hash);
  if (!row) return std::nullopt;
  const bool past_absolute = now_ms >= row->expires_at_ms || now_ms >= row->created_at_ms + policy.absolute_ms;
  const bool idle = now_ms >= row->last_seen_at_ms + policy.idle_ms;
  if (past_absolute || idle) {
    storage::delete_session(conn, id_hash);
    return std::nullopt;
  }
  return from_row(*row);
}

namespace {

bool touch_due(const Session& session, std::int64_t now_ms, const Policy& policy) {
  // At most once a minute, but often enough that a short idle timeout (tests) still works.
  const std::int64_t interval = std::min(policy.touch_interval_ms, policy.idle_ms / 4);
  return now_ms - session.last_seen_at_ms >= interval;
}

}  // namespace

std::optional<Session> resolve_without_writes(storage::Connection& conn, std::string_view token, std::int64_t now_ms,
                                              bool want_flash, const Policy& policy) {
  if (token.empty()) return std::nullopt;
  const auto row = storage::find_session(conn, hash_token(token));
  if (!row) return std::nullopt;
  const bool past_absolute = now_ms >= row->expires_at_ms || now_ms >= row->created_at_ms + policy.absolute_ms;
  const bool idle = now_ms >= row->last_seen_at_ms + policy.idle_ms;
  if (past_absolute || idle) return std::nullopt;  // resolve() deletes it
  Session session = from_row(*row);
  if (touch_due(session, now_ms, policy) || (want_flash && session.flash)) return std::nullopt;
  return session;
}

void touch(storage::Connection& conn, const Session& session, std::int64_t now_ms, const Policy& policy) {
  if (!touch_due(session, now_ms, policy)) return;
  storage::touch_session(conn, session.id_hash, now_ms);
}

void end(storage::Connection& conn, std::string_view token) {
  if (token.empty()) return;
  storage::delete_session(conn, hash_token(token));
}

std::int64_t end_all_for_user(storage::Connection& conn, const std::string& tenant, const std::string& user_id) {
  return storage::delete_sessions_of_user(conn, tenant, user_id);
}

void set_flash(storage::Connection& conn, const std::string& id_hash, const std::string& message) {
  storage::set_session_flash(conn, id_hash, message);
}

std::optional<std::string> take_flash(storage::Connection& conn, const Session& session) {
  if (!session.flash) return std::nullopt;
  storage::set_session_flash(conn, session.id_hash, std::nullopt);
  return session.flash;
}

Started complete_second_factor(storage::Connection& conn, const Session& session, std::string_view auth_method,
                               std::int64_t now_ms, const Policy& policy) {
  // Gone meanwhile (log-out elsewhere, expiry): nothing to complete.
  if (!storage::delete_session(conn, session.id_hash)) throw Forbidden("the session has ended");
  return start(conn, session.tenant, session.user_id, auth_method, false, now_ms, policy);
}

std::int64_t purge_expired(storage::Connection& conn, std::int64_t now_ms, const Policy& policy) {
  return storage::delete_expired_sessions(conn, now_ms, now_ms - policy.idle_ms);
}

std::optional<Actor> load_actor(storage::Connection& conn, const std::string& tenant, const std::string& user_id) {
  const auto record = storage::load_actor_record(conn, tenant, user_id);
  if (!record || record->disabled) return std::nullopt;
  const auto role = parse_role(record->role);
  if (!role) return std::nullopt;
  Actor actor;
  actor.user_id = record->id;
  actor.tenant = record->tenant;
  actor.display_name = record->display_name;
  actor.email = record->email;
  actor.role = *role;
  actor.professions = record->professions;
  for (const auto& [unit_id, leader] : record->units) {
    actor.unit_ids.push_back(unit_id);
    if (leader) actor.led_unit_ids.push_back(unit_id);
  }
  return actor;
}

}  // namespace samspil::service::sessions
