// /admin/enheder/{id}: rename or move a unit (no cycles; the service says why in Danish).
#include "edge/request_state.hpp"
#include "service/organisation/organisation.hpp"
#include "web/admin_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

namespace org = service::organisation;

http::Response show(const WebContext& ctx, http::Request& request, const std::string& id,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto unit = ctx.services.units.get_unit(actor(request), id);
  std::vector<service::organisation::TreeNode> others;
  for (const auto& node : ctx.services.units.unit_tree(actor(request))) {
    if (node.unit.id != id) others.push_back(node);
  }
  Form form(request, errors, posted);
  form.text({.name = "name", .label = t.t("admin_unit_name")})
      .select({.name = "parent_id", .label = t.t("admin_unit_parent"),
               .options = admin::unit_options(others, t.t("admin_unit_parent_none"))});
  if (!posted) form.value("name", unit.name).value("parent_id", unit.parent_id);
  return ctx.views.render(request,
                          {.title = unit.name, .body_template = "admin/unit_edit.tpl",
                           .breadcrumbs = {{t.t("admin_title"), "/admin"}, {t.t("admin_units"), "/admin/enheder"},
                                           {unit.name, ""}},
                           .has_errors = form.has_errors()},
                          [&](ctemplate::TemplateDictionary& body) {
                            form.fill(body, ctx.views);
                            body.SetValue("name", unit.name);
                            body.SetValue("kind", std::string(org::unit_kind_label(unit.kind)));
                            body.SetValue("action", "/admin/enheder/" + unit.id);
                          });
}

}  // namespace

void add_admin_unit_edit_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/admin/enheder/{id}",
      [&context](http::Request& request) { return show(context, request, request.params.at("id"), {}, nullptr); },
      {.name = "admin.units.show", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/admin/enheder/{id}",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return admin::bad_form();
        const std::string id = request.params.at("id");
        try {
          context.services.units.update_unit(actor(request), id,
                                             {.name = form->trimmed("name"), .parent_id = form->trimmed("parent_id")},
                                             context.now_ms());
          return admin::done(context, request, "/admin/enheder", context.views.t("admin_unit_saved"));
        } catch (const service::Invalid& e) {
          return show(context, request, id, e.fields, &*form);
        }
      },
      {.name = "admin.units.update", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
