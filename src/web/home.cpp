// The front page. Signed out: what Samspil is, with the two ways in. Signed-in staff: "Mit
// overblik" (service::Overview: next meetings, obligations, tasks, cases, and for leaders
// their units' compliance), each list paginated with its own "Vis flere" link
// (?moeder=, ?frister=, ?opgaver=, ?sager= carry opaque page tokens). Guardians have their
// own portal and are sent there.
#include <string>
#include <vector>

#include "service/errors.hpp"
#include "web/cases_support.hpp"
#include "web/home.hpp"
#include "web/request_state.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

constexpr int kPerList = 10;

// The name of a model obligation id from locale (obligation_<id>), the id when unknown.
std::string obligation_name(const Views& views, const std::string& id) {
  const std::string key = "obligation_" + id;
  const std::string& text = views.t(key);
  return text == key ? id : text;
}

void more_link(ctemplate::TemplateDictionary& section, const char* param, const std::string& next,
               const std::string& anchor) {
  if (next.empty()) return;
  section.SetValueAndShowSection("more_href", std::string("/?") + param + "=" + next + "#" + anchor, "MORE");
}

}  // namespace

void fill_overview(ctemplate::TemplateDictionary& body, const Views& views, const service::Actor& actor,
                   const service::MyOverview& overview, const std::string& csrf_token, std::int64_t now_ms) {
  ctemplate::TemplateDictionary* section = body.AddSectionDictionary("OVERVIEW");
  section->SetValue("user_name", actor.display_name);

  ctemplate::TemplateDictionary* meetings = section->AddSectionDictionary("MEETINGS_LIST");
  if (overview.meetings.items.empty()) meetings->ShowSection("MEETINGS_EMPTY");
  for (const auto& m : overview.meetings.items) {
    auto* row = meetings->AddSectionDictionary("MEETING");
    row->SetValue("href", "/moeder/" + m.row.id);
    row->SetValue("type", m.type_name);
    row->SetValue("case_title", m.row.case_title);
    row->SetValue("when", danish_time(m.row.starts_at_ms));
    if (m.row.status == "draft") row->ShowSection("DRAFT");
    if (m.row.response == "accepted") row->ShowSection("ACCEPTED");
    if (m.row.response == "declined") row->ShowSection("DECLINED");
  }
  more_link(*meetings, "moeder", overview.meetings.next, "overview-meetings");

  ctemplate::TemplateDictionary* deadlines = section->AddSectionDictionary("DEADLINES_LIST");
  if (overview.obligations.items.empty()) deadlines->ShowSection("DEADLINES_EMPTY");
  for (const auto& o : overview.obligations.items) {
    auto* row = deadlines->AddSectionDictionary("DEADLINE");
    row->SetValue("href", "/moeder/" + o.meeting_id);
    row->SetValue("name", obligation_name(views, o.obligation_id));
    row->SetValue("case_title", o.case_title);
    row->SetValue("due", danish_time(o.due_at_ms));
    if (o.overdue) row->ShowSection("OVERDUE");
  }
  more_link(*deadlines, "frister", overview.obligations.next, "overview-deadlines");

  ctemplate::TemplateDictionary* tasks = section->AddSectionDictionary("TASKS_LIST");
  if (overview.tasks.items.empty()) tasks->ShowSection("TASKS_EMPTY");
  for (const auto& t : overview.tasks.items) {
    auto* row = tasks->AddSectionDictionary("TASK");
    row->SetValue("label", t.label);
    row->SetValue("task_id", t.id);
    row->SetValue("csrf_token", csrf_token);
    if (!t.case_id.empty()) {
      row->SetValueAndShowSection("href", "/sager/" + t.case_id, "LINK");
    } else if (!t.meeting_id.empty()) {
      row->SetValueAndShowSection("href", "/moeder/" + t.meeting_id, "LINK");
    } else {
      row->ShowSection("NO_LINK");
    }
    if (t.due_at_ms) {
      row->SetValueAndShowSection("due", danish_time(*t.due_at_ms), "DUE");
      if (*t.due_at_ms < now_ms) row->ShowSection("TASK_OVERDUE");
    }
  }
  more_link(*tasks, "opgaver", overview.tasks.next, "overview-tasks");

  ctemplate::TemplateDictionary* cases = section->AddSectionDictionary("CASES_LIST");
  if (overview.cases.items.empty()) cases->ShowSection("CASES_EMPTY");
  for (const auto& c : overview.cases.items) {
    auto* row = cases->AddSectionDictionary("CASE");
    row->SetValue("href", "/sager/" + c.row.id);
    row->SetValue("title", c.row.title);
    row->SetValue("state", c.state_name);
    row->SetValue("changed", danish_date(c.row.updated_at_ms));
  }
  more_link(*cases, "sager", overview.cases.next, "overview-cases");

  if (overview.leader) {
    auto* compliance = section->AddSectionDictionary("COMPLIANCE");
    if (overview.compliance.empty()) compliance->ShowSection("COMPLIANCE_EMPTY");
    else compliance->ShowSection("COMPLIANCE_TABLE");
    for (const auto& c : overview.compliance) {
      auto* row = compliance->AddSectionDictionary("COMPLIANCE_ROW");
      row->SetValue("unit", c.unit_name);
      row->SetValue("name", obligation_name(views, c.obligation_id));
      row->SetIntValue("met", static_cast<long>(c.met));
      row->SetIntValue("missed", static_cast<long>(c.missed));
      if (c.missed > 0) row->ShowSection("MISSED");
    }
  }
}

void add_home_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/",
      [&context](http::Request& request) {
        const RequestState& s = state(std::as_const(request));
        if (s.actor && !s.actor->is_staff()) return http::Response::redirect("/foraeldre");
        if (!s.actor) {
          return context.views.render(request, {.title = context.views.t("home_title"), .body_template = "home.tpl"},
                                      [](ctemplate::TemplateDictionary& body) { body.ShowSection("SIGNED_OUT_HOME"); });
        }
        const std::int64_t now = context.now_ms();
        service::OverviewCursors cursors{request.query_param("moeder"), request.query_param("opgaver"),
                                         request.query_param("sager"), request.query_param("frister")};
        const auto overview = service::Overview(context.db, context.models).of(*s.actor, cursors, kPerList, now);
        return context.views.render(
            request, {.title = context.views.t("overview_heading"), .body_template = "home.tpl"},
            [&](ctemplate::TemplateDictionary& body) {
              fill_overview(body, context.views, *s.actor, overview, s.csrf_token, now);
            });
      },
      {.name = "home", .policy = "public", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
