// R4.5 role delegation (see meeting_roles.hpp).
#include "service/meetings/meeting_roles.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "domain/delegation.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/group_labels.hpp"
#include "service/cases/case_events.hpp"
#include "service/meetings/meetings_internal.hpp"
#include "service/obligations/obligations.hpp"
#include "service/tasks/tasks.hpp"

namespace samspil::service {
namespace {

struct Loaded {
  ReachedMeeting reached;
  const domain::Model* model = nullptr;
  const domain::MeetingType* type = nullptr;
  std::vector<storage::MeetingParticipantRow> participants;
  std::vector<storage::MeetingRoleRow> roles;
};

Loaded load(storage::Connection& conn, const MeetingsConfig& config, const Actor& actor,
            const std::string& meeting_id) {
  Loaded l{reach_meeting(conn, actor, meeting_id), nullptr, nullptr, {}, {}};
  l.model = &model_of_case(config, l.reached.reached_case.record);
  l.type = l.model->meeting_type(l.reached.meeting.type_id);
  if (l.type == nullptr) throw Conflict("Mødets type findes ikke i samarbejdsmodellen.");
  l.participants = storage::meeting_participants(conn, actor.tenant, meeting_id);
  l.roles = storage::meeting_roles(conn, actor.tenant, meeting_id);
  return l;
}

const storage::MeetingParticipantRow* participant(const Loaded& l, const std::string& id) {
  for (const auto& p : l.participants)
    if (p.id == id) return &p;
  return nullptr;
}

const storage::MeetingRoleRow* role_row(const Loaded& l, const std::string& role) {
  for (const auto& r : l.roles)
    if (r.role == role) return &r;
  return nullptr;
}

std::string holder_user(const Loaded& l, const std::string& role) {
  const auto* r = role_row(l, role);
  if (r == nullptr) return "";
  const auto* p = participant(l, r->participant_id);
  return p ? p->user_id : "";
}

// The chair decides (R4.5); the current holder may hand on their own role. Without a chair
// row (older meetings) the convener stands in for the chair.
bool is_chair(const Loaded& l, const Actor& actor) {
  const std::string chair = holder_user(l, "chair");
  return chair.empty() ? l.reached.meeting.convened_by == actor.user_id : chair == actor.user_id;
}

bool may_delegate(const Loaded& l, const Actor& actor, const std::string& role) {
  if (!actor.is_staff() || l.reached.reached_case.relation == CaseRelation::guardian) return false;
  return is_chair(l, actor) || (!role.empty() && holder_user(l, role) == actor.user_id);
}

std::string rules_text(const std::vector<std::string>& rules) {
  std::string out;
  for (const auto& r : rules) out += (out.empty() ? "" : ", ") + r;
  return out.empty() ? "" : " (" + out + ")";
}

std::string allowed_text(const domain::Model& model, const std::vector<std::string>& groups) {
  if (groups.empty()) return "Alle deltagere";
  std::string out;
  for (const auto& g : groups) out += (out.empty() ? "" : ", ") + group_label(model, g);
  return out;
}

// The model group ids a participant matches (as the participant rules name them).
std::vector<std::string> groups_of(storage::Connection& conn, const Loaded& l, const Actor& actor,
                                   const storage::MeetingParticipantRow& p) {
  if (p.kind == "guardian") return {"parents"};
  if (p.kind == "child") return {"child"};
  if (p.kind == "network") return {"network"};
  for (const auto& c : meetings_detail::candidates(conn, *l.model, l.reached.reached_case.record, actor)) {
    if (!p.user_id.empty() && c.person.user_id == p.user_id) return c.groups;
  }
  return {p.role_in_case, "any_professional"};
}

void check_open(const storage::MeetingRecord& m) {
  if (m.status == "cancelled") throw Conflict("Mødet er aflyst");
  if (m.status == "finalised") throw Conflict("Aftalen er allerede afsluttet");
}

}  // namespace

std::string meeting_role_label(const std::string& role) {
  if (role == "chair") return "Mødeleder";
  if (role == "convener") return "Mødeindkalder";
  if (role == "agenda_owner") return "Dagsordensansvarlig";
  if (role == "minute_taker") return "Referent";
  if (role == "participant_mapper") return "Afdækker deltagere";
  if (role == "follow_up_contact") return "Opfølgende kontakt";
  if (role == "child_perspective") return "Indhenter barnets perspektiv";
  if (role == "request_qualifier") return "Kvalificerer anmodningen";
  if (role == "item_submitter") return "Sender emner";
  if (role == "process_owner") return "Procesansvarlig";
  if (role == "documentation_owner") return "Journaliserer";
  return role;
}

DelegationView MeetingRoles::view(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const Loaded l = load(conn, m_config, actor, meeting_id);
    if (l.reached.reached_case.relation == CaseRelation::guardian) throw NotFound("Mødet findes ikke");
    DelegationView v;
    v.meeting_id = meeting_id;
    v.type_name = l.type->name;
    for (const auto* a : domain::delegable_roles(*l.type)) {
      DelegableRoleView r;
      r.role = a->role;
      r.label = meeting_role_label(a->role);
      r.allowed_text = allowed_text(*l.model, a->delegable_to);
      r.rules = a->rules;
      if (const auto* row = role_row(l, a->role)) {
        r.holder_participant_id = row->participant_id;
        r.delegated = !row->delegated_from.empty();
        if (const auto* p = participant(l, row->participant_id)) r.holder_name = p->display_name;
      }
      if (may_delegate(l, actor, a->role)) v.may_delegate = true;
      v.roles.push_back(std::move(r));
    }
    for (const auto& p : l.participants) {
      if (p.user_id.empty() || p.response == "declined") continue;
      v.candidates.push_back({p.id, p.display_name, p.role_in_case});
    }
    audit::record(conn, actor,
                  audit::Entry{audit::Action::read, "meeting", meeting_id, l.reached.reached_case.record.child_id,
                               "Sagsbehandling", ""},
                  now_ms);
    return v;
  });
}

