// Meeting mode /moeder/{id}/afvikling (issue 6 item 5; SPEC R5, R6, F7, F8, X2): the chair
// steps through the agenda, the speaking order of the current item is shown, the minute
// taker writes the agreement (plain form POSTs; static/js/meeting-mode.js saves with fetch
// and follows the live stream), the chair reads it back and confirms. Every other
// participant sees the same screen read-only; GET …/afvikling/haendelser is the
// server-sent event stream that keeps it current (without JS: the "Opdater" link).
#include <algorithm>

#include "domain/calendar.hpp"
#include "edge/request_state.hpp"
#include "service/agreements/agreements.hpp"
#include "service/base/errors.hpp"
#include "web/cases_support.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/meeting_labels.hpp"
#include "web/meeting_mode_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {

std::vector<service::AgreementActionInput> actions_from_form(const FormData& form, service::FieldErrors& errors) {
  std::vector<service::AgreementActionInput> out;
  for (int i = 0; i < 50; ++i) {
    const std::string p = "action_" + std::to_string(i);
    if (!form.has(p + "_text")) break;
    service::AgreementActionInput a{form.trimmed(p + "_text"), form.trimmed(p + "_owner"), "", std::nullopt};
    const std::string due = form.trimmed(p + "_due");
    if (a.text.empty() && a.owner_id.empty() && due.empty()) continue;  // the blank row
    if (a.owner_id == "parents") {
      a.owner_id.clear();
      a.owner_name = "Forældrene";
    }
    a.due_at_ms = parse_due_date(due);
    if (!due.empty() && !a.due_at_ms)
      errors[p + "_due"] = "Skriv datoen som åååå-mm-dd, fx 2027-03-01.";
    out.push_back(std::move(a));
  }
  return out;
}

service::AgreementContent content_from_form(const FormData& f) {
  return {f.trimmed("resources"), f.trimmed("challenges"), f.trimmed("goals"),
          f.trimmed("signs_child"), f.trimmed("signs_adults"), f.trimmed("ppv_decision"),
          f.trimmed("child_perspective"), f.trimmed("child_perspective_missing"), f.trimmed("next_meeting")};
}

namespace {

std::string group_label(const Views& t, const std::string& group) {
  if (group == "parents") return t.t("live_group_parents");
  if (group == "child") return t.t("live_group_child");
  if (group == "local_professionals") return t.t("live_group_local");
  if (group == "external_professionals") return t.t("live_group_external");
  return group;
}

// Locale keys spelled out so the template check sees every one.
const char* status_key(const std::string& status) {
  if (status == "final") return "live_status_final";
  if (status == "read_back") return "live_status_read_back";
  return "live_status_draft";
}

std::string date_input(std::optional<std::int64_t> ms) {
  if (!ms) return "";
  const auto d = domain::local_date(domain::Instant{std::chrono::seconds{*ms / 1000}});
  return domain::format_date(d);
}

struct Section {
  const char* name;
  const char* label_key;
  std::string service::AgreementContent::*field;
};

const Section kSections[] = {
    {"resources", "live_resources", &service::AgreementContent::resources},
    {"challenges", "live_challenges", &service::AgreementContent::challenges},
    {"goals", "live_goals", &service::AgreementContent::goals},
    {"signs_child", "live_signs_child", &service::AgreementContent::signs_child},
    {"signs_adults", "live_signs_adults", &service::AgreementContent::signs_adults},
    {"ppv_decision", "live_ppv_decision", &service::AgreementContent::ppv_decision},
    {"child_perspective", "live_child_perspective", &service::AgreementContent::child_perspective},
    {"child_perspective_missing", "live_child_perspective_missing",
     &service::AgreementContent::child_perspective_missing},
    {"next_meeting", "live_next_meeting", &service::AgreementContent::next_meeting},
};

}  // namespace

