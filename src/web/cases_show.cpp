// /sager/{id}: one case — state, what was tried, participants, consents in force, the
// moves the model offers with the reason when one is not allowed now, and the timeline.
// POST /sager/{id}/skift moves the case (the engine decides; a refusal is shown with its
// rule ids), POST /sager/{id}/afproevet records what was tried (F3).
#include <algorithm>
#include <map>

#include "edge/request_state.hpp"
#include "service/cases/cases.hpp"
#include "service/consent/consents.hpp"
#include "service/meetings/meetings.hpp"
#include "service/triage/triage.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/meeting_support.hpp"
#include "web/routes.hpp"
#include "web/timeline_labels.hpp"
#include "web/views.hpp"

namespace samspil::web {
namespace {

// Locale keys spelled out so the template check sees every one.
std::string case_role_name(const Views& views, const std::string& role) {
  if (role == "initiator") return views.t("case_role_initiator");
  if (role == "ppr_staff") return views.t("case_role_ppr_staff");
  if (role == "participant") return views.t("case_role_participant");
  return role;
}

// Every consent of the case's child (staff): who, what, how, when, status, and the scan of a
// paper consent; plus the link to record one from paper while the case is open.
void fill_consent_records(ctemplate::TemplateDictionary& staff, const WebContext& ctx, const http::Request& request,
                          const service::CaseView& view) {
  const auto& t = ctx.views;
  const auto& who = actor(request);
  auto& consents = ctx.services.consents;
  const auto records = consents.for_child(who, view.record.child_id, ctx.now_ms());
  std::map<std::string, std::string> names;
  if (view.relation != "guardian") {
    for (const auto& g : consents.givers_for_case(who, view.record.id)) names[g.user_id] = g.name;
  }
  if (records.empty()) staff.ShowSection("NO_CONSENT_RECORDS");
  auto* table = records.empty() ? nullptr : staff.AddSectionDictionary("CONSENT_RECORDS");
  for (const auto& c : records) {
    auto* row = table->AddSectionDictionary("CONSENT_ROW");
    const auto name = names.find(c.row.guardian_id);
    row->SetValue("guardian", name != names.end() ? name->second : c.row.guardian_id);
    row->SetValue("scope", c.scope_name);
    row->SetValue("source", t.t(c.row.source == "paper" ? "consent_list_source_paper" : "consent_list_source_portal"));
    row->SetValue("given", danish_date(c.row.given_at_ms));
    row->SetValue("expires", c.row.expires_at_ms ? danish_date(*c.row.expires_at_ms - 1) : t.t("consent_list_no_expiry"));
    row->SetValue("status", t.t(c.row.withdrawn_at_ms ? "consent_list_withdrawn"
                                : c.in_force         ? "consent_list_in_force"
                                                     : "consent_list_not_in_force"));
    if (!c.row.scan_attachment_id.empty()) {
      row->AddSectionDictionary("SCAN")->SetValue(
          "href", "/sager/" + view.record.id + "/samtykke/scanning/" + c.row.scan_attachment_id);
    }
  }
  if (!view.closed) staff.ShowSection("CAN_RECORD_CONSENT");
}

http::Response show(const WebContext& ctx, const CaseModels& pages, http::Request& request, const std::string& id,
                    const std::string& problem, const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto& who = actor(request);
  auto& cases = ctx.services.cases;
  const auto view = cases.get(who, id, ctx.now_ms());
  const auto events = cases.timeline(who, id, request.query_param("type"), "", 200, ctx.now_ms());
  // Waiting times of the request to PPR (P1): request -> decision and -> start-up meeting.
  const auto waiting =
      ctx.services.triage.waiting(who, id, ctx.now_ms());
  Form tried(request, errors, posted);
  tried.textarea({.name = "tried", .label = t.t("cases_show_tried_label"), .hint = t.t("cases_new_tried_hint"), .rows = 6});
  if (posted == nullptr) tried.value("tried", view.tried);
  const bool failed = !problem.empty() || !errors.empty();
  return ctx.views.render(
      request,
      {.title = view.record.title,
       .body_template = "cases/show.tpl",
       .breadcrumbs = {{t.t("cases_list_title"), "/sager"}, {view.record.title, ""}},
       .has_errors = failed},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("case_title", view.record.title);
        body.SetValue("state", view.state_name);
        body.SetValue("opened", danish_date(view.record.opened_at_ms));
        body.SetValue("case_href", "/sager/" + id);
        if (who.is_staff() && waiting.requested_at_ms) {
          auto* wait = body.AddSectionDictionary("WAITING");
          wait->SetValue("requested", danish_date(*waiting.requested_at_ms));
          wait->SetValue("decided", waiting.decided_at_ms ? danish_date(*waiting.decided_at_ms) : "–");
          wait->SetValue("decision_days", waiting.decision_wait_ms ? std::to_string(*waiting.decision_wait_ms / 86'400'000) : "–");
          wait->SetValue("startup", waiting.startup_at_ms ? danish_date(*waiting.startup_at_ms) : "–");
          wait->SetValue("startup_days", waiting.startup_wait_ms ? std::to_string(*waiting.startup_wait_ms / 86'400'000) : "–");
          for (const auto& d : waiting.decisions) {
            auto* row = wait->AddSectionDictionary("DECISION");
            row->SetValue("at", danish_time(d.decided_at_ms));
            row->SetValue("what", service::decision_label(d.decision));
            row->SetValue("who", d.decided_by_name);
            if (!d.reason_encrypted.empty()) row->SetValueAndShowSection("reason", d.reason_encrypted, "REASON");
          }
        }
        if (who.is_staff() && !view.closed) body.ShowSection("CAN_CLOSE");
        if (!problem.empty()) body.SetValueAndShowSection("problem", problem, "PROBLEM");
        if (view.closed) {
          auto* closed = body.AddSectionDictionary("CLOSED");
          closed->SetValue("reason", view.record.close_reason);
          if (view.record.retention_until_ms) closed->SetValue("retention", danish_date(*view.record.retention_until_ms));
        }
        const auto& model = model_of_case(pages, view.record.model_id);  // the case's own model
        for (const auto& scope : view.consents_in_force) {
          const auto* s = domain::find_consent_scope(model, scope);
          body.AddSectionDictionary("CONSENT")->SetValue("name", s ? s->name : scope);
        }
        if (view.consents_in_force.empty()) body.ShowSection("NO_CONSENT");
        if (who.is_staff()) {
          // The case's meetings, newest first, each linking to its page (agenda, meeting mode).
          auto meetings = ctx.services.meetings.of_case(who, id, ctx.now_ms());
          std::sort(meetings.begin(), meetings.end(),
                    [](const auto& a, const auto& b) { return a.starts_at_ms > b.starts_at_ms; });
          auto* list = body.AddSectionDictionary("MEETINGS");
          if (meetings.empty()) list->ShowSection("NO_MEETINGS");
          for (const auto& m : meetings) {
            const auto* model = ctx.models != nullptr ? ctx.models->find(m.model_id) : nullptr;
            const auto* type = model != nullptr ? model->meeting_type(m.type_id) : nullptr;
            auto* row = list->AddSectionDictionary("MEETING");
            row->SetValue("meeting_id", m.id);
            row->SetValue("type_name", type != nullptr ? type->name : m.type_id);
            row->SetValue("starts", m.starts_at_ms ? danish_time(*m.starts_at_ms) : "–");
            row->SetValue("status", status_label(ctx.views, m.status));
          }
        }
        if (who.is_staff()) {
          auto* staff = body.AddSectionDictionary("STAFF");
          tried.fill(*staff, ctx.views);
          fill_consent_records(*staff, ctx, request, view);
          for (const auto& p : view.participants) {
            auto* row = staff->AddSectionDictionary("PARTICIPANT");
            row->SetValue("name", p.display_name.empty() ? ctx.views.t("case_participant_unknown") : p.display_name);
            row->SetValue("role", case_role_name(ctx.views, p.role));
          }
          for (const auto& m : view.moves) {
            auto* move = staff->AddSectionDictionary("MOVE");
            move->SetValue("to_name", m.to_name);
            move->SetValue("via_name", m.via_name);
            move->SetValue("to_state", m.to_state);
            move->SetValue("via", m.via);
            if (m.allowed) {
              auto* allowed = move->AddSectionDictionary("ALLOWED");
              allowed->SetValue("csrf_token", state(request).csrf_token);
              allowed->SetValue("action", "/sager/" + id + "/skift");
              allowed->SetValue("to_state", m.to_state);
              allowed->SetValue("via", m.via);
              allowed->SetValue("field_id", "reason-" + m.to_state + "-" + m.via);
              const auto* target = model.case_machine.state(m.to_state);
              if (target != nullptr && target->closed) {
                allowed->ShowSection("NEEDS_REASON");
              } else if (!view.ppr_units.empty()) {
                auto* ppr = allowed->AddSectionDictionary("PPR");
                ppr->SetValue("field_id", "ppr-" + m.to_state + "-" + m.via);
                for (const auto& [unit_id, name] : view.ppr_units) {
                  auto* option = ppr->AddSectionDictionary("PPR_UNIT");
                  option->SetValue("id", unit_id);
                  option->SetValue("name", name);
                }
              }
            } else {
              move->SetValueAndShowSection("reason", m.reason, "REFUSED");
            }
          }
        }
        for (const auto& e : events) {
          auto* row = body.AddSectionDictionary("EVENT");
          row->SetValue("at", danish_time(e.at_ms));
          row->SetValue("what", timeline_label(t, e.kind, e.detail));
        }
      });
}

}  // namespace

