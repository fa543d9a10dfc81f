// Request-form attachments: type decided from the magic bytes (a renamed .exe is refused),
// size-limited, sealed and stored in the database in the caller's transaction (see
// migrations/0007_request_forms.sql for why not on disk).
#include "service/request_forms/attachments.hpp"

#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "service/audit/audit.hpp"
#include "service/request_forms/request_forms_internal.hpp"
#include "storage/attachment_store.hpp"
#include "storage/request_form_store.hpp"

namespace samspil::service {

using namespace request_forms_detail;

std::string sniff_attachment_type(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("%PDF-")) return "application/pdf";
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xff\xd8\xff")) return "image/jpeg";
  // DOCX is a ZIP whose entries include word/document.xml and [Content_Types].xml.
  if (starts("PK\x03\x04") && bytes.find("[Content_Types].xml") != std::string_view::npos &&
      bytes.find("word/") != std::string_view::npos) {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  return "";
}

std::string safe_file_name(std::string_view name) {
  std::string out;
  // Keep the last path component only; drop control characters and quotes.
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f || c == '"') continue;
    out.push_back(static_cast<char>(c));
  }
  if (out.size() > 200) out.resize(200);
  return out.empty() ? "bilag" : out;
}

AttachmentInfo RequestForms::add_attachment(const Actor& actor, const std::string& case_id, const NewAttachment& file,
                                            std::int64_t now_ms) {
  FieldErrors errors;
  const std::string type = sniff_attachment_type(file.bytes);
  if (file.bytes.empty()) errors["file"] = "Vælg en fil";
  else if (static_cast<std::int64_t>(file.bytes.size()) > m_config.max_attachment_bytes)
    errors["file"] = "Filen er for stor. Den må højst fylde " + std::to_string(m_config.max_attachment_bytes / (1024 * 1024)) + " MB";
  else if (type.empty()) errors["file"] = "Filen skal være en PDF, PNG, JPEG eller Word-fil (DOCX)";
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_staff_case(conn, actor, case_id);  // 404/403 before validation errors
    if (!errors.empty()) throw Invalid(errors);
    storage::AttachmentRecord row;
    row.id = crypto::random_id();
    row.tenant = actor.tenant;
    row.case_id = case_id;
    const auto current = storage::latest_request_form(conn, actor.tenant, case_id);
    if (current) row.form_id = current->id;
    const auto name = safe_file_name(file.file_name);
    row.name_encrypted = m_config.cipher->seal(name);
    row.content_type = type;
    row.size_bytes = static_cast<std::int64_t>(file.bytes.size());
    row.sha256 = crypto::sha256_hex(file.bytes);
    row.content_encrypted = m_config.cipher->seal(file.bytes);
    row.uploaded_by = actor.user_id;
    row.uploaded_at_ms = now_ms;
    storage::insert_attachment(conn, row);
    audit::record(conn, actor,
                  audit::Entry{audit::Action::create, "attachment", row.id, reached.record.child_id, purpose(actor), ""},
                  now_ms);
    add_timeline(conn, actor, case_id, "request_form_attachment_added", nlohmann::json::object(), now_ms);
    return AttachmentInfo{row.id, name, row.content_type, row.size_bytes, row.sha256, row.uploaded_at_ms};
  });
}

AttachmentContent RequestForms::attachment(const Actor& actor, const std::string& case_id,
                                           const std::string& attachment_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    if (reached.relation == CaseRelation::guardian &&
        !storage::latest_completed_request_form(conn, actor.tenant, case_id)) {
      throw NotFound("Bilaget findes ikke");
    }
    const auto row = storage::find_attachment(conn, actor.tenant, case_id, attachment_id);
    if (!row) throw NotFound("Bilaget findes ikke");
    auto bytes = m_config.cipher->open(row->content_encrypted);
    if (!bytes) throw Conflict("Bilaget kunne ikke dekrypteres");
    audit::record(conn, actor,
                  audit::Entry{audit::Action::read, "attachment", row->id, reached.record.child_id, purpose(actor), ""},
                  now_ms);
    return AttachmentContent{{row->id, m_config.cipher->open(row->name_encrypted).value_or("bilag"), row->content_type,
                              row->size_bytes, row->sha256, row->uploaded_at_ms},
                             std::move(*bytes)};
  });
}

}  // namespace samspil::service
