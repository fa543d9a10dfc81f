#pragma once
// R4.4 "parents are asked for the date first" (seed 002: "Forældre kontaktes for mødedato.
// Herefter sendes anmodningsskemaet til … de fagpersoner, som ønskes indbudt"). A meeting
// of a type with `booking: {parents_choose_date: true}` is convened as "proposed" with 2–4 free times; each
// custody holder invited gets a mail with only a signed link (no child name). One of them
// picks a time (through the link, or on their meeting page when logged in), or the convener
// picks on their behalf and writes why (sealed). Only then does the meeting become
// "invited": the iCalendar REQUEST goes to everybody and the acceptance deadline (R4: 10
// working days) starts. Every step is audited and on the case's timeline.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "service/base/actor.hpp"
#include "service/meetings/meetings.hpp"
#include "storage/database.hpp"
#include "storage/meeting_store.hpp"

namespace samspil::service {

struct DateProposalView {
  std::string id;
  std::int64_t starts_at_ms = 0;
  std::int64_t ends_at_ms = 0;
  bool chosen = false;
};

struct DatePollView {
  std::string meeting_id;
  std::string case_id;
  std::string type_name;
  std::string status;       // proposed while open; invited … once chosen
  std::string location;
  bool open = false;        // still waiting for the parents' choice
  bool may_choose = false;  // a custody holder invited (or the link's holder)
  bool may_choose_for_parents = false;  // staff who may manage the meeting
  bool chosen_for_parents = false;
  std::vector<DateProposalView> proposals;
};

class DatePolls {
 public:
  DatePolls(storage::Database& db, MeetingsConfig config) : m_db(db), m_config(std::move(config)) {}

  // The proposed times of a meeting for its guardians (invited) and staff. Audited read.
  DatePollView view(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // An invited custody holder picks a time; the invitations go out. Invalid ("proposal")
  // for an unknown time; Conflict when already chosen or the time has passed.
  void choose(const Actor& actor, const std::string& meeting_id, const std::string& proposal_id,
              std::int64_t now_ms);
  // Staff who manage the meeting pick on the parents' behalf; reason required ("reason").
  void choose_for_parents(const Actor& actor, const std::string& meeting_id, const std::string& proposal_id,
                          const std::string& reason, std::int64_t now_ms);
  // The poll behind a signed link (no log-in); NotFound for an unknown or used link.
  DatePollView view_by_token(const std::string& token, std::int64_t now_ms);
  // Picks through the signed link (single use); NotFound for an unknown or used link.
  DatePollView choose_by_token(const std::string& token, const std::string& proposal_id, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  MeetingsConfig m_config;
};

namespace date_polls {

// How many free times the convene page offers the parents by default (2–4 allowed).
inline constexpr int kDefaultProposals = 3;
// True when the model's type says `booking: {parents_choose_date: true}` (R4.4; Ringsted's
// Samarbejdsmøde and Tværfagligt Dialogmøde, seed 002).
bool parents_choose_date(const domain::MeetingType& type);

// In the convening transaction of a proposed meeting: stores the proposed times (each
// lasting duration_minutes) and mails every custody holder among the participants a signed
// link. Called by Meetings::convene instead of sending invitations.
void open(storage::Connection& conn, const std::string& public_base_url, const storage::MeetingRecord& meeting,
          const std::vector<storage::MeetingParticipantRow>& participants, const std::vector<std::int64_t>& starts_ms,
          int duration_minutes, std::int64_t now_ms);

// In the cancelling transaction of a proposed meeting: closes the date links and tells each
// custody holder among the participants, in a plain mail (there is no calendar entry to
// cancel), that no date is needed any more.
void withdraw(storage::Connection& conn, const storage::MeetingRecord& meeting,
              const std::vector<storage::MeetingParticipantRow>& participants, std::int64_t now_ms);

// Checks the proposed times of a convene request (2–4 distinct future times, at most
// `wanted` when the model says so); the Danish error for field "proposals", or "".
std::string check_proposals(const std::vector<std::int64_t>& starts_ms, std::int64_t now_ms);

}  // namespace date_polls
}  // namespace samspil::service
