#pragma once
// Rows of the sessions table (migration 0003). The key is the SHA-256 (hex) of the cookie
// token; the token itself is never stored.
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

struct SessionRow {
  std::string id_hash;
  std::string tenant;
  std::string user_id;
  std::string csrf_token;
  std::string auth_method;
  bool pending_second_factor = false;
  std::optional<std::string> flash;
  std::int64_t created_at_ms = 0;
  std::int64_t last_seen_at_ms = 0;
  std::int64_t expires_at_ms = 0;  // the absolute end; idle expiry is computed from last_seen_at
};

// Inserts a session.
void insert_session(Connection& conn, const SessionRow& row);
// The session with this id hash, if any (expired or not).
std::optional<SessionRow> find_session(Connection& conn, const std::string& id_hash);
// Sets last_seen_at.
void touch_session(Connection& conn, const std::string& id_hash, std::int64_t now_ms);
// Sets (or clears, with nullopt) the one-time flash message.
void set_session_flash(Connection& conn, const std::string& id_hash, const std::optional<std::string>& flash);
// Deletes one session; true when it existed.
bool delete_session(Connection& conn, const std::string& id_hash);
// Deletes every session of the user in the tenant; returns how many.
std::int64_t delete_sessions_of_user(Connection& conn, const std::string& tenant, const std::string& user_id);
// Deletes every session of the user except the one with keep_id_hash; returns how many.
std::int64_t delete_other_sessions_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                           const std::string& keep_id_hash);
// Deletes sessions past their absolute end or idle since before idle_cutoff_ms.
std::int64_t delete_expired_sessions(Connection& conn, std::int64_t now_ms, std::int64_t idle_cutoff_ms);

}  // namespace samspil::storage
