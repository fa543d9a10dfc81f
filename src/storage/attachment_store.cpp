#include "storage/attachment_store.hpp"

namespace samspil::storage {
namespace {

AttachmentRecord attachment_from(const Row& row, bool with_content) {
  AttachmentRecord a;
  a.id = row.text(0);
  a.tenant = row.text(1);
  a.case_id = row.text(2);
  a.form_id = row.optional_text(3).value_or("");
  a.name_encrypted = row.text(4);
  a.content_type = row.text(5);
  a.size_bytes = row.integer(6);
  a.sha256 = row.text(7);
  a.uploaded_by = row.text(8);
  a.uploaded_at_ms = row.integer(9);
  if (with_content) a.content_encrypted = row.text(10);
  return a;
}

constexpr const char* kColumns =
    "SELECT id, tenant, case_id, form_id, name_encrypted, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

}  // namespace

void insert_attachment(Connection& conn, const AttachmentRecord& a) {
  conn.query(
      "INSERT INTO request_form_attachments (id, tenant, case_id, form_id, name_encrypted, content_type, size_bytes, "
      "sha256, content_encrypted, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {a.id, a.tenant, a.case_id, a.form_id.empty() ? Value{nullptr} : Value{a.form_id}, a.name_encrypted,
       a.content_type, a.size_bytes, a.sha256, a.content_encrypted, a.uploaded_by, a.uploaded_at_ms});
}

std::vector<AttachmentRecord> attachments_of_case(Connection& conn, const std::string& tenant,
                                                  const std::string& case_id) {
  const Result r = conn.query(std::string(kColumns) +
                                  " FROM request_form_attachments WHERE tenant = $1 AND case_id = $2 "
                                  "ORDER BY uploaded_at, id",
                              {tenant, case_id});
  std::vector<AttachmentRecord> out;
  for (const Row& row : r.rows) out.push_back(attachment_from(row, false));
  return out;
}

std::optional<AttachmentRecord> find_attachment(Connection& conn, const std::string& tenant,
                                                const std::string& case_id, const std::string& id) {
  const Result r = conn.query(std::string(kColumns) +
                                  ", content_encrypted FROM request_form_attachments "
                                  "WHERE tenant = $1 AND case_id = $2 AND id = $3",
                              {tenant, case_id, id});
  if (r.rows.empty()) return std::nullopt;
  return attachment_from(r.rows.front(), true);
}

}  // namespace samspil::storage
