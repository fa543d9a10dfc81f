#pragma once
// The request form of a case (anmodningsskema / SOS-skema; issue 5 item 3; SPEC F2, F3, R4,
// R4.3, R10, X2): drafts edited in steps, completion together with the parents, new versions
// after a meeting, and the status the engine's preconditions read. Access follows
// service/cases/case_access.hpp; staff with a relation edit, guardians read completed versions
// (R4.3 "handed to them"). Every read is audited; every change writes an audit entry and a
// case_events row (kind only, never content) in the same transaction. Answers are sealed.
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "domain/model.hpp"
#include "domain/preconditions.hpp"
#include "domain/request_form.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// The case's request form relative to the last held meeting (R10): missing when no version
// has been completed with the parents, new_or_updated when the newest completed version is
// later than last_meeting_held_ms (or no meeting has been held), else existing.
domain::RequestFormStatus request_form_status(storage::Connection& conn, const std::string& tenant,
                                              const std::string& case_id,
                                              std::optional<std::int64_t> last_meeting_held_ms);

// The same, measured against the case's own last held meeting (meetings.held_at).
domain::RequestFormStatus request_form_status(storage::Connection& conn, const std::string& tenant,
                                              const std::string& case_id);

// The PDF could not be rendered (Ghostscript failed); the web and API answer 503.
struct PdfUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct RequestFormsConfig {
  const ModelRegistry* models = nullptr;         // the case's model is models->find(case.model_id)
  const domain::Model* fallback_model = nullptr; // when the registry lacks it (tests)
  const crypto::FieldCipher* cipher = nullptr;   // seals answers, names and attachment bytes
  // 8 MiB: a multipart upload of that size still fits the server's default --body-limit (10 MiB).
  std::int64_t max_attachment_bytes = 8 * 1024 * 1024;
};

struct AttachmentInfo {
  std::string id;
  std::string name;           // original file name (opened)
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::int64_t uploaded_at_ms = 0;
};

struct RequestFormView {
  std::string case_id;
  std::string case_title;
  bool exists = false;               // false: no version yet (answers empty, version 0)
  std::string id;
  int version = 0;
  std::string status;                // draft, completed ("" when none)
  std::map<std::string, std::string> answers;
  std::string wished_meeting_type;
  std::string wished_meeting_type_name;
  std::string child_perspective;     // obtained, not_obtained, ""
  bool completed_with_parents = false;
  std::vector<std::string> parents_present;  // display names
  std::string completed_by_name;
  std::optional<std::int64_t> completed_at_ms;
  std::int64_t updated_at_ms = 0;
  domain::RequestFormStatus engine_status = domain::RequestFormStatus::missing;
  bool may_edit = false;             // staff with a relation, and the newest version is a draft
  bool may_start_new = false;        // staff, and the newest version is completed
  domain::RequestFormFormat format;  // the case's model's form
  std::vector<std::pair<std::string, std::string>> meeting_types;  // (id, name) of the model
  std::vector<std::pair<std::string, std::string>> guardians;      // (user id, name) of the child
  std::vector<AttachmentInfo> attachments;
  std::vector<std::pair<int, std::string>> versions;               // (version, status), oldest first
};

// A draft save: only the keys present are changed (a step sends its own fields).
struct DraftInput {
  std::string step;                                  // the step saved; its required fields are checked
  std::map<std::string, std::string> answers;        // field id -> text (model fields + child_reason)
  std::optional<std::string> wished_meeting_type;
  std::optional<std::string> child_perspective;     // obtained, not_obtained, ""
};

struct CompleteInput {
  std::vector<std::string> parents_present;          // guardian user ids of the child
  bool confirmed = false;                            // "filled in together with the parents"
  std::string idempotency_key;
};

struct NewAttachment {
  std::string file_name;
  std::string bytes;
};

struct AttachmentContent {
  AttachmentInfo info;
  std::string bytes;
};

class RequestForms {
 public:
  RequestForms(storage::Database& db, RequestFormsConfig config) : m_db(db), m_config(config) {}

  // The newest version as the actor may see it (guardians: the newest COMPLETED version, or
  // NotFound when none). Audited read.
  RequestFormView get(const Actor& actor, const std::string& case_id, std::int64_t now_ms);
  // Saves draft answers (creates version 1 when none exists); idempotent: the same input
  // twice leaves one version with the same content. Invalid with Danish field errors;
  // Conflict when the newest version is completed (start a new version first).
  RequestFormView save_draft(const Actor& actor, const std::string& case_id, const DraftInput& input,
                             std::int64_t now_ms);
  // Marks the draft completed together with the parents (R4.3): every required field, the
  // child's perspective or the reason it was not obtained (X2), at least one guardian
  // present and the confirmation. Completing an already completed version with a used
  // idempotency key is a no-op.
  RequestFormView complete(const Actor& actor, const std::string& case_id, const CompleteInput& input,
                           std::int64_t now_ms);
  // Starts a new draft version copied from the newest completed one (R10); with a used
  // idempotency key returns the version started then.
  RequestFormView start_new_version(const Actor& actor, const std::string& case_id, const std::string& idempotency_key,
                                    std::int64_t now_ms);
  // Adds an attachment (PDF, PNG, JPEG or DOCX by magic bytes; at most max_attachment_bytes).
  AttachmentInfo add_attachment(const Actor& actor, const std::string& case_id, const NewAttachment& file,
                                std::int64_t now_ms);
  // One attachment with its bytes (guardians: once a version is completed). Audited read.
  AttachmentContent attachment(const Actor& actor, const std::string& case_id, const std::string& attachment_id,
                               std::int64_t now_ms);
  // The newest version the actor may see as PDF/A (pdf::render_pdfa). Audited export.
  std::string pdf(const Actor& actor, const std::string& case_id, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  RequestFormsConfig m_config;
};

}  // namespace samspil::service
