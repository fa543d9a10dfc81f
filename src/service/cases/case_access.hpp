#pragma once
// Who may reach a case or a child (issue 4 item 5, issue 5). Deny by default:
//  - a professional (professional, unit_leader) reaches a case only as a participant, as
//    the assigned PPR staff member, or as a leader of the child's CURRENT unit
//    (Actor::leads(child's unit)), so a child who moves keeps the case and the new unit's
//    leader takes over;
//  - a ppr_district_lead also reaches the cases in their district queue: cases whose
//    request has been sent to PPR (cases.ppr_requested_at set) with a PPR unit the lead
//    belongs to (cases.ppr_unit_id ∈ Actor::unit_ids);
//  - an administrator manages people and units but does NOT read case content or children
//    (data minimisation, GDPR art. 5(1)(c)): they get NotFound like any outsider;
//  - a guardian reaches only their own children's cases (a guardianship row), and only
//    what is shared with them (CaseView leaves out internal notes; the timeline keeps only
//    the kinds listed in guardian_visible_event()).
// Everyone else, and anyone in another municipality, gets NotFound, so ids do not leak.
#include <string>
#include <string_view>

#include "service/base/actor.hpp"
#include "storage/case_store.hpp"
#include "storage/child_store.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// Why the actor reaches a case (the strongest relation wins, in this order).
enum class CaseRelation { none, participant, assigned, unit_leader, district_queue, guardian };

// The stable code of a relation, e.g. for the audit purpose ("participant", …).
std::string_view relation_code(CaseRelation relation);

// The actor's relation to an already loaded case (same tenant assumed checked).
CaseRelation case_relation(storage::Connection& conn, const Actor& actor, const storage::CaseRecord& record);

// Loads the case in the actor's tenant and returns it with the relation; NotFound when
// it does not exist there or the actor has no relation to it.
struct ReachedCase {
  storage::CaseRecord record;
  CaseRelation relation = CaseRelation::none;
};
ReachedCase reach_case(storage::Connection& conn, const Actor& actor, const std::string& case_id);

// True when the actor may change the case (staff with a relation; guardians never).
bool may_change_case(CaseRelation relation);

// Loads the child in the actor's tenant; NotFound unless the actor is its guardian, leads
// or belongs to its unit (staff close to the child), or reaches one of its cases.
storage::ChildRecord reach_child(storage::Connection& conn, const Actor& actor, const std::string& child_id);

// True when the actor is a guardian of the child (any relation, custody or not).
bool is_guardian_of(storage::Connection& conn, const Actor& actor, const std::string& child_id);

// The list scope that matches case_relation() for lists of "my cases".
storage::CaseListScope case_list_scope(const Actor& actor);

// True for timeline kinds a guardian may see (registered, moved, closed, reopened, consents).
bool guardian_visible_event(std::string_view kind);

}  // namespace samspil::service
