// /foraeldre/boern/{id}/samtykke: a guardian gives consent for a scope of the models the
// child's cases run under (GET form, POST → 303 to /foraeldre with a flash); /foraeldre/samtykke/{id}/tilbagekald
// withdraws a consent in force from now on (POST → 303 with a flash). Access and the rules
// (own child, custody, source "portal") are service::Consents'.
#include <string>

#include "crypto/random.hpp"
#include "edge/flash.hpp"
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/consent/consents.hpp"
#include "service/identity/sessions.hpp"
#include "service/people/children.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

http::Response show(const WebContext& ctx, http::Request& request, const std::string& child_id,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto child = ctx.services.children.get(actor(request), child_id, ctx.now_ms());
  std::vector<Option> scopes;
  // The scopes of the child's own cases' models (service::Consents::scopes_for_child).
  for (const auto& s : ctx.services.consents.scopes_for_child(actor(request), child_id)) {
    scopes.push_back({s.id, s.name});
  }
  Form form(request, errors, posted);
  if (!scopes.empty()) form.radios({.name = "scope", .label = t.t("parents_consent_scope"), .options = scopes});
  form.textarea({.name = "purpose", .label = t.t("parents_consent_purpose_label"),
                 .hint = t.t("parents_consent_purpose_hint"), .rows = 3})
      .text({.name = "parties", .label = t.t("parents_consent_parties_label"),
             .hint = t.t("parents_consent_parties_hint")});
  const std::string name = child.record.first_name + " " + child.record.last_name;
  return ctx.views.render(
      request,
      {.title = t.t("parents_consent_title"),
       .body_template = "parents/consent.tpl",
       .breadcrumbs = {{t.t("parents_title"), "/foraeldre"}, {t.t("parents_consent_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        form.fill(body, ctx.views);
        body.SetValue("child_name", name);
        body.SetValue("action", "/foraeldre/boern/" + child_id + "/samtykke");
        const std::string key = posted != nullptr ? posted->trimmed("idempotency_key") : crypto::random_id();
        body.SetValue("idempotency_key", key);
        if (scopes.empty()) {
          body.ShowSection("NO_SCOPES");
        } else {
          body.ShowSection("FORM");
        }
      });
}

}  // namespace

void add_parents_consent_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_case_models(context);
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/foraeldre/boern/{id}/samtykke",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/foraeldre");
        return show(context, request, request.params.at("id"), {}, nullptr);
      },
      {.name = "parents.consent.form", .policy = "guardian", .execution = worker});

  router.add(
      "POST", "/foraeldre/boern/{id}/samtykke",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/foraeldre");
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& child_id = request.params.at("id");
        const auto& who = actor(request);
        service::GiveConsent in;
        in.child_id = child_id;
        in.guardian_id = who.user_id;
        in.scope = form->trimmed("scope");
        in.purpose = form->trimmed("purpose");
        in.parties = form->trimmed("parties");
        in.source = "portal";
        in.idempotency_key = form->trimmed("idempotency_key");
        try {
          context.services.consents.give(who, in, context.now_ms());
        } catch (const service::Invalid& e) {
          return show(context, request, child_id, e.fields, &*form);
        }
        flash(context, request, context.views.t("parents_consent_given_flash"));
        return http::Response::redirect("/foraeldre");
      },
      {.name = "parents.consent.give", .policy = "guardian", .execution = worker});

  router.add(
      "POST", "/foraeldre/samtykke/{id}/tilbagekald",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/foraeldre");
        try {
          context.services.consents.withdraw(actor(request), request.params.at("id"), context.now_ms());
          flash(context, request, context.views.t("parents_withdrawn_flash"));
        } catch (const service::Conflict& e) {
          flash(context, request, e.what());  // already withdrawn: say so, nothing changed
        }
        return http::Response::redirect("/foraeldre");
      },
      {.name = "parents.consent.withdraw", .policy = "guardian", .execution = worker});
}

}  // namespace samspil::web
