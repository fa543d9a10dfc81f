#include "storage/perspective_store.hpp"

namespace samspil::storage {

namespace {

constexpr const char* kSelect =
    "SELECT p.id, p.tenant, p.meeting_id, p.author_id, u.display_name, p.text_encrypted, p.created_at, p.updated_at "
    "FROM meeting_perspectives p JOIN users u ON u.id = p.author_id ";

PerspectiveRow from(const Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.integer(6), row.integer(7)};
}

}  // namespace

bool upsert_perspective(Connection& conn, const PerspectiveRow& row) {
  const Result changed = conn.query(
      "UPDATE meeting_perspectives SET text_encrypted = $4, updated_at = $5 WHERE tenant = $1 AND meeting_id = $2 "
      "AND author_id = $3",
      {row.tenant, row.meeting_id, row.author_id, row.text_encrypted, row.updated_at_ms});
  if (changed.affected > 0) return false;
  conn.query(
      "INSERT INTO meeting_perspectives (id, tenant, meeting_id, author_id, text_encrypted, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {row.id, row.tenant, row.meeting_id, row.author_id, row.text_encrypted, row.created_at_ms, row.updated_at_ms});
  return true;
}

std::optional<PerspectiveRow> find_perspective(Connection& conn, const std::string& tenant,
                                               const std::string& meeting_id, const std::string& author_id) {
  const Result r = conn.query(std::string(kSelect) + "WHERE p.tenant = $1 AND p.meeting_id = $2 AND p.author_id = $3",
                              {tenant, meeting_id, author_id});
  if (r.rows.empty()) return std::nullopt;
  return from(r.rows.front());
}

std::vector<PerspectiveRow> perspectives_of_meeting(Connection& conn, const std::string& tenant,
                                                    const std::string& meeting_id) {
  const Result r = conn.query(
      std::string(kSelect) + "WHERE p.tenant = $1 AND p.meeting_id = $2 ORDER BY p.created_at, p.id",
      {tenant, meeting_id});
  std::vector<PerspectiveRow> out;
  for (const Row& row : r.rows) out.push_back(from(row));
  return out;
}

std::optional<std::string> case_of_meeting(Connection& conn, const std::string& tenant, const std::string& meeting_id) {
  const Result r = conn.query("SELECT case_id FROM meetings WHERE tenant = $1 AND id = $2", {tenant, meeting_id});
  if (r.rows.empty()) return std::nullopt;
  return r.rows.front().text(0);
}

}  // namespace samspil::storage
