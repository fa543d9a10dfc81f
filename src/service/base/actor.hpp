#pragma once
// Who is acting: the signed-in user (or API token's user) as every service function sees
// it. Built once per request by the session middleware from the database; services decide
// access from it (role + the user's relation to the object + consent), never from the URL.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samspil::service {

enum class Role { administrator, unit_leader, professional, ppr_district_lead, guardian };

// How the request authenticated.
enum class Via { session, token };

struct Actor {
  std::string user_id;
  std::string tenant;
  std::string display_name;
  std::string email;
  Role role = Role::professional;
  std::vector<std::string> professions;   // codes, e.g. "psychologist"
  std::vector<std::string> unit_ids;      // units the user belongs to
  std::vector<std::string> led_unit_ids;  // units the user leads (a subset of unit_ids)
  Via via = Via::session;
  std::string request_id;                 // for the access log

  bool is_staff() const { return role != Role::guardian; }
  bool leads(std::string_view unit_id) const;
  bool member_of(std::string_view unit_id) const;
};

// The stable code stored in users.role ("administrator", "unit_leader", …).
std::string_view role_code(Role role);
// Parses a stored role code; nullopt for an unknown one.
std::optional<Role> parse_role(std::string_view code);
// The Danish name of a role for pages ("Administrator", "Leder", …).
std::string_view role_label_da(Role role);

}  // namespace samspil::service
