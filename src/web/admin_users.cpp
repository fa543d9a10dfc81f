// /admin/brugere: users filtered by role and unit, a page at a time (keyset cursor ?efter=).
#include "edge/request_state.hpp"
#include "service/organisation/organisation.hpp"
#include "service/people/people.hpp"
#include "web/admin_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {

void add_admin_user_list_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/admin/brugere",
      [&context](http::Request& request) {
        const auto& t = context.views;
        const auto& who = actor(request);
        const std::string role = request.query_param("rolle");
        const std::string unit = request.query_param("enhed");
        const auto page = context.services.directory.list_users(who, {role, unit, request.query_param("efter"), 50},
                                                                context.now_ms());
        const auto tree = context.services.units.unit_tree(who);
        return context.views.render(
            request,
            {.title = t.t("admin_users"), .body_template = "admin/users.tpl",
             .breadcrumbs = {{t.t("admin_title"), "/admin"}, {t.t("admin_users"), ""}}},
            [&](ctemplate::TemplateDictionary& body) {
              for (const auto& o : admin::role_options()) {
                auto* d = body.AddSectionDictionary("ROLE_OPTION");
                d->SetValue("value", o.value);
                d->SetValue("label", o.label);
                if (o.value == role) d->ShowSection("SELECTED");
              }
              for (const auto& o : admin::unit_options(tree)) {
                auto* d = body.AddSectionDictionary("UNIT_OPTION");
                d->SetValue("value", o.value);
                d->SetValue("label", o.label);
                if (o.value == unit) d->ShowSection("SELECTED");
              }
              if (page.users.empty()) body.ShowSection("EMPTY");
              for (const auto& u : page.users) {
                auto* row = body.AddSectionDictionary("USER");
                row->SetValue("href", "/admin/" + std::string(u.role == "guardian" ? "foraeldre/" : "brugere/") + u.id);
                row->SetValue("name", u.display_name);
                row->SetValue("email", u.email);
                const auto parsed = service::parse_role(u.role);
                row->SetValue("role", parsed ? std::string(service::role_label_da(*parsed)) : u.role);
                row->SetValue("status", t.t(u.disabled ? "admin_user_disabled" : "admin_user_active"));
              }
              if (!page.next_cursor.empty()) {
                body.SetValueAndShowSection("next_href", "/admin/brugere?rolle=" + role + "&enhed=" + unit +
                                                             "&efter=" + page.next_cursor, "NEXT");
              }
            });
      },
      {.name = "admin.users", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
