// /admin/enheder: the unit tree and the form to create a unit (POST → 303 with a flash).
#include "edge/request_state.hpp"
#include "service/organisation/organisation.hpp"
#include "web/admin_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

namespace org = service::organisation;

http::Response show(const WebContext& ctx, http::Request& request, const service::FieldErrors& errors,
                    const FormData* posted) {
  const auto& t = ctx.views;
  const auto tree = ctx.services.units.unit_tree(actor(request));
  std::vector<Option> kinds;
  for (auto kind : org::unit_kinds()) kinds.push_back({std::string(kind), std::string(org::unit_kind_label(kind))});
  Form form(request, errors, posted);
  form.text({.name = "name", .label = t.t("admin_unit_name")})
      .select({.name = "kind", .label = t.t("admin_unit_kind"), .options = kinds})
      .select({.name = "parent_id", .label = t.t("admin_unit_parent"),
               .options = admin::unit_options(tree, t.t("admin_unit_parent_none"))});
  return ctx.views.render(request,
                          {.title = t.t("admin_units"), .body_template = "admin/units.tpl",
                           .breadcrumbs = {{t.t("admin_title"), "/admin"}, {t.t("admin_units"), ""}},
                           .has_errors = form.has_errors()},
                          [&](ctemplate::TemplateDictionary& body) {
                            form.fill(body, ctx.views);
                            if (tree.empty()) body.ShowSection("EMPTY");
                            for (const auto& node : tree) {
                              auto* row = body.AddSectionDictionary("UNIT");
                              row->SetValue("href", "/admin/enheder/" + node.unit.id);
                              row->SetValue("name", node.unit.name);
                              row->SetValue("kind", std::string(org::unit_kind_label(node.unit.kind)));
                              row->SetIntValue("depth", node.depth);
                              std::string indent;
                              for (int i = 0; i < node.depth; ++i) indent += "— ";
                              row->SetValue("indent", indent);
                            }
                          });
}

}  // namespace

void add_admin_unit_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/admin/enheder", [&context](http::Request& request) { return show(context, request, {}, nullptr); },
      {.name = "admin.units", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/admin/enheder",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return admin::bad_form();
        try {
          context.services.units.create_unit(actor(request),
                                             {form->trimmed("name"), form->trimmed("kind"), form->trimmed("parent_id")},
                                             context.now_ms());
          return admin::done(context, request, "/admin/enheder", context.views.t("admin_unit_created"));
        } catch (const service::Invalid& e) {
          return show(context, request, e.fields, &*form);
        }
      },
      {.name = "admin.units.create", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
