// /admin/brugere/ny: create a staff user or a guardian (a repeated submit gets the Danish
// "already exists" message on the e-mail field, never a 500).
#include "edge/request_state.hpp"
#include "service/people/people.hpp"
#include "web/admin_support.hpp"
#include "web/admin_user_form.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

namespace people = service::people;

http::Response show(const WebContext& ctx, const people::ProfessionCatalogue& catalogue, http::Request& request,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  Form form(request, errors, posted);
  form.text({.name = "email", .label = t.t("admin_user_email"), .hint = t.t("admin_user_email_hint"),
             .type = "email", .autocomplete = "off"})
      .text({.name = "display_name", .label = t.t("admin_user_name"), .autocomplete = "off"});
  admin::add_user_fields(form, ctx, request, catalogue);
  form.text({.name = "password", .label = t.t("admin_user_password"), .hint = t.t("admin_user_password_hint"),
             .type = "password", .autocomplete = "new-password", .optional = true});
  return ctx.views.render(request,
                          {.title = t.t("admin_users_new"), .body_template = "admin/user_new.tpl",
                           .breadcrumbs = {{t.t("admin_title"), "/admin"}, {t.t("admin_users"), "/admin/brugere"},
                                           {t.t("admin_users_new"), ""}},
                           .has_errors = form.has_errors()},
                          [&](ctemplate::TemplateDictionary& body) { form.fill(body, ctx.views); });
}

}  // namespace

void add_admin_user_new_routes(http::Router& router, const WebContext& context) {
  const auto catalogue = admin::professions(context);
  router.add(
      "GET", "/admin/brugere/ny",
      [&context, catalogue](http::Request& request) { return show(context, *catalogue, request, {}, nullptr); },
      {.name = "admin.users.new", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/admin/brugere/ny",
      [&context, catalogue](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return admin::bad_form();
        people::NewUser input{form->trimmed("email"),      form->trimmed("display_name"), form->trimmed("role"),
                              form->get("password"),       form->all("professions"),
                              admin::posted_memberships(*form)};
        try {
          const auto user = context.services.directory.create_user(actor(request), *catalogue, input, context.now_ms());
          const std::string where = user.role == "guardian" ? "/admin/foraeldre/" : "/admin/brugere/";
          return admin::done(context, request, where + user.id, context.views.t("admin_user_created"));
        } catch (const service::Invalid& e) {
          return show(context, *catalogue, request, e.fields, &*form);
        }
      },
      {.name = "admin.users.create", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
