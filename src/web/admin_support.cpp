#include "web/admin_support.hpp"

#include "edge/request_state.hpp"
#include "service/base/actor.hpp"
#include "service/identity/sessions.hpp"

namespace samspil::web::admin {


http::Response done(const WebContext& context, const http::Request& request, const std::string& location,
                    const std::string& message) {
  flash(context, request, message);
  return http::Response::redirect(location);
}

std::shared_ptr<const service::people::ProfessionCatalogue> professions(const WebContext& context) {
  try {
    return std::make_shared<const service::people::ProfessionCatalogue>(
        service::people::load_professions(context.data_dir / "models" / "common" / "professions.yaml"));
  } catch (const std::exception&) {
    return std::make_shared<const service::people::ProfessionCatalogue>();
  }
}

std::vector<Option> role_options() {
  std::vector<Option> out;
  for (auto role : {service::Role::professional, service::Role::unit_leader, service::Role::ppr_district_lead,
                    service::Role::administrator, service::Role::guardian}) {
    out.push_back({std::string(service::role_code(role)), std::string(service::role_label_da(role))});
  }
  return out;
}

std::vector<Option> unit_options(const std::vector<service::organisation::TreeNode>& tree,
                                 const std::string& placeholder) {
  std::vector<Option> out;
  if (!placeholder.empty()) out.push_back({"", placeholder});
  for (const auto& node : tree) {
    std::string prefix;
    for (int i = 0; i < node.depth; ++i) prefix += "— ";
    out.push_back({node.unit.id, prefix + node.unit.name});
  }
  return out;
}

http::Response bad_form() {
  return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
}

}  // namespace samspil::web::admin
