#include "service/identity/callers.hpp"

#include "crypto/sha256.hpp"
#include "service/audit/audit.hpp"
#include "service/identity/login.hpp"
#include "storage/actor_store.hpp"

namespace samspil::service::sessions {

namespace {

// How often a token's last use is written (the token list shows it to the minute).
constexpr std::int64_t kTokenTouchIntervalMs = 60 * 1000;

bool live(const storage::ApiTokenRow& row, std::int64_t now_ms) {
  return !row.revoked_at_ms && !(row.expires_at_ms && *row.expires_at_ms <= now_ms);
}

bool touch_due(const storage::ApiTokenRow& row, std::int64_t now_ms) {
  return !row.last_used_at_ms || now_ms - *row.last_used_at_ms >= kTokenTouchIntervalMs;
}

std::optional<Actor> actor_of(storage::Connection& conn, const std::string& tenant, const std::string& user_id,
                              Via via, const std::string& request_id) {
  auto actor = load_actor(conn, tenant, user_id);
  if (!actor) return std::nullopt;
  actor->via = via;
  actor->request_id = request_id;
  return actor;
}

}  // namespace

std::unique_ptr<storage::ReadScope> Callers::share_reads() const {
  return std::make_unique<storage::ReadScope>(m_db);
}

std::optional<Actor> Callers::by_api_token(std::string_view token, const std::string& request_id,
                                           std::int64_t now_ms) const {
  const std::string token_hash = crypto::sha256_hex(token);
  // Reads first, in one read-only transaction (no write lock): a token used within the last
  // minute needs no write.
  std::optional<Actor> actor = m_db.read([&](storage::Connection& conn) -> std::optional<Actor> {
    const auto row = storage::find_api_token_by_hash(conn, token_hash);
    if (!row || !live(*row, now_ms) || touch_due(*row, now_ms)) return std::nullopt;
    return actor_of(conn, row->tenant, row->user_id, Via::token, request_id);
  });
  if (actor) return actor;
  return m_db.transaction([&](storage::Connection& conn) -> std::optional<Actor> {
    const auto row = storage::find_api_token_by_hash(conn, token_hash);
    if (!row || !live(*row, now_ms)) return std::nullopt;
    auto found = actor_of(conn, row->tenant, row->user_id, Via::token, request_id);
    if (found && touch_due(*row, now_ms)) storage::mark_api_token_used(conn, row->id, now_ms);
    return found;
  });
}

Caller Callers::by_session(std::string_view token, bool take_flash, const std::string& request_id,
                           std::int64_t now_ms) const {
  // On SQLite a read-write transaction is BEGIN IMMEDIATE, which takes the database's single
  // write lock, so opening one per request made every signed-in page queue behind the others
  // (bench/RESULTS.md, "Mit overblik"). The common case is read in a read-only transaction.
  Caller caller = m_db.read([&](storage::Connection& conn) {
    Caller c;
    const auto session = resolve_without_writes(conn, token, now_ms, take_flash, m_policy);
    if (!session || session->pending_second_factor) return c;
    c.actor = actor_of(conn, session->tenant, session->user_id, Via::session, request_id);
    if (!c.actor) return c;
    c.session_id_hash = session->id_hash;
    c.csrf_token = session->csrf_token;
    return c;
  });
  if (caller.actor) return caller;
  return m_db.transaction([&](storage::Connection& conn) {
    Caller c;
    const auto session = resolve(conn, token, now_ms, m_policy);
    if (!session) {
      c.drop_cookie = true;
      return c;
    }
    if (session->pending_second_factor) {
      c.pending_tenant = session->tenant;
      c.pending_user_id = session->user_id;
      c.second_factor_step = login::second_factor_step(conn, session->tenant, session->user_id);
    } else {
      c.actor = actor_of(conn, session->tenant, session->user_id, Via::session, request_id);
      if (!c.actor) {  // disabled or removed since: the session ends with it
        sessions::end(conn, token);
        c.drop_cookie = true;
        return c;
      }
    }
    touch(conn, *session, now_ms, m_policy);
    c.session_id_hash = session->id_hash;
    c.csrf_token = session->csrf_token;
    if (take_flash) c.flash = sessions::take_flash(conn, *session);
    return c;
  });
}

void Callers::set_flash(const std::string& session_id_hash, const std::string& message) const {
  m_db.transaction([&](storage::Connection& conn) { sessions::set_flash(conn, session_id_hash, message); });
}

void Callers::end(std::string_view token) const {
  m_db.transaction([&](storage::Connection& conn) { sessions::end(conn, token); });
}

void Callers::sign_out(const std::optional<Actor>& actor, std::string_view token, std::int64_t now_ms) const {
  m_db.transaction([&](storage::Connection& conn) {
    if (actor) {
      end_all_for_user(conn, actor->tenant, actor->user_id);
      audit::record(conn, *actor, {audit::Action::sign_out, "session", "", "", "Log ud", ""}, now_ms);
    } else {
      sessions::end(conn, token);
    }
  });
}

}  // namespace samspil::service::sessions
