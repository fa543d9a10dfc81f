#include "service/agenda/agenda_access.hpp"

#include "service/base/errors.hpp"
#include "service/cases/case_access.hpp"

namespace samspil::service {

MeetingDocumentsReach reach_meeting(storage::Connection& conn, const Actor& actor, const ModelRegistry& models,
                             const std::string& meeting_id) {
  auto meeting = storage::find_meeting_subject(conn, actor.tenant, meeting_id);
  if (!meeting) throw NotFound("Mødet findes ikke.");
  MeetingDocumentsReach r;
  for (const auto& p : storage::meeting_people(conn, actor.tenant, meeting_id)) {
    if (!p.user_id.empty() && p.user_id == actor.user_id) r.participant = true;
  }
  if (!r.participant) {
    if (!actor.is_staff()) throw NotFound("Mødet findes ikke.");
    if (actor.user_id != meeting->convened_by) reach_case(conn, actor, meeting->case_id);  // throws NotFound
  }
  if (actor.is_staff()) {
    const auto roles = storage::meeting_role_users(conn, actor.tenant, meeting_id);
    auto holds = [&](const char* role) {
      auto it = roles.find(role);
      return it != roles.end() && it->second == actor.user_id;
    };
    r.may_edit = actor.user_id == meeting->convened_by || holds("agenda_owner") || holds("convener") || holds("chair");
  }
  r.model = models.find(meeting->model_id);
  if (!r.model) throw Conflict("Mødets samarbejdsmodel er ikke tilgængelig.");
  r.type = r.model->meeting_type(meeting->type_id);
  if (!r.type) throw Conflict("Mødets type findes ikke i samarbejdsmodellen.");
  r.meeting = std::move(*meeting);
  return r;
}

}  // namespace samspil::service
