#pragma once
// Meetings (issue 6 items 1-3, 8): convene a meeting of one of the case model's meeting
// types (the engine decides whether it may be convened: domain::check_convene), propose its
// participants and roles from the type's rules, find a time everyone is free
// (domain::find_slots), invite through the outbox with an iCalendar REQUEST, record answers
// (in Samspil or by a signed single-use link), move (SEQUENCE+1 REQUEST) and cancel
// (SEQUENCE+1 CANCEL). Every change writes the change, an audit entry and a case_events row
// in ONE transaction; mails leave only if it commits.
//
// Other parts build on this: reach_meeting() is the access rule for everything hanging off
// a meeting (agenda, meeting mode, agreement); case_history() gives the engine the case's
// history including the meetings held.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "domain/consent.hpp"
#include "domain/model.hpp"
#include "domain/preconditions.hpp"
#include "jobs/queue.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "service/cases/case_access.hpp"
#include "storage/database.hpp"
#include "storage/meeting_store.hpp"

namespace samspil::service {

// A user's imported free/busy calendar (an iCalendar URL per user), read through a port
// (service/meetings/free_busy: libcurl + calendar::busy_times, cached; a stub in tests). Returns the
// user's busy intervals in [from_ms, to_ms) (empty when the user imported none) or throws
// std::runtime_error when the calendar cannot be fetched.
struct FreeBusyInterval {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
};
using FreeBusySource = std::function<std::vector<FreeBusyInterval>(const std::string& tenant, const std::string& user_id,
                                                                   std::int64_t from_ms, std::int64_t to_ms)>;

// The request form's status for R10; null = service::request_form_status (request_forms.hpp).
// Tests may replace it.
using RequestFormStatusFn = std::function<domain::RequestFormStatus(
    storage::Connection& conn, const std::string& tenant, const std::string& case_id,
    std::optional<std::int64_t> last_meeting_held_ms)>;

struct MeetingsConfig {
  const ModelRegistry* models = nullptr;         // the case's model: models->find(case.model_id)
  const crypto::FieldCipher* cipher = nullptr;   // unused by the core today; kept for notes
  domain::ConsentRequirement consent_requirement = domain::ConsentRequirement::every_custody_holder;
  std::string public_base_url;                   // links in invitations, e.g. "https://samspil.x.dk"
  FreeBusySource free_busy;                      // null = imported calendars are not read
  RequestFormStatusFn request_form_status;       // null = service::request_form_status
};

// Whether a meeting type may be convened now, with the engine's reasons when not.
struct ConveneOption {
  std::string type_id;
  std::string name;
  bool allowed = false;
  std::vector<std::string> reasons;  // Danish, each ending in its rule ids, e.g. "(FP2)"
  bool without_parents = false;      // the type excludes the parents (FP3)
  int default_duration_minutes = 90;
  bool parents_choose_date = false;  // R4.4: the parents pick among date_proposals times first
  int date_proposals = 0;
};

// A participant proposed for a new meeting (from the type's rules and the case).
struct ProposedParticipant {
  std::string kind;          // professional, guardian, child, network
  std::string user_id;       // "" for child/network
  std::string role_in_case;  // profession or relation the model's rules name
  std::string display_name;
  std::string email;
  bool fixed = false;        // the model says this one always takes part
  bool selected = true;      // proposed as invited
};

// A role proposed for a new meeting: who holds it by the model's RoleAssignment.
struct ProposedRole {
  std::string role;
  std::vector<std::string> holders;  // the model's holder ids (professions/relations)
  std::string user_id;               // proposed holder; "" when nobody fits
  bool delegable = false;
};

struct ConveneProposal {
  ConveneOption option;
  std::vector<ProposedParticipant> participants;
  std::vector<ProposedRole> roles;
  std::int64_t earliest_start_ms = 0;  // domain::earliest_start: "before" deadlines still reachable
};

// A free time offered for a new meeting.
struct SlotOffer {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
};

struct SlotSearch {
  std::string type_id;
  std::vector<std::string> user_ids;  // professionals (and guardians with accounts) to fit
  int duration_minutes = 0;           // 0 = the type's default (F5)
  std::size_t count = 5;
  std::string except_meeting_id;      // when moving: that meeting does not block itself
};

struct SlotResult {
  std::vector<SlotOffer> slots;
  // Users whose imported calendar could not be fetched ("kalenderen kunne ikke hentes");
  // their imported busy times were ignored.
  std::vector<std::string> calendar_failures;
};

struct NewNetworkPerson {
  std::string name;
  std::string email;
};

struct ConveneRequest {
  std::string case_id;
  std::string type_id;
  std::string course = "same";           // same, new_course (R10)
  std::string follow_up_of;              // optional meeting id
  std::vector<std::string> user_ids;     // invited users (professionals, guardians)
  bool invite_child = false;
  std::vector<NewNetworkPerson> network;
  std::int64_t starts_at_ms = 0;
  int duration_minutes = 0;              // 0 = the type's default
  std::string location;
  // role -> user id; missing roles get the proposed holder (convener: the actor).
  std::vector<std::pair<std::string, std::string>> roles;
  // R4.4 (types whose booking says parents_choose_date): 2–4 start times offered to the parents instead of
  // starts_at_ms. The meeting is then "proposed" and nobody is invited until a time is
  // picked (service/meetings/date_polls.hpp).
  std::vector<std::int64_t> proposed_starts_ms;
};

// One participant as a meeting page shows it.
struct ParticipantView {
  storage::MeetingParticipantRow row;  // response_token_hash cleared
  std::vector<std::string> roles;      // meeting roles this participant holds
};

struct MeetingView {
  storage::MeetingRecord meeting;
  std::string type_name;
  std::string case_title;
  std::string child_id;
  std::vector<ParticipantView> participants;
  std::vector<storage::MeetingRoleRow> roles;
  std::string my_participant_id;  // "" when the actor is not invited
  std::string my_response;        // pending/accepted/declined; "" when not invited
  bool may_manage = false;        // convener/chair or case staff may move/cancel
  bool is_guardian = false;
};

// A meeting reached by an actor, with its case and the actor's relation to that case.
struct ReachedMeeting {
  storage::MeetingRecord meeting;
  ReachedCase reached_case;
};

// Loads the meeting in the actor's tenant; NotFound unless the actor reaches its case
// (case_access) — guardians never reach a meeting held without the parents (FP3).
ReachedMeeting reach_meeting(storage::Connection& conn, const Actor& actor, const std::string& meeting_id);

// The engine's view of the case: state, consents in force, meetings held (oldest first),
// request form status, tried recorded.
domain::CaseHistory case_history(storage::Connection& conn, const MeetingsConfig& config, const domain::Model& model,
                                 const storage::CaseRecord& record, std::int64_t now_ms);

// The model a case runs under; Conflict when it is not loaded.
const domain::Model& model_of_case(const MeetingsConfig& config, const storage::CaseRecord& record);

// The reply to a signed response link.
struct TokenResponse {
  std::string meeting_id;
  std::string response;
  std::int64_t starts_at_ms = 0;
  std::int64_t ends_at_ms = 0;
};

// The shortest meeting anyone can convene, in minutes (the pages and the API alike).
inline constexpr int kMinimumMeetingMinutes = 15;

class Meetings {
 public:
  Meetings(storage::Database& db, MeetingsConfig config) : m_db(db), m_config(std::move(config)) {}

