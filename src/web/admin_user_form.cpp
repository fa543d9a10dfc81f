#include "web/admin_user_form.hpp"

#include <algorithm>

#include "edge/request_state.hpp"
#include "service/organisation/organisation.hpp"
#include "web/admin_support.hpp"

namespace samspil::web::admin {

void add_user_fields(Form& form, const WebContext& context, const http::Request& request,
                     const service::people::ProfessionCatalogue& catalogue) {
  const auto& t = context.views;
  std::vector<Option> professions;
  for (const auto& p : catalogue) professions.push_back({p.id, p.name});
  const auto units = unit_options(context.services.units.unit_tree(actor(request)));
  form.select({.name = "role", .label = t.t("admin_user_role"), .options = role_options()})
      .checkboxes({.name = "professions", .label = t.t("admin_user_professions"), .options = professions,
                   .optional = true})
      .checkboxes({.name = "units", .label = t.t("admin_user_units"), .options = units, .optional = true})
      .checkboxes({.name = "leads", .label = t.t("admin_user_leads"), .hint = t.t("admin_user_leads_hint"),
                   .options = units, .optional = true});
}

std::vector<service::people::MembershipInput> posted_memberships(const FormData& form) {
  std::vector<service::people::MembershipInput> out;
  const auto leads = form.all("leads");
  auto is_lead = [&](const std::string& id) { return std::find(leads.begin(), leads.end(), id) != leads.end(); };
  for (const auto& id : form.all("units")) {
    if (!id.empty()) out.push_back({id, is_lead(id)});
  }
  for (const auto& id : leads) {
    const bool listed = std::any_of(out.begin(), out.end(), [&](const auto& m) { return m.unit_id == id; });
    if (!id.empty() && !listed) out.push_back({id, true});
  }
  return out;
}

}  // namespace samspil::web::admin
