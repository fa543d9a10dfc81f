#include "storage/consent_scan_store.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kColumns =
    "SELECT id, tenant, case_id, child_id, name_encrypted, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

ConsentScanRecord scan_from(const Row& row, bool with_content) {
  ConsentScanRecord s;
  s.id = row.text(0);
  s.tenant = row.text(1);
  s.case_id = row.text(2);
  s.child_id = row.text(3);
  s.name_encrypted = row.text(4);
  s.content_type = row.text(5);
  s.size_bytes = row.integer(6);
  s.sha256 = row.text(7);
  s.uploaded_by = row.text(8);
  s.uploaded_at_ms = row.integer(9);
  if (with_content) s.content_encrypted = row.text(10);
  return s;
}

std::optional<ConsentScanRecord> find(Connection& conn, const std::string& tenant, const std::string& id,
                                      bool with_content) {
  const Result r = conn.query(std::string(kColumns) + (with_content ? ", content_encrypted" : "") +
                                  " FROM consent_scans WHERE tenant = $1 AND id = $2",
                              {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return scan_from(r.rows.front(), with_content);
}

}  // namespace

void insert_consent_scan(Connection& conn, const ConsentScanRecord& s) {
  conn.query(
      "INSERT INTO consent_scans (id, tenant, case_id, child_id, name_encrypted, content_type, size_bytes, sha256, "
      "content_encrypted, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {s.id, s.tenant, s.case_id, s.child_id, s.name_encrypted, s.content_type, s.size_bytes, s.sha256,
       s.content_encrypted, s.uploaded_by, s.uploaded_at_ms});
}

std::optional<ConsentScanRecord> find_consent_scan(Connection& conn, const std::string& tenant, const std::string& id) {
  return find(conn, tenant, id, false);
}

std::optional<ConsentScanRecord> find_consent_scan_content(Connection& conn, const std::string& tenant,
                                                           const std::string& id) {
  return find(conn, tenant, id, true);
}

}  // namespace samspil::storage