  // Every meeting type of the case's model with whether it may be convened now.
  std::vector<ConveneOption> options(const Actor& actor, const std::string& case_id, const std::string& course,
                                     std::int64_t now_ms);
  // Participants and roles proposed for a meeting of this type (Conflict when not allowed).
  ConveneProposal propose(const Actor& actor, const std::string& case_id, const std::string& type_id,
                          std::int64_t now_ms);
  // Free times for the given users (their Samspil meetings + imported calendars).
  SlotResult find_slots(const Actor& actor, const std::string& case_id, const SlotSearch& search, std::int64_t now_ms);
  // Convenes and invites; returns the meeting id. Conflict (engine reason) / Invalid (fields).
  std::string convene(const Actor& actor, const ConveneRequest& request, std::int64_t now_ms);
  // The meeting as the actor may see it (audited read).
  MeetingView get(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // The case's meetings (audited read); guardians do not see meetings without parents.
  std::vector<storage::MeetingRecord> of_case(const Actor& actor, const std::string& case_id, std::int64_t now_ms);
  // The actor's own answer (accepted/declined) as an invited user.
  void respond(const Actor& actor, const std::string& meeting_id, const std::string& response, std::int64_t now_ms);
  // An answer through a signed single-use link (no account); NotFound for an unknown/used token.
  TokenResponse respond_by_token(const std::string& token, const std::string& response, std::int64_t now_ms);
  // True while a signed link may still answer (known, unused, the meeting still invited).
  bool token_is_open(const std::string& token);
  // A new time: SEQUENCE+1 REQUEST to everyone, answers reset, acceptance deadline moves.
  void move(const Actor& actor, const std::string& meeting_id, std::int64_t starts_at_ms, int duration_minutes,
            const std::string& location, const std::string& reason, std::int64_t now_ms);
  // Cancels: SEQUENCE+1 CANCEL to everyone, reason recorded.
  void cancel(const Actor& actor, const std::string& meeting_id, const std::string& reason, std::int64_t now_ms);
  // FP6/R11: the parents were told about a professionals-only meeting (mails them).
  void inform_parents(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  MeetingsConfig m_config;
};

// Job kind of the acceptance reminders (R4.4): enqueued with run_at at convening/moving;
// the handler mails the participants who have not answered when it runs.
inline constexpr const char* kMeetingReminderJob = "meetings.reminder";
// Registers the reminder handler on a worker (serve's job threads, `samspil jobs work`).
void register_meeting_jobs(jobs::Worker& worker);

}  // namespace samspil::service
