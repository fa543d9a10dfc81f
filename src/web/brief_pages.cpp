// /moeder/{id}/oplaeg: the meeting brief (mødeoplæg, F6) — read by everyone invited, written
// by the agenda owner; sent with the agenda.
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "web/admin_support.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

http::Response show(const WebContext& ctx, http::Request& request, const std::string& id,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  if (!ctx.models) throw service::NotFound("Mødet findes ikke");
  const auto v = ctx.services.agendas.brief(actor(request), id, ctx.now_ms());
  Form form(request, errors, posted);
  form.textarea({.name = "text", .label = t.t("brief_text"), .hint = t.t("brief_text_hint"), .optional = true, .rows = 12});
  if (!posted) form.value("text", v.text);
  return ctx.views.render(
      request,
      {.title = t.t("brief_title") + ": " + v.type_name,
       .body_template = "meetings/brief.tpl",
       .breadcrumbs = {{t.t("agenda_title"), "/moeder/" + id + "/dagsorden"}, {t.t("brief_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        form.fill(body, ctx.views);  // the error summary at the top
        body.SetValue("type_name", v.type_name);
        body.SetValue("agenda_href", "/moeder/" + id + "/dagsorden");
        if (v.sent_at_ms) body.SetValueAndShowSection("sent", danish_time(*v.sent_at_ms), "SENT");
        if (v.may_edit) {
          auto* edit = body.AddSectionDictionary("EDIT");
          edit->SetValue("action", "/moeder/" + id + "/oplaeg");
          form.fill(*edit, ctx.views);
        } else {
          auto* read = body.AddSectionDictionary("READ");
          if (v.text.empty()) read->ShowSection("EMPTY");
          std::size_t start = 0;
          while (start <= v.text.size() && !v.text.empty()) {
            const auto end = v.text.find('\n', start);
            const std::string line = v.text.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (!line.empty() && line != "\r") read->AddSectionDictionary("PARAGRAPH")->SetValue("line", line);
            if (end == std::string::npos) break;
            start = end + 1;
          }
        }
      });
}

}  // namespace

void add_brief_routes(http::Router& router, const WebContext& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/moeder/{id}/oplaeg",
      [&context](http::Request& request) { return show(context, request, request.params.at("id"), {}, nullptr); },
      {.name = "meetings.brief", .policy = "signed_in", .execution = worker});
  router.add(
      "POST", "/moeder/{id}/oplaeg",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        try {
          context.services.agendas.save_brief(actor(request), id, form->get("text"), context.now_ms());
        } catch (const service::Invalid& e) {
          return show(context, request, id, e.fields, &*form);
        }
        return admin::done(context, request, "/moeder/" + id + "/oplaeg", context.views.t("brief_saved"));
      },
      {.name = "meetings.brief.save", .policy = "staff", .execution = worker});
}

}  // namespace samspil::web
