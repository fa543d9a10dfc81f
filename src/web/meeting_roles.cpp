// /moeder/{id}/roller: R4.5 role delegation. The chair (or a role's holder) hands a role the
// model marks delegable to another participant. The page lists each delegable role with its
// holder and to whom the model allows it; a refusal from the engine is shown as a field
// error naming the rule ids. 303 back to the meeting after a delegation.
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/meeting_roles.hpp"
#include "web/forms.hpp"
#include "web/meeting_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

constexpr auto kWorker = http::Execution::worker_pool;

http::Response page(const WebContext& ctx, http::Request& request, const std::string& id,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto v = ctx.services.meeting_roles.view(actor(request), id, ctx.now_ms());
  Form form(request, errors, posted);
  std::vector<Option> roles;
  for (const auto& r : v.roles) roles.push_back({r.role, r.label, t.t("roles_allowed_to") + " " + r.allowed_text});
  std::vector<Option> people;
  for (const auto& c : v.candidates) people.push_back({c.participant_id, c.name + " (" + c.relation + ")"});
  if (v.may_delegate && !roles.empty()) {
    form.radios({.name = "role", .label = t.t("roles_role_label"), .options = roles})
        .select({.name = "participant_id", .label = t.t("roles_participant_label"),
                 .hint = t.t("roles_participant_hint"), .options = people});
  }
  return no_store(ctx.views.render(
      request,
      {.title = t.t("roles_title"),
       .body_template = "meetings/roles.tpl",
       .breadcrumbs = {{v.type_name, "/moeder/" + id}, {t.t("roles_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        form.fill(body, ctx.views);
        body.SetValue("meeting_id", id);
        body.SetValue("type_name", v.type_name);
        if (v.roles.empty()) body.ShowSection("NO_ROLES");
        for (const auto& r : v.roles) {
          auto* row = body.AddSectionDictionary("ROLE");
          row->SetValue("label", r.label);
          row->SetValue("holder", r.holder_name.empty() ? t.t("roles_nobody") : r.holder_name);
          row->SetValue("allowed", r.allowed_text);
          std::string rules;
          for (const auto& rule : r.rules) rules += (rules.empty() ? "" : ", ") + rule;
          row->SetValue("rules", rules);
          if (r.delegated) row->ShowSection("DELEGATED");
        }
        if (v.may_delegate && !v.roles.empty()) body.ShowSection("FORM");
        else if (!v.roles.empty()) body.ShowSection("NOT_CHAIR");
      }));
}

}  // namespace

void add_meeting_role_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/moeder/{id}/roller",
      [&context](http::Request& r) { return page(context, r, r.params.at("id"), {}, nullptr); },
      {.name = "meetings.roles", .policy = "staff", .execution = kWorker});
  router.add(
      "POST", "/moeder/{id}/roller",
      [&context](http::Request& r) {
        const auto form = read_form(r);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = r.params.at("id");
        try {
          context.services.meeting_roles
              .delegate(actor(r), id, form->trimmed("role"), form->trimmed("participant_id"), context.now_ms());
        } catch (const service::Invalid& e) {
          return page(context, r, id, e.fields, &*form);
        } catch (const service::Conflict& e) {
          // The engine's refusal, with its rule ids, at the field it concerns.
          return page(context, r, id, {{"participant_id", e.what()}}, &*form);
        }
        flash(context, r, context.views.t("roles_delegated_flash"));
        return http::Response::redirect("/moeder/" + id);
      },
      {.name = "meetings.roles.delegate", .policy = "staff", .execution = kWorker});
}

}  // namespace samspil::web