http::Response show_meeting_mode(const WebContext& ctx, http::Request& request, const std::string& id,
                                 const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  auto& agreements = ctx.services.agreements;
  const auto s = agreements.state(actor(request), id, ctx.now_ms());
  const std::string base = "/moeder/" + id;
  const bool editable = s.is_minute_taker && s.status != "final";
  auto value = [&](const Section& sec) {
    return posted != nullptr ? posted->trimmed(sec.name) : s.content.*(sec.field);
  };
  http::Response response = ctx.views.render(
      request,
      {.title = t.t("live_title") + ": " + s.type_name,
       .body_template = "meetings/mode.tpl",
       .breadcrumbs = {{t.t("cases_list_title"), "/sager"}, {t.t("live_title"), ""}},
       .has_errors = !errors.empty()},
      [&](ctemplate::TemplateDictionary& body) {
        if (!errors.empty()) {
          auto* summary = body.AddIncludeDictionary("ERROR_SUMMARY");
          summary->SetFilename("partials/error_summary.tpl");
          auto* sum = summary->AddSectionDictionary("SUMMARY");
          sum->SetValue("heading", t.t("form_error_summary_heading"));
          for (const auto& [field, message] : errors) {
            auto* e = sum->AddSectionDictionary("ERROR");
            e->SetValue("message", message);
            e->SetValueAndShowSection("anchor", Form::element_id(field), "LINK");
          }
        }
        body.SetValue("type_name", s.type_name);
        body.SetValue("starts", s.starts_at_ms ? danish_time(*s.starts_at_ms) : "–");
        body.SetValue("events_href", base + "/afvikling/haendelser");
        body.SetValue("mode_js", t.asset_url("js/meeting-mode.js"));
        body.SetValue("refresh_href", base + "/afvikling");
        body.SetValue("version", std::to_string(s.version));
        body.SetValue("status_label", t.t(status_key(s.status)));
        const std::string csrf = state(request).csrf_token;
        body.SetValue("csrf_token", csrf);
        // The agenda with the current item and its speaking order (R5).
        if (s.agenda.empty()) body.ShowSection("NO_AGENDA");
        for (std::size_t i = 0; i < s.agenda.size(); ++i) {
          auto* item = body.AddSectionDictionary("ITEM");
          item->SetValue("title", s.agenda[i].title);
          if (static_cast<int>(i) == s.current_item) item->ShowSection("CURRENT");
        }
        if (!s.agenda.empty()) {
          const auto& current = s.agenda[static_cast<std::size_t>(s.current_item)];
          auto* cur = body.AddSectionDictionary("CURRENT_ITEM");
          cur->SetValue("number", std::to_string(s.current_item + 1));
          cur->SetValue("count", std::to_string(s.agenda.size()));
          cur->SetValue("title", current.title);
          if (!current.description.empty()) cur->SetValueAndShowSection("description", current.description, "DESCRIPTION");
          for (const auto& g : current.speaking_order) cur->AddSectionDictionary("SPEAKER")->SetValue("label", group_label(t, g));
        }
        if (s.is_chair && s.status != "final" && !s.agenda.empty()) {
          auto* chair = body.AddSectionDictionary("CHAIR_STEP");
          chair->SetValue("csrf_token", csrf);
          chair->SetValue("step_href", base + "/afvikling/punkt");
        }
        for (const auto& p : s.participants) {
          auto* row = body.AddSectionDictionary("PARTICIPANT");
          row->SetValue("name", p.name.empty() ? "–" : p.name);
          row->SetValue("role_in_case", relation_name(t, ctx.models, p.role_in_case));
          row->SetValue("roles", role_names(t, p.roles));
        }
        // The agreement: a form for the minute taker, read-only text for everyone else.
        auto* agreement = body.AddSectionDictionary(editable ? "EDIT" : "READ");
        agreement->SetValue("csrf_token", csrf);
        agreement->SetValue("save_href", base + "/aftale");
        agreement->SetValue("version", std::to_string(s.version));
        for (const auto& sec : kSections) {
          const std::string name = sec.name;
          if (name == "ppv_decision" && !s.asks_ppv_decision) continue;
          if (name.rfind("child_perspective", 0) == 0 && !s.asks_child_perspective &&
              s.content.*(sec.field) == "" && posted == nullptr && name == "child_perspective_missing")
            continue;
          auto* row = agreement->AddSectionDictionary("SECTION");
          row->SetValue("name", name);
          row->SetValue("id", Form::element_id(name));
          row->SetValue("label", t.t(sec.label_key));
          row->SetValue("value", value(sec));
          if (!editable && value(sec).empty()) row->ShowSection("EMPTY");
        }
        int index = 0;
        auto add_action_row = [&](const std::string& text, const std::string& owner, const std::string& owner_label,
                                  const std::string& due) {
          auto* row = agreement->AddSectionDictionary("ACTION");
          const std::string p = "action_" + std::to_string(index++);
          row->SetValue("prefix", p);
          row->SetValue("number", std::to_string(index));
          row->SetValue("text", text);
          row->SetValue("owner_label", owner_label.empty() ? "–" : owner_label);
          row->SetValue("due", due.empty() ? "–" : due);
          row->SetValue("due_value", due);
          for (const auto& [key, label] : std::vector<std::pair<std::string, std::string>>{{"", t.t("live_choose_owner")}, {"parents", "Forældrene"}}) {
            auto* o = row->AddSectionDictionary("OWNER");
            o->SetValue("value", key);
            o->SetValue("label", label);
            if (owner == key) o->ShowSection("SELECTED");
          }
          for (const auto& p2 : s.participants) {
            if (p2.user_id.empty() || p2.role_in_case == "parents") continue;
            auto* o = row->AddSectionDictionary("OWNER");
            o->SetValue("value", p2.user_id);
            // A dash, not parentheses: profession names carry their own ("… (ledelse)").
            o->SetValue("label", p2.name + " – " + relation_name(t, ctx.models, p2.role_in_case));
            if (owner == p2.user_id) o->ShowSection("SELECTED");
          }
        };
        if (posted != nullptr) {
          for (int i = 0; i < 50 && posted->has("action_" + std::to_string(i) + "_text"); ++i) {
            const std::string p = "action_" + std::to_string(i);
            add_action_row(posted->trimmed(p + "_text"), posted->trimmed(p + "_owner"), "", posted->trimmed(p + "_due"));
          }
        } else {
          for (const auto& a : s.actions)
            add_action_row(a.text, a.owner_id.empty() && !a.owner_label.empty() ? "parents" : a.owner_id,
                           a.owner_label, date_input(a.due_at_ms));
        }
        if (editable) add_action_row("", "", "", "");
        if (s.actions.empty() && !editable) agreement->ShowSection("NO_ACTIONS");
        // Read back and confirm (R6).
        if (s.is_chair && s.status == "draft" && s.version > 0) {
          auto* rb = body.AddSectionDictionary("READ_BACK");
          rb->SetValue("csrf_token", csrf);
          rb->SetValue("href", base + "/aftale/oplaest");
        }
        if (s.is_chair && s.status == "read_back") {
          auto* c = body.AddSectionDictionary("CONFIRM");
          c->SetValue("csrf_token", csrf);
          c->SetValue("href", base + "/aftale/bekraeft");
        }
        if (s.status == "final") {
          auto* f = body.AddSectionDictionary("FINAL");
          f->SetValue("confirmed", s.confirmed_at_ms ? danish_time(*s.confirmed_at_ms) : "–");
          f->SetValue("sent", s.sent_at_ms ? danish_time(*s.sent_at_ms) : "–");
          f->SetValue("pdf_href", s.is_guardian ? "/foraeldre/moeder/" + id + "/aftale.pdf" : base + "/aftale.pdf");
          f->SetValue("sha256", s.pdf_sha256);
        }
      });
  response.set_header("Cache-Control", "no-store");
  return response;
}

