// /admin/indstillinger: the municipality's settings (administrators): the model new cases
// are opened under and the retention period of closed cases; the model's consent rule shown.
#include "edge/request_state.hpp"
#include "service/organisation/settings.hpp"
#include "web/admin_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

http::Response show(const WebContext& ctx, http::Request& request, const service::FieldErrors& errors,
                    const FormData* posted) {
  const auto& t = ctx.views;
  const auto& models = ctx.services.models();
  const auto current = ctx.services.tenant_settings.get(actor(request));
  std::vector<Option> model_options;
  for (const auto* m : models.all()) model_options.push_back({m->id, m->name, m->description});
  Form form(request, errors, posted);
  form.radios({.name = "case_model_id", .label = t.t("settings_model_label"), .hint = t.t("settings_model_hint"),
               .options = model_options})
      .text({.name = "retention_days", .label = t.t("settings_retention_label"),
             .hint = t.t("settings_retention_hint"), .type = "text", .width_class = "input-width-xs",
             .inputmode = "numeric"});
  if (!posted) {
    form.value("case_model_id", current.case_model_id).value("retention_days", std::to_string(current.retention_days));
  }
  const auto* model = models.find(current.case_model_id);
  return ctx.views.render(request,
                          {.title = t.t("settings_title"), .body_template = "admin/settings.tpl",
                           .breadcrumbs = {{t.t("admin_title"), "/admin"}, {t.t("settings_title"), ""}},
                           .has_errors = form.has_errors()},
                          [&](ctemplate::TemplateDictionary& body) {
                            form.fill(body, ctx.views);
                            if (!current.saved) body.ShowSection("DEFAULTS");
                            if (model != nullptr) {
                              body.SetValueAndShowSection(
                                  "consent_rule",
                                  t.t(model->consent.every_custody_holder ? "settings_consent_every"
                                                                          : "settings_consent_one"),
                                  "CONSENT");
                            }
                          });
}

}  // namespace

void add_admin_settings_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/admin/indstillinger",
      [&context](http::Request& request) { return show(context, request, {}, nullptr); },
      {.name = "admin.settings.show", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/admin/indstillinger",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return admin::bad_form();
        try {
          context.services.tenant_settings
              .update(actor(request), {form->trimmed("case_model_id"), form->trimmed("retention_days")},
                      context.now_ms());
          return admin::done(context, request, "/admin/indstillinger", context.views.t("settings_saved"));
        } catch (const service::Invalid& e) {
          return show(context, request, e.fields, &*form);
        }
      },
      {.name = "admin.settings.update", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
