#pragma once
// Shared pieces of the administration pages (/admin/…): the flash after a change, the
// professions catalogue, option lists for units and roles.
#include <memory>
#include <string>
#include <vector>

#include "edge/flash.hpp"
#include "http/message.hpp"
#include "service/organisation/organisation.hpp"
#include "service/people/people.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

namespace samspil::web::admin {

// 303 to location with a flash message.
http::Response done(const WebContext& context, const http::Request& request, const std::string& location,
                    const std::string& message);
// The professions catalogue from models/common/professions.yaml (empty when missing).
std::shared_ptr<const service::people::ProfessionCatalogue> professions(const WebContext& context);
// Role options (code → Danish name).
std::vector<Option> role_options();
// Unit options in tree order, indented by depth ("— " per level); first = placeholder when given.
std::vector<Option> unit_options(const std::vector<service::organisation::TreeNode>& tree,
                                 const std::string& placeholder = "");
// 400 for a form body that cannot be read.
http::Response bad_form();

}  // namespace samspil::web::admin
