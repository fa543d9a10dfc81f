#include "storage/meeting_file_store.hpp"

namespace samspil::storage {

void insert_meeting_file(Connection& conn, const MeetingFileRow& f) {
  conn.query(
      "INSERT INTO meeting_files (id, tenant, meeting_id, name_encrypted, content_type, size_bytes, sha256, "
      "content_encrypted, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {f.id, f.tenant, f.meeting_id, f.name_encrypted, f.content_type, f.size_bytes, f.sha256, f.content_encrypted,
       f.uploaded_by, f.uploaded_at_ms});
}

std::optional<MeetingFileRow> find_meeting_file(Connection& conn, const std::string& tenant,
                                                const std::string& meeting_id, const std::string& id) {
  const Result r = conn.query(
      "SELECT id, tenant, meeting_id, name_encrypted, content_type, size_bytes, sha256, content_encrypted, "
      "uploaded_by, uploaded_at FROM meeting_files WHERE tenant = $1 AND meeting_id = $2 AND id = $3",
      {tenant, meeting_id, id});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  return MeetingFileRow{row.text(0), row.text(1), row.text(2),    row.text(3), row.text(4),
                        row.integer(5), row.text(6), row.text(7), row.text(8), row.integer(9)};
}

}  // namespace samspil::storage
