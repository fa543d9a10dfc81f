// Files attached to a meeting's agenda (see agenda_files.hpp).
#include "service/agenda/agenda_files.hpp"

#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "service/agenda/agenda_access.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/request_forms/attachments.hpp"
#include "storage/agenda_store.hpp"
#include "storage/meeting_file_store.hpp"

namespace samspil::service {
namespace {

constexpr const char* kFileKind = "file";
constexpr std::size_t kLabelMax = 200;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

const crypto::FieldCipher& need(const crypto::FieldCipher* cipher) {
  if (cipher == nullptr) throw Conflict("Dokumenter kan ikke gemmes uden nøgle til kryptering.");
  return *cipher;
}

audit::Entry entry(audit::Action action, const MeetingDocumentsReach& r, const std::string& object_id) {
  return audit::Entry{action, "meeting_file", object_id, r.meeting.child_id, "Mødeforberedelse", ""};
}

}  // namespace

MeetingFileInfo AgendaFiles::upload(const Actor& actor, const std::string& meeting_id, const std::string& label,
                                    const std::string& file_name, const std::string& bytes, std::int64_t now_ms) {
  const auto& cipher = need(m_config.cipher);
  FieldErrors errors;
  const std::string type = sniff_attachment_type(bytes);
  if (bytes.empty()) errors["file"] = "Vælg en fil";
  else if (static_cast<std::int64_t>(bytes.size()) > m_config.max_bytes)
    errors["file"] = "Filen er for stor. Den må højst fylde " + std::to_string(m_config.max_bytes / (1024 * 1024)) + " MB";
  else if (type.empty()) errors["file"] = "Filen skal være en PDF, PNG, JPEG eller Word-fil (DOCX)";
  const std::string name = safe_file_name(file_name);
  std::string shown = trim(label).empty() ? name : trim(label);
  if (shown.size() > kLabelMax) errors["label"] = "Navnet på dokumentet må højst være 200 tegn";
  return m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_meeting(conn, actor, *m_config.models, meeting_id);  // NotFound first
    if (!r.may_edit) throw Forbidden("Kun mødets dagsordensansvarlige kan vedhæfte dokumenter");
    if (r.meeting.status == "cancelled") throw Conflict("Mødet er aflyst");
    if (!errors.empty()) throw Invalid(errors);
    storage::MeetingFileRow f;
    f.id = crypto::random_id();
    f.tenant = actor.tenant;
    f.meeting_id = meeting_id;
    f.name_encrypted = cipher.seal(name);
    f.content_type = type;
    f.size_bytes = static_cast<std::int64_t>(bytes.size());
    f.sha256 = crypto::sha256_hex(bytes);
    f.content_encrypted = cipher.seal(bytes);
    f.uploaded_by = actor.user_id;
    f.uploaded_at_ms = now_ms;
    storage::insert_meeting_file(conn, f);
    storage::MeetingDocumentRow d;
    d.id = crypto::random_id();
    d.tenant = actor.tenant;
    d.meeting_id = meeting_id;
    d.kind = kFileKind;
    d.attachment_id = f.id;
    d.label = shown;
    d.added_by = actor.user_id;
    d.added_at_ms = now_ms;
    storage::insert_meeting_document(conn, d);
    audit::record(conn, actor, entry(audit::Action::create, r, f.id), now_ms);
    return MeetingFileInfo{d.id, d.label, name, type, f.size_bytes, now_ms};
  });
}

MeetingFileContent AgendaFiles::download(const Actor& actor, const std::string& meeting_id,
                                         const std::string& document_id, std::int64_t now_ms) {
  const auto& cipher = need(m_config.cipher);
  return m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_meeting(conn, actor, *m_config.models, meeting_id);
    // The meeting's participants only (the convener always takes part).
    if (!r.participant && actor.user_id != r.meeting.convened_by) throw NotFound("Dokumentet findes ikke");
    const storage::MeetingDocumentRow* doc = nullptr;
    const auto docs = storage::meeting_documents(conn, actor.tenant, meeting_id);
    for (const auto& d : docs)
      if (d.id == document_id && d.kind == kFileKind) doc = &d;
    if (doc == nullptr) throw NotFound("Dokumentet findes ikke");
    const auto f = storage::find_meeting_file(conn, actor.tenant, meeting_id, doc->attachment_id);
    if (!f) throw NotFound("Dokumentet findes ikke");
    auto bytes = cipher.open(f->content_encrypted);
    if (!bytes) throw Conflict("Dokumentet kunne ikke dekrypteres");
    audit::record(conn, actor, entry(audit::Action::read, r, f->id), now_ms);
    return MeetingFileContent{MeetingFileInfo{doc->id, doc->label, cipher.open(f->name_encrypted).value_or("bilag"),
                                              f->content_type, f->size_bytes, f->uploaded_at_ms},
                              std::move(*bytes)};
  });
}

}  // namespace samspil::service
