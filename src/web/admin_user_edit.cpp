// /admin/brugere/{id}: change a user's name, role, professions, memberships, passphrase, or
// disable the user (which ends the user's sessions).
#include "edge/request_state.hpp"
#include "service/people/people.hpp"
#include "web/admin_support.hpp"
#include "web/admin_user_form.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

namespace people = service::people;

http::Response show(const WebContext& ctx, const people::ProfessionCatalogue& catalogue, http::Request& request,
                    const std::string& id, const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto user = ctx.services.directory.get_user(actor(request), id, ctx.now_ms());
  Form form(request, errors, posted);
  form.text({.name = "display_name", .label = t.t("admin_user_name"), .autocomplete = "off"});
  admin::add_user_fields(form, ctx, request, catalogue);
  form.radios({.name = "disabled", .label = t.t("admin_user_status"),
               .options = {{"0", t.t("admin_user_active")}, {"1", t.t("admin_user_disabled")}}})
      .text({.name = "password", .label = t.t("admin_user_password"), .hint = t.t("admin_user_password_change_hint"),
             .type = "password", .autocomplete = "new-password", .optional = true});
  if (!posted) {
    std::vector<std::string> units, leads;
    for (const auto& m : user.memberships) {
      units.push_back(m.unit_id);
      if (m.is_leader) leads.push_back(m.unit_id);
    }
    form.value("display_name", user.display_name)
        .value("role", user.role)
        .value("disabled", user.disabled ? "1" : "0")
        .values("professions", user.professions)
        .values("units", units)
        .values("leads", leads);
  }
  return ctx.views.render(request,
                          {.title = user.display_name, .body_template = "admin/user_edit.tpl",
                           .breadcrumbs = {{t.t("admin_title"), "/admin"}, {t.t("admin_users"), "/admin/brugere"},
                                           {user.display_name, ""}},
                           .has_errors = form.has_errors()},
                          [&](ctemplate::TemplateDictionary& body) {
                            form.fill(body, ctx.views);
                            body.SetValue("name", user.display_name);
                            body.SetValue("email", user.email);
                            body.SetValue("action", "/admin/brugere/" + user.id);
                          });
}

}  // namespace

void add_admin_user_edit_routes(http::Router& router, const WebContext& context) {
  const auto catalogue = admin::professions(context);
  router.add(
      "GET", "/admin/brugere/{id}",
      [&context, catalogue](http::Request& request) {
        return show(context, *catalogue, request, request.params.at("id"), {}, nullptr);
      },
      {.name = "admin.users.show", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/admin/brugere/{id}",
      [&context, catalogue](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return admin::bad_form();
        const std::string id = request.params.at("id");
        people::UserPatch patch;
        patch.display_name = form->trimmed("display_name");
        patch.role = form->trimmed("role");
        patch.professions = form->all("professions");
        patch.memberships = admin::posted_memberships(*form);
        patch.disabled = form->get("disabled") == "1";
        if (!form->get("password").empty()) patch.password = form->get("password");
        try {
          context.services.directory.update_user(actor(request), *catalogue, id, patch, context.now_ms());
          return admin::done(context, request, "/admin/brugere/" + id, context.views.t("admin_user_saved"));
        } catch (const service::Invalid& e) {
          return show(context, *catalogue, request, id, e.fields, &*form);
        }
      },
      {.name = "admin.users.update", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
