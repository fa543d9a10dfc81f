#pragma once
// R4.5 role delegation: whether a meeting type's role may be handed on to a participant,
// decided from the model's RoleAssignment (`delegable`, `delegable_to`). Pure.
#include <string>
#include <vector>

#include "domain/model.hpp"

namespace samspil::domain {

struct DelegationCheck {
  enum class Refusal { none, unknown_role, not_delegable, not_to_target };
  bool allowed = false;
  Refusal refusal = Refusal::none;
  std::vector<std::string> allowed_groups;  // the model's delegable_to (empty: anyone taking part)
  RuleIds rules;                            // the role's rule ids
};

// target_groups: the model group ids the intended delegate matches (professions, leader,
// local_professionals, external_professionals, any_professional, parents, child, network).
DelegationCheck check_delegation(const MeetingType& type, const std::string& role,
                                 const std::vector<std::string>& target_groups);

// The type's roles that may be handed on at all (delegable or with delegable_to).
std::vector<const RoleAssignment*> delegable_roles(const MeetingType& type);

}  // namespace samspil::domain