void add_case_show_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_case_models(context);
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/sager/{id}",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        return show(context, *pages, request, request.params.at("id"), "", {}, nullptr);
      },
      {.name = "cases.show", .policy = "signed_in", .execution = worker});

  router.add(
      "POST", "/sager/{id}/skift",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        auto& cases = context.services.cases;
        try {
          cases.move(actor(request), id,
                     {form->trimmed("to_state"), form->trimmed("via"), form->trimmed("reason"),
                      form->trimmed("ppr_unit_id")},
                     context.now_ms());
          return http::Response::redirect("/sager/" + id);
        } catch (const service::Conflict& e) {
          return show(context, *pages, request, id, e.what(), {}, nullptr);
        } catch (const service::Invalid& e) {
          std::string text;
          for (const auto& [field, message] : e.fields) text += (text.empty() ? "" : " ") + message + ".";
          return show(context, *pages, request, id, text, {}, nullptr);
        }
      },
      {.name = "cases.move", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/sager/{id}/afproevet",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        auto& cases = context.services.cases;
        try {
          cases.record_tried(actor(request), id, form->trimmed("tried"), context.now_ms());
          return http::Response::redirect("/sager/" + id);
        } catch (const service::Invalid& e) {
          return show(context, *pages, request, id, "", e.fields, &*form);
        }
      },
      {.name = "cases.tried", .policy = "staff", .execution = worker});
}

}  // namespace samspil::web
