#pragma once
// Who reaches a meeting's documents (agenda, brief, obligations, evaluations):
//  - anyone invited to the meeting with an account (professionals and guardians) reads;
//  - staff who reach the meeting's case (service/cases/case_access.hpp) read;
//  - staff holding the agenda owner, convener or chair role, or who convened it, edit.
// Everyone else, and anyone in another municipality, gets NotFound.
#include <string>

#include "domain/model.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "storage/agenda_store.hpp"
#include "storage/database.hpp"

namespace samspil::service {

struct MeetingDocumentsReach {
  storage::MeetingSubject meeting;
  const domain::Model* model = nullptr;
  const domain::MeetingType* type = nullptr;
  bool participant = false;  // invited with this account
  bool may_edit = false;     // agenda owner, convener or chair (staff)
};

// Loads the meeting in the actor's tenant with its model and type, or throws NotFound.
MeetingDocumentsReach reach_meeting(storage::Connection& conn, const Actor& actor, const ModelRegistry& models,
                             const std::string& meeting_id);

}  // namespace samspil::service
