#include "service/cases/case_access.hpp"

#include <algorithm>

#include "service/base/errors.hpp"
#include "storage/guardian_store.hpp"

namespace samspil::service {
namespace {

const char* kCaseNotFound = "Sagen findes ikke, eller du har ikke adgang til den";
const char* kChildNotFound = "Barnet findes ikke, eller du har ikke adgang til det";

bool case_staff(const Actor& actor) {
  // Administrators are deliberately absent: they manage people, not case content.
  return actor.role == Role::professional || actor.role == Role::unit_leader ||
         actor.role == Role::ppr_district_lead;
}

}  // namespace

std::string_view relation_code(CaseRelation relation) {
  switch (relation) {
    case CaseRelation::participant: return "participant";
    case CaseRelation::assigned: return "assigned";
    case CaseRelation::unit_leader: return "unit_leader";
    case CaseRelation::district_queue: return "district_queue";
    case CaseRelation::guardian: return "guardian";
    case CaseRelation::none: break;
  }
  return "none";
}

bool is_guardian_of(storage::Connection& conn, const Actor& actor, const std::string& child_id) {
  if (actor.role != Role::guardian) return false;
  const auto links = storage::guardianships_of_child(conn, actor.tenant, child_id);
  return std::any_of(links.begin(), links.end(), [&](const auto& g) { return g.user_id == actor.user_id; });
}

CaseRelation case_relation(storage::Connection& conn, const Actor& actor, const storage::CaseRecord& c) {
  if (c.tenant != actor.tenant) return CaseRelation::none;
  if (actor.role == Role::guardian) {
    return is_guardian_of(conn, actor, c.child_id) ? CaseRelation::guardian : CaseRelation::none;
  }
  if (!case_staff(actor)) return CaseRelation::none;
  if (storage::is_participant(conn, actor.tenant, c.id, actor.user_id)) return CaseRelation::participant;
  if (!c.assigned_to.empty() && c.assigned_to == actor.user_id) return CaseRelation::assigned;
  if (!c.child_unit_id.empty() && actor.leads(c.child_unit_id)) return CaseRelation::unit_leader;
  if (actor.role == Role::ppr_district_lead && c.ppr_requested_at_ms && !c.ppr_unit_id.empty() &&
      actor.member_of(c.ppr_unit_id)) {
    return CaseRelation::district_queue;
  }
  return CaseRelation::none;
}

ReachedCase reach_case(storage::Connection& conn, const Actor& actor, const std::string& case_id) {
  auto record = storage::find_case(conn, actor.tenant, case_id);
  if (!record) throw NotFound(kCaseNotFound);
  const CaseRelation relation = case_relation(conn, actor, *record);
  if (relation == CaseRelation::none) throw NotFound(kCaseNotFound);
  return ReachedCase{std::move(*record), relation};
}

bool may_change_case(CaseRelation relation) {
  return relation != CaseRelation::none && relation != CaseRelation::guardian;
}

storage::ChildRecord reach_child(storage::Connection& conn, const Actor& actor, const std::string& child_id) {
  auto child = storage::find_child(conn, actor.tenant, child_id);
  if (!child) throw NotFound(kChildNotFound);
  if (actor.role == Role::guardian) {
    if (is_guardian_of(conn, actor, child_id)) return *child;
    throw NotFound(kChildNotFound);
  }
  if (!case_staff(actor)) throw NotFound(kChildNotFound);
  // Staff of the child's own unit know the child already (they registered the concern).
  if (!child->unit_id.empty() && actor.member_of(child->unit_id)) return *child;
  for (const auto& c : storage::cases_of_child(conn, actor.tenant, child_id)) {
    if (case_relation(conn, actor, c) != CaseRelation::none) return *child;
  }
  throw NotFound(kChildNotFound);
}

storage::CaseListScope case_list_scope(const Actor& actor) {
  storage::CaseListScope scope;
  scope.user_id = actor.user_id;
  if (actor.role == Role::guardian) {
    scope.as_guardian = true;
    return scope;
  }
  if (!case_staff(actor)) {
    scope.user_id = "";  // matches no participant or assignment: administrators list nothing
    return scope;
  }
  scope.led_unit_ids = actor.led_unit_ids;
  if (actor.role == Role::ppr_district_lead) scope.ppr_unit_ids = actor.unit_ids;
  return scope;
}

bool guardian_visible_event(std::string_view kind) {
  return kind == "registered" || kind == "moved" || kind == "closed" || kind == "reopened" ||
         kind == "consent_given" || kind == "consent_withdrawn";
}

}  // namespace samspil::service
