#pragma once
// Helpers shared by the meetings sources (not a public interface).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/model.hpp"
#include "service/meetings/meetings.hpp"

namespace samspil::service::meetings_detail {

// The people a meeting of the case may invite, each with the model group ids they match
// (professions, leader, local_professionals, external_professionals, any_professional,
// parents, child).
struct Candidate {
  ProposedParticipant person;
  std::vector<std::string> groups;
};
std::vector<Candidate> candidates(storage::Connection& conn, const domain::Model& model,
                                  const storage::CaseRecord& record, const Actor& actor);

// True when the candidate matches any of these group ids.
bool matches_any(const Candidate& c, const std::vector<std::string>& groups);

// True when the type keeps the parents out (FP3).
bool excludes_parents(const domain::MeetingType& type);

// The convene option for one type from the engine's check.
ConveneOption option_of(const domain::MeetingType& type, const domain::ConveneCheck& check);

// "same" / "new_course" → the engine's Course; Invalid for anything else.
domain::Course parse_course(const std::string& course);

// The acceptance deadline (obligation accept_invitation of the type), if the model sets one.
std::optional<std::int64_t> acceptance_due(const domain::Model& model, const domain::MeetingType& type,
                                           std::int64_t invitation_sent_ms, std::int64_t starts_ms);

// Enqueues the reminder job for the meeting's current sequence (R4.4), half-way to the
// acceptance deadline; nothing when there is none.
// The payload carries the public base URL for the links in the reminder mail.
void schedule_reminder(storage::Connection& conn, const std::string& public_base_url,
                       const storage::MeetingRecord& meeting, std::int64_t now_ms);

// True when the actor may move/cancel the meeting: staff who may change the case.
bool may_manage(const ReachedMeeting& reached);

}  // namespace samspil::service::meetings_detail
