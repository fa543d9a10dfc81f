#include "service/base/actor.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace samspil::service {

namespace {

struct RoleNames {
  Role role;
  std::string_view code;
  std::string_view label_da;
};

constexpr std::array<RoleNames, 5> kRoles{{
    {Role::administrator, "administrator", "Administrator"},
    {Role::unit_leader, "unit_leader", "Leder"},
    {Role::professional, "professional", "Fagperson"},
    {Role::ppr_district_lead, "ppr_district_lead", "PPR-distriktsleder"},
    {Role::guardian, "guardian", "Forælder"},
}};

}  // namespace

bool Actor::leads(std::string_view unit_id) const {
  return std::find(led_unit_ids.begin(), led_unit_ids.end(), unit_id) != led_unit_ids.end();
}

bool Actor::member_of(std::string_view unit_id) const {
  return std::find(unit_ids.begin(), unit_ids.end(), unit_id) != unit_ids.end();
}

std::string_view role_code(Role role) {
  for (const auto& r : kRoles) {
    if (r.role == role) return r.code;
  }
  return "professional";
}

std::optional<Role> parse_role(std::string_view code) {
  for (const auto& r : kRoles) {
    if (r.code == code) return r.role;
  }
  return std::nullopt;
}

std::string_view role_label_da(Role role) {
  for (const auto& r : kRoles) {
    if (r.role == role) return r.label_da;
  }
  return "Fagperson";
}

}  // namespace samspil::service
