// /admin/foraeldre: guardians with their children; /admin/foraeldre/{id}: one guardian and
// the form to link a child (relation, custody).
#include "edge/request_state.hpp"
#include "service/people/people.hpp"
#include "web/admin_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

namespace people = service::people;

void fill_children(ctemplate::TemplateDictionary* d, const people::GuardianView& g, const Views& t) {
  if (g.children.empty()) d->ShowSection("NO_CHILDREN");
  for (const auto& c : g.children) {
    auto* child = d->AddSectionDictionary("CHILD");
    child->SetValue("name", c.first_name + " " + c.last_name);
    child->SetValue("relation", std::string(people::relation_label(c.relation)));
    child->SetValue("custody", t.t(c.has_custody ? "admin_guardian_custody_yes" : "admin_guardian_custody_no"));
  }
}

http::Response show(const WebContext& ctx, http::Request& request, const std::string& id,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto guardian = ctx.services.directory.get_guardian(actor(request), id, ctx.now_ms());
  std::vector<Option> children{{"", t.t("admin_guardian_child")}};
  for (const auto& c : ctx.services.directory.children_for_linking(actor(request), 500, ctx.now_ms())) {
    children.push_back({c.id, c.name + " (" + c.birth_date + ")"});
  }
  std::vector<Option> relations;
  for (const char* r : {"parent", "foster_parent", "other"}) relations.push_back({r, std::string(people::relation_label(r))});
  Form form(request, errors, posted);
  form.select({.name = "child_id", .label = t.t("admin_guardian_child"), .options = children})
      .radios({.name = "relation", .label = t.t("admin_guardian_relation"), .options = relations})
      .radios({.name = "has_custody", .label = t.t("admin_guardian_custody"),
               .options = {{"1", t.t("admin_guardian_custody_yes")}, {"0", t.t("admin_guardian_custody_no")}}});
  if (!posted) form.value("relation", "parent").value("has_custody", "1");
  return ctx.views.render(request,
                          {.title = guardian.user.display_name, .body_template = "admin/guardian.tpl",
                           .breadcrumbs = {{t.t("admin_title"), "/admin"}, {t.t("admin_guardians"), "/admin/foraeldre"},
                                           {guardian.user.display_name, ""}},
                           .has_errors = form.has_errors()},
                          [&](ctemplate::TemplateDictionary& body) {
                            form.fill(body, ctx.views);
                            body.SetValue("name", guardian.user.display_name);
                            body.SetValue("email", guardian.user.email);
                            body.SetValue("action", "/admin/foraeldre/" + guardian.user.id);
                            fill_children(&body, guardian, t);
                          });
}

}  // namespace

void add_admin_guardian_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/admin/foraeldre",
      [&context](http::Request& request) {
        const auto& t = context.views;
        const auto page =
            context.services.directory.list_guardians(actor(request), request.query_param("efter"), 50,
                                                      context.now_ms());
        return context.views.render(
            request,
            {.title = t.t("admin_guardians"), .body_template = "admin/guardians.tpl",
             .breadcrumbs = {{t.t("admin_title"), "/admin"}, {t.t("admin_guardians"), ""}}},
            [&](ctemplate::TemplateDictionary& body) {
              if (page.guardians.empty()) body.ShowSection("EMPTY");
              for (const auto& g : page.guardians) {
                auto* row = body.AddSectionDictionary("GUARDIAN");
                row->SetValue("href", "/admin/foraeldre/" + g.user.id);
                row->SetValue("name", g.user.display_name);
                row->SetValue("email", g.user.email);
                fill_children(row, g, t);
              }
              if (!page.next_cursor.empty()) {
                body.SetValueAndShowSection("next_href", "/admin/foraeldre?efter=" + page.next_cursor, "NEXT");
              }
            });
      },
      {.name = "admin.guardians", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "GET", "/admin/foraeldre/{id}",
      [&context](http::Request& request) { return show(context, request, request.params.at("id"), {}, nullptr); },
      {.name = "admin.guardians.show", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/admin/foraeldre/{id}",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return admin::bad_form();
        const std::string id = request.params.at("id");
        try {
          context.services.directory.link_child(
              actor(request), id,
              {form->trimmed("child_id"), form->trimmed("relation"), form->get("has_custody") != "0"},
              context.now_ms());
          return admin::done(context, request, "/admin/foraeldre/" + id, context.views.t("admin_guardian_linked"));
        } catch (const service::Invalid& e) {
          return show(context, request, id, e.fields, &*form);
        }
      },
      {.name = "admin.guardians.link", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
