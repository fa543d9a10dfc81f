#include "domain/delegation.hpp"

#include <algorithm>

namespace samspil::domain {
namespace {

bool may_be_delegated(const RoleAssignment& a) { return a.delegable || !a.delegable_to.empty(); }

}  // namespace

DelegationCheck check_delegation(const MeetingType& type, const std::string& role,
                                 const std::vector<std::string>& target_groups) {
  DelegationCheck out;
  const auto it = std::find_if(type.roles.begin(), type.roles.end(),
                               [&](const RoleAssignment& a) { return a.role == role; });
  if (it == type.roles.end()) {
    out.refusal = DelegationCheck::Refusal::unknown_role;
    return out;
  }
  out.rules = it->rules;
  out.allowed_groups = it->delegable_to;
  if (!may_be_delegated(*it)) {
    out.refusal = DelegationCheck::Refusal::not_delegable;
    return out;
  }
  // delegable without a list: anyone taking part may hold it.
  if (it->delegable_to.empty()) {
    out.allowed = true;
    return out;
  }
  for (const auto& g : it->delegable_to) {
    if (std::find(target_groups.begin(), target_groups.end(), g) != target_groups.end()) {
      out.allowed = true;
      return out;
    }
  }
  out.refusal = DelegationCheck::Refusal::not_to_target;
  return out;
}

std::vector<const RoleAssignment*> delegable_roles(const MeetingType& type) {
  std::vector<const RoleAssignment*> out;
  for (const auto& a : type.roles)
    if (may_be_delegated(a)) out.push_back(&a);
  return out;
}

}  // namespace samspil::domain
