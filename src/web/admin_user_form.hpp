#pragma once
// The user form shared by /admin/brugere/ny and /admin/brugere/{id}: fields, and reading
// professions and unit memberships from the posted checkboxes.
#include <vector>

#include "service/people/people.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

namespace samspil::web::admin {

// Adds role, professions, unit and leader checkboxes to form (name/e-mail/password are the caller's).
void add_user_fields(Form& form, const WebContext& context, const http::Request& request,
                     const service::people::ProfessionCatalogue& catalogue);
// Memberships from the checkboxes "units" and "leads" (leading implies membership).
std::vector<service::people::MembershipInput> posted_memberships(const FormData& form);

}  // namespace samspil::web::admin
