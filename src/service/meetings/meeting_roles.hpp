#pragma once
// R4.5 role delegation: the chair (or the role's current holder) hands a role the model
// marks delegable (`delegable`, `delegable_to`) to another participant of the meeting.
// The engine (domain::check_delegation) decides to whom; a refusal names the rule ids in
// Danish. The change, an audit entry, a timeline row and a task for the delegate are written
// in one transaction. Meeting mode reads the roles, so a delegated minute taker writes the
// agreement from then on.
#include <cstdint>
#include <string>
#include <vector>

#include "service/base/actor.hpp"
#include "service/meetings/meetings.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// A role that may be handed on, with who holds it and to whom the model allows it.
struct DelegableRoleView {
  std::string role;
  std::string label;              // Danish ("Referent")
  std::string holder_name;        // "" when nobody holds it
  std::string holder_participant_id;
  std::string allowed_text;       // Danish: "Eksterne fagpersoner" or "Alle deltagere"
  std::vector<std::string> rules;
  bool delegated = false;         // already handed on once
};

// A participant a role could be handed to (has an account; not declined).
struct DelegateCandidate {
  std::string participant_id;
  std::string name;
  std::string relation;
};

struct DelegationView {
  std::string meeting_id;
  std::string type_name;
  bool may_delegate = false;  // the actor is the chair or holds a delegable role
  std::vector<DelegableRoleView> roles;
  std::vector<DelegateCandidate> candidates;
};

class MeetingRoles {
 public:
  MeetingRoles(storage::Database& db, MeetingsConfig config) : m_db(db), m_config(std::move(config)) {}

  // The type's delegable roles and the meeting's possible delegates (audited read).
  DelegationView view(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // Hands the role to the participant. Forbidden unless the actor is the chair or holds the
  // role; Conflict with the rule ids when the model does not allow it; Invalid for an
  // unknown role or participant (fields "role", "participant_id").
  void delegate(const Actor& actor, const std::string& meeting_id, const std::string& role,
                const std::string& participant_id, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  MeetingsConfig m_config;
};

// Danish label of a meeting role ("chair" → "Mødeleder").
std::string meeting_role_label(const std::string& role);

}  // namespace samspil::service
