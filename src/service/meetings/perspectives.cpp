#include "service/meetings/perspectives.hpp"

#include "crypto/random.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/cases/case_access.hpp"
#include "storage/overview_store.hpp"
#include "storage/perspective_store.hpp"

namespace samspil::service {

namespace {

constexpr const char* kGuardianPurpose = "Forælders perspektiv før møde";
constexpr const char* kStaffPurpose = "Mødeforberedelse";

const crypto::FieldCipher& need(const crypto::FieldCipher* cipher) {
  if (cipher == nullptr) throw Conflict("Der er ingen krypteringsnøgle; perspektiver kan ikke gemmes.");
  return *cipher;
}

bool still_open(const std::string& status) { return status == "draft" || status == "invited"; }

// The guardian's own invitation to the meeting (NotFound when there is none).
storage::MyMeetingRow invited_guardian(storage::Connection& conn, const Actor& actor, const std::string& meeting_id) {
  if (actor.role != Role::guardian) throw NotFound("Mødet findes ikke.");
  auto row = storage::meeting_of_user(conn, actor.tenant, actor.user_id, meeting_id);
  if (!row || row->participant_kind != "guardian" || row->status == "draft") throw NotFound("Mødet findes ikke.");
  return *row;
}

PerspectiveView view_of(const storage::PerspectiveRow& row, const crypto::FieldCipher& cipher) {
  return {row.author_id, row.author_name, cipher.open(row.text_encrypted).value_or(""), row.created_at_ms,
          row.updated_at_ms};
}

}  // namespace

PerspectiveForm Perspectives::form(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  const auto& cipher = need(m_cipher);
  return m_db.transaction([&](storage::Connection& conn) {
    auto meeting = invited_guardian(conn, actor, meeting_id);
    PerspectiveForm out;
    out.open = still_open(meeting.status);
    if (auto row = storage::find_perspective(conn, actor.tenant, meeting_id, actor.user_id)) {
      out.mine = view_of(*row, cipher);
      audit::record(conn, actor,
                    {audit::Action::read, "meeting_perspective", row->id, meeting.child_id, kGuardianPurpose, ""},
                    now_ms);
    }
    std::string name = Overview(m_db, m_models).meeting_type_name(meeting.model_id, meeting.type_id);
    out.meeting = {std::move(meeting), std::move(name)};
    return out;
  });
}

void Perspectives::save(const Actor& actor, const std::string& meeting_id, const std::string& text,
                        std::int64_t now_ms) {
  FieldErrors errors;
  if (text.empty()) errors["text"] = "Skriv dit perspektiv før mødet.";
  if (text.size() > kPerspectiveMaxBytes) errors["text"] = "Teksten må højst være 8000 tegn.";
  const auto& cipher = need(m_cipher);
  m_db.transaction([&](storage::Connection& conn) {
    const auto meeting = invited_guardian(conn, actor, meeting_id);
    if (!errors.empty()) throw Invalid(errors);
    if (!still_open(meeting.status)) throw Conflict("Mødet er afholdt eller aflyst; perspektivet kan ikke længere ændres.");
    storage::PerspectiveRow row;
    row.id = crypto::random_id();
    row.tenant = actor.tenant;
    row.meeting_id = meeting_id;
    row.author_id = actor.user_id;
    row.text_encrypted = cipher.seal(text);
    row.created_at_ms = now_ms;
    row.updated_at_ms = now_ms;
    const bool created = storage::upsert_perspective(conn, row);
    audit::record(conn, actor,
                  {created ? audit::Action::create : audit::Action::change, "meeting_perspective", meeting_id,
                   meeting.child_id, kGuardianPurpose, ""},
                  now_ms);
  });
}

std::vector<PerspectiveView> Perspectives::for_meeting(const Actor& actor, const std::string& meeting_id,
                                                       std::int64_t now_ms) {
  const auto& cipher = need(m_cipher);
  return m_db.transaction([&](storage::Connection& conn) {
    std::vector<PerspectiveView> out;
    if (actor.role == Role::guardian) {
      invited_guardian(conn, actor, meeting_id);
      if (auto row = storage::find_perspective(conn, actor.tenant, meeting_id, actor.user_id)) {
        out.push_back(view_of(*row, cipher));
      }
      return out;
    }
    // Staff: a participant of the meeting, or someone who reaches its case (reach_case
    // throws NotFound for everyone else, administrators included).
    std::string child_id;
    if (auto mine = storage::meeting_of_user(conn, actor.tenant, actor.user_id, meeting_id)) {
      child_id = mine->child_id;
    } else {
      const auto case_id = storage::case_of_meeting(conn, actor.tenant, meeting_id);
      if (!case_id) throw NotFound("Mødet findes ikke.");
      child_id = reach_case(conn, actor, *case_id).record.child_id;
    }
    for (const auto& row : storage::perspectives_of_meeting(conn, actor.tenant, meeting_id)) {
      out.push_back(view_of(row, cipher));
    }
    audit::record(conn, actor,
                  {audit::Action::read, "meeting_perspective", meeting_id, child_id, kStaffPurpose, ""}, now_ms);
    return out;
  });
}

}  // namespace samspil::service
