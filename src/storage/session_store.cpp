#include "storage/session_store.hpp"

namespace samspil::storage {

void insert_session(Connection& conn, const SessionRow& s) {
  conn.query(
      "INSERT INTO sessions (id_hash, tenant, user_id, csrf_token, auth_method, pending_second_factor, flash, "
      "created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {s.id_hash, s.tenant, s.user_id, s.csrf_token, s.auth_method, std::int64_t{s.pending_second_factor ? 1 : 0},
       s.flash ? Value{*s.flash} : Value{nullptr}, s.created_at_ms, s.last_seen_at_ms, s.expires_at_ms});
}

std::optional<SessionRow> find_session(Connection& conn, const std::string& id_hash) {
  const Result r = conn.query(
      "SELECT id_hash, tenant, user_id, csrf_token, auth_method, pending_second_factor, flash, created_at, "
      "last_seen_at, expires_at FROM sessions WHERE id_hash = $1",
      {id_hash});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  return SessionRow{row.text(0),          row.text(1),    row.text(2),    row.text(3),    row.text(4),
                    row.integer(5) != 0, row.optional_text(6), row.integer(7), row.integer(8), row.integer(9)};
}

void touch_session(Connection& conn, const std::string& id_hash, std::int64_t now_ms) {
  conn.query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2", {now_ms, id_hash});
}

void set_session_flash(Connection& conn, const std::string& id_hash, const std::optional<std::string>& flash) {
  conn.query("UPDATE sessions SET flash = $1 WHERE id_hash = $2", {flash ? Value{*flash} : Value{nullptr}, id_hash});
}

bool delete_session(Connection& conn, const std::string& id_hash) {
  return conn.query("DELETE FROM sessions WHERE id_hash = $1", {id_hash}).affected > 0;
}

std::int64_t delete_sessions_of_user(Connection& conn, const std::string& tenant, const std::string& user_id) {
  return conn.query("DELETE FROM sessions WHERE tenant = $1 AND user_id = $2", {tenant, user_id}).affected;
}

std::int64_t delete_other_sessions_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                           const std::string& keep_id_hash) {
  return conn
      .query("DELETE FROM sessions WHERE tenant = $1 AND user_id = $2 AND id_hash <> $3", {tenant, user_id, keep_id_hash})
      .affected;
}

std::int64_t delete_expired_sessions(Connection& conn, std::int64_t now_ms, std::int64_t idle_cutoff_ms) {
  return conn.query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2", {now_ms, idle_cutoff_ms})
      .affected;
}

}  // namespace samspil::storage
