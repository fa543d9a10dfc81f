// /sager/{id}/luk: closing a case (issue 5 item 7, F9). Shows the retention date the
// municipality's setting gives before the user confirms, asks for a reason from a list
// (free text required for "Andet"), closes through the model's closing move (the engine
// decides; guardians are mailed by the cases service), and says that a later need starts with
// a new meeting (F9) — there is no other way to reopen.
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/cases/cases.hpp"
#include "web/admin_support.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

struct Reason {
  const char* code;
  const char* key;
};
constexpr Reason kReasons[] = {
    {"solved", "close_reason_solved"},
    {"moved", "close_reason_moved"},
    {"consent_withdrawn", "close_reason_consent_withdrawn"},
    {"other_help", "close_reason_other_help"},
    {"other", "close_reason_other"},
};

// The model's closing move the engine allows now, if any.
const service::MoveOption* closing_move(const CaseModels& pages, const service::CaseView& view) {
  for (const auto& m : view.moves) {
    const auto* target = model_of_case(pages, view.record.model_id).case_machine.state(m.to_state);
    if (target != nullptr && target->closed && m.allowed) return &m;
  }
  return nullptr;
}

http::Response close_page(const WebContext& ctx, const CaseModels& pages, http::Request& request, const std::string& id,
                          const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto& who = actor(request);
  auto& cases = ctx.services.cases;
  const auto view = cases.get(who, id, ctx.now_ms());
  if (!who.is_staff()) throw service::NotFound("Sagen findes ikke");
  const auto* move = view.closed ? nullptr : closing_move(pages, view);
  // What closing now would give: the municipality's retention period (the service applies it).
  const int retention_days = move != nullptr ? cases.retention_days(who.tenant) : 0;
  Form form(request, errors, posted);
  std::vector<Option> reasons;
  for (const auto& r : kReasons) reasons.push_back({r.code, t.t(r.key)});
  form.radios({.name = "reason", .label = t.t("close_reason_label"), .options = reasons});
  form.textarea({.name = "details", .label = t.t("close_details_label"), .hint = t.t("close_details_hint"),
                 .optional = true, .rows = 4});
  return ctx.views.render(
      request,
      {.title = t.t("close_title") + " – " + view.record.title,
       .body_template = "cases/close.tpl",
       .breadcrumbs = {{t.t("cases_list_title"), "/sager"}, {view.record.title, "/sager/" + id}, {t.t("close_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("case_title", view.record.title);
        body.SetValue("case_href", "/sager/" + id);
        if (view.closed) {
          auto* closed = body.AddSectionDictionary("ALREADY_CLOSED");
          if (view.record.retention_until_ms) closed->SetValue("retention", danish_date(*view.record.retention_until_ms));
        } else if (move == nullptr) {
          body.ShowSection("NOT_NOW");
          for (const auto& m : view.moves) {
            const auto* target = model_of_case(pages, view.record.model_id).case_machine.state(m.to_state);
            if (target != nullptr && target->closed) body.AddSectionDictionary("REFUSAL")->SetValue("reason", m.reason);
          }
        } else {
          auto* open = body.AddSectionDictionary("CAN_CLOSE");
          open->SetValue("action", "/sager/" + id + "/luk");
          open->SetValue("retention", danish_date(ctx.now_ms() + static_cast<std::int64_t>(retention_days) * kDayMs));
          open->SetIntValue("retention_days", retention_days);
          form.fill(*open, ctx.views);
        }
      });
}

}  // namespace

void add_case_close_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_case_models(context);
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/sager/{id}/luk",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        return close_page(context, *pages, request, request.params.at("id"), {}, nullptr);
      },
      {.name = "cases.close_form", .policy = "staff", .execution = worker});
  router.add(
      "POST", "/sager/{id}/luk",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        const auto& who = actor(request);
        const std::string code = form->trimmed("reason");
        const std::string details = form->trimmed("details");
        const Reason* reason = nullptr;
        for (const auto& r : kReasons) {
          if (code == r.code) reason = &r;
        }
        service::FieldErrors errors;
        if (reason == nullptr) errors["reason"] = "Vælg, hvorfor sagen afsluttes";
        if (reason != nullptr && code == "other" && details.empty()) errors["details"] = "Beskriv, hvorfor sagen afsluttes";
        if (details.size() > 900) errors["details"] = "Uddybningen er for lang (højst 900 tegn)";
        if (!errors.empty()) return close_page(context, *pages, request, id, errors, &*form);
        // Closing gives the municipality's retention period: Cases::move reads it itself.
        auto& cases = context.services.cases;
        const auto view = cases.get(who, id, context.now_ms());
        const auto* move = view.closed ? nullptr : closing_move(*pages, view);
        if (move == nullptr) throw service::Conflict(context.views.t("close_not_now"));
        const std::string text = context.views.t(reason->key) + (details.empty() ? "" : ": " + details);
        cases.move(who, id, {move->to_state, move->via, text, ""}, context.now_ms());
        return admin::done(context, request, "/sager/" + id, context.views.t("close_done_flash"));
      },
      {.name = "cases.close", .policy = "staff", .execution = worker});
}

}  // namespace samspil::web
