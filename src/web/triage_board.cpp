// /ppr/visitation: the PPR district lead's board (P1) — the requests waiting in their
// districts' queues, oldest first with waiting days (no CPR, no child name), and the median
// waiting times per district. /ppr/visitation/{id}: the decision form for one request
// (assign / more information / redirect to KV / decline with reason); POST decides (303
// back to the board) or shows the form again with Danish errors (422).
#include <cstdio>

#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/triage/triage.hpp"
#include "web/admin_support.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

service::Triage& triage_of(const WebContext& ctx) {
  return ctx.services.triage;
}

std::string days_text(const std::optional<double>& days) {
  if (!days) return "–";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", *days);
  std::string text = buffer;
  for (auto& ch : text) {
    if (ch == '.') ch = ',';  // Danish decimal comma
  }
  return text;
}

http::Response board_page(const WebContext& ctx, http::Request& request) {
  const auto& t = ctx.views;
  const auto board = triage_of(ctx).board(actor(request), ctx.now_ms());
  return ctx.views.render(
      request, {.title = t.t("triage_board_title"), .body_template = "triage/board.tpl",
                .breadcrumbs = {{t.t("triage_board_title"), ""}}},
      [&](ctemplate::TemplateDictionary& body) {
        if (board.queue.empty()) body.ShowSection("EMPTY");
        auto* queue = board.queue.empty() ? nullptr : body.AddSectionDictionary("QUEUE");
        for (const auto& e : board.queue) {
          auto* row = queue->AddSectionDictionary("REQUEST");
          row->SetValue("title", e.item.title);
          row->SetValue("href", "/ppr/visitation/" + e.item.case_id);
          row->SetValue("district", e.item.ppr_unit_name);
          row->SetValue("institution", e.item.child_unit_name.empty() ? "–" : e.item.child_unit_name);
          row->SetValue("requested", danish_date(e.item.requested_at_ms));
          row->SetIntValue("waiting_days", static_cast<long>(e.waiting_days));
        }
        for (const auto& d : board.districts) {
          auto* row = body.AddSectionDictionary("DISTRICT");
          row->SetValue("name", d.unit_name);
          row->SetIntValue("decided", d.decided);
          row->SetValue("median_decision", days_text(d.median_decision_days));
          row->SetIntValue("started", d.started);
          row->SetValue("median_startup", days_text(d.median_startup_days));
        }
      });
}

http::Response decision_page(const WebContext& ctx, http::Request& request, const std::string& id,
                             const service::FieldErrors& errors, const FormData* posted, const std::string& problem) {
  const auto& t = ctx.views;
  const auto board = triage_of(ctx).board(actor(request), ctx.now_ms());
  const service::QueueEntry* entry = nullptr;
  for (const auto& e : board.queue) {
    if (e.item.case_id == id) entry = &e;
  }
  if (entry == nullptr && !problem.empty()) throw service::Conflict(problem);  // e.g. decided meanwhile
  if (entry == nullptr) throw service::NotFound("Henvendelsen findes ikke");
  Form form(request, errors, posted);
  form.radios({.name = "decision",
               .label = t.t("triage_decision_label"),
               .options = {{"assign", t.t("triage_decision_assign"), t.t("triage_decision_assign_hint")},
                           {"more_info", t.t("triage_decision_more_info"), t.t("triage_decision_more_info_hint")},
                           {"redirect_kv", t.t("triage_decision_redirect_kv")},
                           {"decline", t.t("triage_decision_decline"), t.t("triage_decision_decline_hint")}}});
  std::vector<Option> staff{{"", t.t("triage_assignee_none")}};
  for (const auto& s : entry->staff) staff.push_back({s.user_id, s.display_name});
  form.select({.name = "assignee_id", .label = t.t("triage_assignee_label"), .hint = t.t("triage_assignee_hint"),
               .options = staff, .optional = true});
  form.textarea({.name = "reason", .label = t.t("triage_reason_label"), .hint = t.t("triage_reason_hint"),
                 .optional = true, .rows = 4});
  return ctx.views.render(
      request,
      {.title = entry->item.title,
       .body_template = "triage/decide.tpl",
       .breadcrumbs = {{t.t("triage_board_title"), "/ppr/visitation"}, {entry->item.title, ""}},
       .has_errors = form.has_errors(),
       .status = problem.empty() ? 200 : 409},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("title", entry->item.title);
        body.SetValue("action", "/ppr/visitation/" + id);
        body.SetValue("case_href", "/sager/" + id);
        body.SetValue("district", entry->item.ppr_unit_name);
        body.SetValue("institution", entry->item.child_unit_name.empty() ? "–" : entry->item.child_unit_name);
        body.SetValue("requested", danish_date(entry->item.requested_at_ms));
        body.SetIntValue("waiting_days", static_cast<long>(entry->waiting_days));
        if (!problem.empty()) body.SetValueAndShowSection("problem", problem, "PROBLEM");
        form.fill(body, ctx.views);
      });
}

}  // namespace

void add_triage_routes(http::Router& router, const WebContext& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/ppr/visitation", [&context](http::Request& request) { return board_page(context, request); },
      {.name = "triage.board", .policy = "district_lead", .execution = worker});
  router.add(
      "GET", "/ppr/visitation/{id}",
      [&context](http::Request& request) {
        return decision_page(context, request, request.params.at("id"), {}, nullptr, "");
      },
      {.name = "triage.decision_form", .policy = "district_lead", .execution = worker});
  router.add(
      "POST", "/ppr/visitation/{id}",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        try {
          triage_of(context).decide(actor(request), id,
                                    {form->trimmed("decision"), form->trimmed("assignee_id"), form->trimmed("reason")},
                                    context.now_ms());
        } catch (const service::Invalid& e) {
          return decision_page(context, request, id, e.fields, &*form, "");
        } catch (const service::Conflict& e) {
          return decision_page(context, request, id, {}, &*form, e.what());
        }
        return admin::done(context, request, "/ppr/visitation", context.views.t("triage_decided_flash"));
      },
      {.name = "triage.decide", .policy = "district_lead", .execution = worker});
}

}  // namespace samspil::web