void MeetingRoles::delegate(const Actor& actor, const std::string& meeting_id, const std::string& role,
                            const std::string& participant_id, std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    const Loaded l = load(conn, m_config, actor, meeting_id);
    if (l.reached.reached_case.relation == CaseRelation::guardian) throw NotFound("Mødet findes ikke");
    check_open(l.reached.meeting);
    FieldErrors errors;
    if (role.empty()) errors["role"] = "Vælg den rolle, du vil uddelegere";
    const auto* target = participant(l, participant_id);
    if (target == nullptr) errors["participant_id"] = "Vælg en deltager, der skal have rollen";
    if (!errors.empty()) throw Invalid(errors);

    const auto check = domain::check_delegation(*l.type, role, groups_of(conn, l, actor, *target));
    using R = domain::DelegationCheck::Refusal;
    if (check.refusal == R::unknown_role) throw Invalid(FieldErrors{{"role", "Mødetypen har ikke den rolle"}});
    if (!may_delegate(l, actor, role)) {
      throw Forbidden("Kun mødelederen eller den, der har rollen, kan uddelegere den (R4)");
    }
    const std::string label = meeting_role_label(role);
    if (check.refusal == R::not_delegable) {
      throw Conflict("Rollen " + label + " kan ikke uddelegeres på " + l.type->name + rules_text(check.rules));
    }
    if (check.refusal == R::not_to_target) {
      throw Conflict("Rollen " + label + " kan kun uddelegeres til " + allowed_text(*l.model, check.allowed_groups) +
                     rules_text(check.rules));
    }
    if (target->user_id.empty()) {
      throw Conflict("Rollen " + label + " kan kun gives til en deltager med adgang til Samspil");
    }
    if (target->response == "declined") throw Conflict(target->display_name + " har meldt afbud til mødet");
    const auto* current = role_row(l, role);
    if (current != nullptr && current->participant_id == target->id) {
      throw Conflict(target->display_name + " har allerede rollen " + label);
    }

    storage::MeetingRoleRow row;
    row.tenant = actor.tenant;
    row.meeting_id = meeting_id;
    row.role = role;
    row.participant_id = target->id;
    row.delegated_from = current ? current->participant_id : "";
    row.assigned_at_ms = now_ms;
    storage::upsert_meeting_role(conn, row);

    storage::TaskRow task;
    task.tenant = actor.tenant;
    task.owner_id = target->user_id;
    task.case_id = l.reached.meeting.case_id;
    task.meeting_id = meeting_id;
    task.kind = "meeting_role";
    task.source_id = meeting_id + ":" + role;
    task.label = "Du er " + [&] {
      std::string s = label;
      if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
      return s;
    }() + " på et møde";
    task.due_at_ms = l.reached.meeting.starts_at_ms;
    task.created_by = actor.user_id;
    task.created_at_ms = now_ms;
    add_task(conn, m_config.cipher, std::move(task));

    obligations::Settings settings;
    settings.public_base_url = m_config.public_base_url;
    obligations::recompute(conn, *l.model, actor.tenant, meeting_id, now_ms, settings);

    audit::record(conn, actor,
                  audit::Entry{audit::Action::change, "meeting", meeting_id, l.reached.reached_case.record.child_id,
                               "Uddelegering af rolle", ""},
                  now_ms);
    add_case_event(conn, actor, l.reached.meeting.case_id, "meeting_role_delegated",
                               nlohmann::json{{"meeting_id", meeting_id},
                                              {"role", role},
                                              {"to_participant", target->id},
                                              {"from_participant", row.delegated_from}},
                               now_ms);
  });
}

}  // namespace samspil::service
