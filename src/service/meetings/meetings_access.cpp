// Access to meetings and the engine's view of a case's history (shared by every part that
// hangs off a meeting: agenda, meeting mode, agreement, overview).
#include <algorithm>

#include "domain/consent.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/meetings.hpp"
#include "service/request_forms/request_forms.hpp"
#include "storage/consent_store.hpp"
#include "storage/guardian_store.hpp"

namespace samspil::service {

ReachedMeeting reach_meeting(storage::Connection& conn, const Actor& actor, const std::string& meeting_id) {
  auto meeting = storage::find_meeting(conn, actor.tenant, meeting_id);
  if (!meeting) throw NotFound("Mødet findes ikke");
  // reach_case throws NotFound for anyone without a relation to the case.
  ReachedCase reached = reach_case(conn, actor, meeting->case_id);
  if (reached.relation == CaseRelation::guardian && meeting->without_parents) throw NotFound("Mødet findes ikke");
  return ReachedMeeting{std::move(*meeting), std::move(reached)};
}

const domain::Model& model_of_case(const MeetingsConfig& config, const storage::CaseRecord& record) {
  const domain::Model* model = config.models != nullptr ? config.models->find(record.model_id) : nullptr;
  if (model == nullptr) throw Conflict("Sagens samarbejdsmodel er ikke indlæst (" + record.model_id + ")");
  return *model;
}

domain::CaseHistory case_history(storage::Connection& conn, const MeetingsConfig& config, const domain::Model& model,
                                 const storage::CaseRecord& record, std::int64_t now_ms) {
  domain::CaseHistory h;
  h.state = record.state;
  h.tried_recorded = record.tried_recorded_at_ms.has_value();
  std::vector<domain::ConsentGuardian> guardians;
  for (const auto& g : storage::guardianships_of_child(conn, record.tenant, record.child_id)) {
    guardians.push_back({g.user_id, g.has_custody});
  }
  std::vector<domain::ConsentRecord> consents;
  for (const auto& c : storage::consents_of_child(conn, record.tenant, record.child_id)) {
    consents.push_back({c.guardian_id, c.scope, c.given_at_ms, c.expires_at_ms, c.withdrawn_at_ms});
  }
  h.consents = domain::scopes_in_force(model, config.consent_requirement, guardians, consents, now_ms);
  // Meetings held, oldest first (held_at is the fact; drafts, invitations and cancelled
  // meetings are not history).
  std::vector<storage::MeetingRecord> held;
  for (auto& m : storage::meetings_of_case(conn, record.tenant, record.id)) {
    if (m.held_at_ms && (m.status == "held" || m.status == "finalised")) held.push_back(std::move(m));
  }
  std::stable_sort(held.begin(), held.end(),
                   [](const auto& a, const auto& b) { return *a.held_at_ms < *b.held_at_ms; });
  std::optional<std::int64_t> last_held;
  for (const auto& m : held) {
    h.meetings_held.push_back(m.type_id);
    last_held = m.held_at_ms;
  }
  h.request_form = config.request_form_status
                       ? config.request_form_status(conn, record.tenant, record.id, last_held)
                       : request_form_status(conn, record.tenant, record.id, last_held);
  return h;
}

}  // namespace samspil::service