namespace {

http::Response post_save(const WebContext& ctx, http::Request& request, const std::string& id) {
  auto form = read_form(request);
  if (!form) return error_page(ctx.views, request, 400);
  service::FieldErrors errors;
  auto actions = actions_from_form(*form, errors);
  if (!errors.empty()) return show_meeting_mode(ctx, request, id, errors, &*form);
  auto& agreements = ctx.services.agreements;
  std::int64_t version = 0;
  try {
    version = std::stoll(form->trimmed("version"));
  } catch (const std::exception&) {
    return error_page(ctx.views, request, 400);
  }
  try {
    agreements.save(actor(request), id, version, content_from_form(*form), actions, ctx.now_ms());
  } catch (const service::Invalid& e) {
    return show_meeting_mode(ctx, request, id, e.fields, &*form);
  }
  return http::Response::redirect("/moeder/" + id + "/afvikling#aftale");
}

}  // namespace

void add_meeting_mode_routes(http::Router& router, const WebContext& context) {
  const WebContext* ctx = &context;
  router.add("GET", "/moeder/{id}/afvikling",
             [ctx](http::Request& r) { return show_meeting_mode(*ctx, r, r.params.at("id"), {}, nullptr); },
             {.name = "meeting_mode", .policy = "signed_in", .execution = http::Execution::worker_pool});
  router.add("POST", "/moeder/{id}/afvikling/punkt",
             [ctx](http::Request& r) {
               auto form = read_form(r);
               if (!form) return error_page(ctx->views, r, 400);
               ctx->services.agreements
                   .step(actor(r), r.params.at("id"), form->get("retning") == "tilbage" ? -1 : 1, ctx->now_ms());
               return http::Response::redirect("/moeder/" + r.params.at("id") + "/afvikling");
             },
             {.name = "meeting_mode_step", .policy = "staff", .execution = http::Execution::worker_pool});
  router.add("POST", "/moeder/{id}/aftale",
             [ctx](http::Request& r) { return post_save(*ctx, r, r.params.at("id")); },
             {.name = "agreement_save", .policy = "staff", .execution = http::Execution::worker_pool});
  router.add("POST", "/moeder/{id}/aftale/oplaest",
             [ctx](http::Request& r) {
               ctx->services.agreements.read_back(actor(r), r.params.at("id"), ctx->now_ms());
               return http::Response::redirect("/moeder/" + r.params.at("id") + "/afvikling#bekraeft");
             },
             {.name = "agreement_read_back", .policy = "staff", .execution = http::Execution::worker_pool});
  router.add("POST", "/moeder/{id}/aftale/bekraeft",
             [ctx](http::Request& r) {
               ctx->services.agreements.confirm(actor(r), r.params.at("id"), ctx->now_ms());
               return http::Response::redirect("/moeder/" + r.params.at("id") + "/afvikling");
             },
             {.name = "agreement_confirm", .policy = "staff", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
