#pragma once
// The agreement of a meeting and meeting mode (issue 6 items 5-6; SPEC F7, F8, R5, R6, X2,
// X6, FP7, FP9, S7). The chair steps through the agenda (current item kept here, so every
// screen shows the same item), the minute taker writes the agreement live (versioned:
// a stale write is a Conflict), the chair reads it back (R6) and confirms: the agreement is
// locked (final), rendered to PDF/A, stored sealed with its SHA-256, mailed to every
// participant with the PDF attached, its actions become tasks of their owners and, when the
// model files the agreement to the records system, a "records.export" job is queued — all
// in one transaction with the audit entries. Every change is published to the meeting's
// followers (live::Broadcast). Access: reach_meeting (service/meetings/meetings.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "live/broadcast.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// The sections of an agreement (F8), free text.
struct AgreementContent {
  std::string resources;
  std::string challenges;
  std::string goals;
  std::string signs_child;    // signs of effect for the child
  std::string signs_adults;   // signs of effect for the adults
  std::string ppv_decision;   // only when the meeting type asks for it (F7)
  std::string child_perspective;          // X2
  std::string child_perspective_missing;  // why the child's perspective is not there
  std::string next_meeting;
};

struct AgreementActionInput {
  std::string text;
  std::string owner_id;    // a participant with an account, or ""
  std::string owner_name;  // free-text owner when owner_id is ""
  std::optional<std::int64_t> due_at_ms;
};

struct AgreementActionView {
  std::string id;
  std::string text;
  std::string owner_id;
  std::string owner_label;  // the owner's name or owner_name
  std::optional<std::int64_t> due_at_ms;
};

struct ModeAgendaItem {
  std::string title;
  std::string description;
  std::vector<std::string> speaking_order;  // R5, the model's group ids
};

struct ModeParticipant {
  std::string user_id;  // "" without account
  std::string name;
  std::string role_in_case;
  std::vector<std::string> roles;  // chair, minute_taker, …
};

struct AgreementState {
  std::string meeting_id;
  std::string case_id;
  std::string type_name;
  std::optional<std::int64_t> starts_at_ms;
  std::string location;
  std::string meeting_status;
  std::string status = "draft";  // draft, read_back, final
  std::int64_t version = 0;      // 0 = nothing written yet
  int current_item = 0;
  std::vector<ModeAgendaItem> agenda;
  std::vector<ModeParticipant> participants;
  AgreementContent content;
  std::vector<AgreementActionView> actions;
  bool asks_ppv_decision = false;       // MeetingType.ppv_decision (F7)
  bool asks_child_perspective = false;  // MeetingType.child_perspective (X2)
  bool shared_with_parents = false;     // DocumentUse agreement (X6, FP7)
  bool filed_to_records = false;        // DocumentUse agreement (FP7, FP9)
  bool is_chair = false;
  bool is_minute_taker = false;
  bool is_guardian = false;
  std::optional<std::int64_t> confirmed_at_ms;
  std::optional<std::int64_t> sent_at_ms;
  std::optional<std::int64_t> exported_at_ms;
  std::string pdf_sha256;
};

struct AgreementsConfig {
  const ModelRegistry* models = nullptr;
  const crypto::FieldCipher* cipher = nullptr;  // required for writing and reading content
  live::Broadcast* live = nullptr;                // null = nobody follows live
  std::string public_base_url;                  // links in the mail
  bool records_export = false;                  // queue "records.export" for filed agreements
};

// The agreement's state as JSON (the live stream's "state" event and the API's body).
std::string agreement_state_json(const AgreementState& state);

class Agreements {
 public:
  Agreements(storage::Database& db, AgreementsConfig config) : m_db(db), m_config(std::move(config)) {}

  // The meeting-mode state (audited read). NotFound unless the actor reaches the meeting;
  // guardians only once the agreement is final and shared with the parents.
  AgreementState state(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // The minute taker saves the sections and actions written against `expected_version`
  // (0 = first write). Forbidden for anyone else; Conflict when stale or final; Invalid
  // for unknown action owners or a missing action text.
  AgreementState save(const Actor& actor, const std::string& meeting_id, std::int64_t expected_version,
                      const AgreementContent& content, const std::vector<AgreementActionInput>& actions,
                      std::int64_t now_ms);
  // The chair moves the current agenda item by delta (clamped to the agenda).
  AgreementState step(const Actor& actor, const std::string& meeting_id, int delta, std::int64_t now_ms);
  // The chair has read the agreement aloud (R6): draft -> read_back.
  AgreementState read_back(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // The chair confirms what was read back: final, PDF/A, mail, tasks, export (see above).
  AgreementState confirm(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // The final agreement's PDF (audited read); NotFound before it is final or for guardians
  // when the model does not share it with the parents.
  std::string pdf(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // Follows the meeting live: NotFound like state(); the sink first gets the current state.
  void follow(const Actor& actor, const std::string& meeting_id, live::Broadcast::Sink sink, std::int64_t now_ms);

 private:
  void publish(const AgreementState& state, const std::string& tenant);
  storage::Database& m_db;
  AgreementsConfig m_config;
};

}  // namespace samspil::service
