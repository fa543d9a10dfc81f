// Consent given on paper (issue 5 item 4, X1), from the case page:
//   GET  /sager/{id}/samtykke/papir          the form: custody holder, scope(s) of the CASE's
//                                            model, purpose, parties, date on the paper,
//                                            optional expiry and the scan (PDF/PNG/JPEG);
//   POST /sager/{id}/samtykke/papir          multipart/form-data (works without JS): 303 back to
//                                            the case with a flash, or the form again (422) with
//                                            the error summary and the input kept;
//   GET  /sager/{id}/samtykke/scanning/{scan} the scan (attachment, no-store), staff only, logged.
// Rules and access are service::Consents'; the scan is checked by its magic bytes there.
#include <cctype>
#include <string>

#include "crypto/random.hpp"
#include "edge/flash.hpp"
#include "edge/multipart.hpp"
#include "edge/request_state.hpp"
#include "http/message.hpp"
#include "net/percent_encoding.hpp"
#include "service/base/errors.hpp"
#include "service/cases/cases.hpp"
#include "service/consent/consents.hpp"
#include "service/identity/sessions.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/request_form_support.hpp"
#include "web/routes.hpp"
#include "web/views.hpp"

namespace samspil::web {

namespace {

// The text fields of a multipart post as a FormData, so Form keeps the input as usual.
std::optional<FormData> text_fields(const std::vector<MultipartPart>& parts) {
  std::string body;
  for (const auto& p : parts) {
    if (!p.filename.empty() || p.name == "file") continue;
    if (!body.empty()) body += '&';
    body += net::percent_encode(p.name) + '=' + net::percent_encode(p.data);
  }
  return FormData::parse(body);
}

const char* relation_key(const std::string& relation) {
  if (relation == "foster_parent") return "consent_paper_relation_foster_parent";
  if (relation == "parent") return "consent_paper_relation_parent";
  return "consent_paper_relation_other";
}

http::Response show(const WebContext& ctx, http::Request& request, const std::string& id,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto& who = actor(request);
  auto& consents = ctx.services.consents;
  const auto givers = consents.givers_for_case(who, id);  // 404 outsiders, 403 guardians
  const auto scopes = consents.scopes_for_case(who, id);
  const auto view = ctx.services.cases.get(who, id, ctx.now_ms());
  if (view.closed) return http::Response::redirect("/sager/" + id);  // read-only; the case page says why (F9)
  std::vector<Option> guardian_options, scope_options;
  for (const auto& g : givers) guardian_options.push_back({g.user_id, g.name, t.t(relation_key(g.relation))});
  for (const auto& s : scopes) scope_options.push_back({s.id, s.name});
  Form form(request, errors, posted);
  if (!guardian_options.empty()) {
    form.radios({.name = "guardian_id", .label = t.t("consent_paper_guardian"), .hint = t.t("consent_paper_guardian_hint"),
                 .options = guardian_options});
  }
  if (!scope_options.empty()) {
    form.checkboxes({.name = "scopes", .label = t.t("consent_paper_scopes"), .hint = t.t("consent_paper_scopes_hint"),
                     .options = scope_options});
  }
  form.textarea({.name = "purpose", .label = t.t("consent_paper_purpose"), .hint = t.t("consent_paper_purpose_hint"),
                 .rows = 3})
      .text({.name = "parties", .label = t.t("consent_paper_parties"), .hint = t.t("consent_paper_parties_hint")})
      .text({.name = "given_on", .label = t.t("consent_paper_given_on"), .hint = t.t("consent_paper_given_on_hint"),
             .type = "date", .width_class = "input-width-s"})
      .text({.name = "expires_on", .label = t.t("consent_paper_expires_on"),
             .hint = t.t("consent_paper_expires_on_hint"), .type = "date", .width_class = "input-width-s",
             .optional = true})
      .text({.name = "file", .label = t.t("consent_paper_file"), .hint = t.t("consent_paper_file_hint"), .type = "file"});
  const std::string href = "/sager/" + id;
  return ctx.views.render(
      request,
      {.title = t.t("consent_paper_title"),
       .body_template = "cases/consent_paper.tpl",
       .breadcrumbs = {{t.t("cases_list_title"), "/sager"}, {view.record.title, href}, {t.t("consent_paper_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        form.fill(body, ctx.views);
        body.SetValue("case_title", view.record.title);
        body.SetValue("action", href + "/samtykke/papir");
        body.SetValue("back", href);
        body.SetValue("idempotency_key", posted != nullptr ? posted->trimmed("idempotency_key") : crypto::random_id());
        if (guardian_options.empty()) body.ShowSection("NO_GUARDIANS");
        else if (scope_options.empty()) body.ShowSection("NO_SCOPES");
        else body.ShowSection("FORM");
      });
}


}  // namespace

void add_case_consent_paper_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_case_models(context);
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/sager/{id}/samtykke/papir",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto& id = request.params.at("id");
        return show(context, request, id, {}, nullptr);
      },
      {.name = "cases.consent_paper.form", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/sager/{id}/samtykke/papir",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto& id = request.params.at("id");
        // A body that is not multipart counts as an empty form: the service answers 404 to
        // outsiders before it lists what is missing.
        const auto parts = read_multipart(request).value_or(std::vector<MultipartPart>{});
        const auto form = text_fields(parts);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto* file = find_part(parts, "file");
        service::RecordPaperConsent in;
        in.case_id = id;
        in.guardian_id = form->trimmed("guardian_id");
        in.scopes = form->all("scopes");
        in.purpose = form->trimmed("purpose");
        in.parties = form->trimmed("parties");
        in.given_on = form->trimmed("given_on");
        in.expires_on = form->trimmed("expires_on");
        in.file_name = file ? file->filename : std::string();
        in.file_bytes = file ? file->data : std::string();
        in.idempotency_key = form->trimmed("idempotency_key");
        try {
          context.services.consents.record_from_paper(actor(request), in, context.now_ms());
        } catch (const service::Invalid& e) {
          return show(context, request, id, e.fields, &*form);
        } catch (const service::Conflict& e) {
          flash(context, request, e.what());
          return http::Response::redirect("/sager/" + id);
        }
        flash(context, request, context.views.t("consent_paper_saved_flash"));
        return http::Response::redirect("/sager/" + id);
      },
      {.name = "cases.consent_paper.record", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/sager/{id}/samtykke/scanning/{scan}",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto file = context.services.consents
                              .scan(actor(request), request.params.at("id"), request.params.at("scan"), context.now_ms());
        return download(file.bytes, file.info.content_type, file.info.name);
      },
      {.name = "cases.consent_paper.scan", .policy = "staff", .execution = worker});
}

}  // namespace samspil::web
