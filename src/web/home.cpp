// The front page. Signed out: what Samspil is, with the two ways in. Signed-in staff: "Mit
// overblik" (service::Overview: next meetings, obligations, tasks, cases, and for leaders
// their units' compliance), each list paginated with its own "Vis flere" link
// (?moeder=, ?frister=, ?opgaver=, ?sager= carry opaque page tokens). Guardians have their
// own portal and are sent there.
#include <string>
#include <vector>

#include "service/base/errors.hpp"
#include "web/cases_support.hpp"
#include "web/home.hpp"
#include "edge/request_state.hpp"
#include "web/routes.hpp"
#include "web/template_keys.hpp"

namespace samspil::web {

namespace {

constexpr int kPerList = 10;

// home.tpl's sections and values (static keys: web/template_keys.hpp says why).
SAMSPIL_TEMPLATE_KEY(kSectionAccepted, "ACCEPTED");
SAMSPIL_TEMPLATE_KEY(kSectionCase, "CASE");
SAMSPIL_TEMPLATE_KEY(kSectionCasesEmpty, "CASES_EMPTY");
SAMSPIL_TEMPLATE_KEY(kSectionCasesList, "CASES_LIST");
SAMSPIL_TEMPLATE_KEY(kSectionCompliance, "COMPLIANCE");
SAMSPIL_TEMPLATE_KEY(kSectionComplianceEmpty, "COMPLIANCE_EMPTY");
SAMSPIL_TEMPLATE_KEY(kSectionComplianceRow, "COMPLIANCE_ROW");
SAMSPIL_TEMPLATE_KEY(kSectionComplianceTable, "COMPLIANCE_TABLE");
SAMSPIL_TEMPLATE_KEY(kSectionDeadline, "DEADLINE");
SAMSPIL_TEMPLATE_KEY(kSectionDeadlinesEmpty, "DEADLINES_EMPTY");
SAMSPIL_TEMPLATE_KEY(kSectionDeadlinesList, "DEADLINES_LIST");
SAMSPIL_TEMPLATE_KEY(kSectionDeclined, "DECLINED");
SAMSPIL_TEMPLATE_KEY(kSectionDraft, "DRAFT");
SAMSPIL_TEMPLATE_KEY(kSectionMeeting, "MEETING");
SAMSPIL_TEMPLATE_KEY(kSectionMeetingsEmpty, "MEETINGS_EMPTY");
SAMSPIL_TEMPLATE_KEY(kSectionMeetingsList, "MEETINGS_LIST");
SAMSPIL_TEMPLATE_KEY(kSectionMissed, "MISSED");
SAMSPIL_TEMPLATE_KEY(kSectionDue, "DUE");
SAMSPIL_TEMPLATE_KEY(kSectionLink, "LINK");
SAMSPIL_TEMPLATE_KEY(kSectionMore, "MORE");
SAMSPIL_TEMPLATE_KEY(kSectionNoLink, "NO_LINK");
SAMSPIL_TEMPLATE_KEY(kSectionOverdue, "OVERDUE");
SAMSPIL_TEMPLATE_KEY(kSectionOverview, "OVERVIEW");
SAMSPIL_TEMPLATE_KEY(kSectionTask, "TASK");
SAMSPIL_TEMPLATE_KEY(kSectionTasksEmpty, "TASKS_EMPTY");
SAMSPIL_TEMPLATE_KEY(kSectionTasksList, "TASKS_LIST");
SAMSPIL_TEMPLATE_KEY(kSectionTaskOverdue, "TASK_OVERDUE");
SAMSPIL_TEMPLATE_KEY(kCaseTitle, "case_title");
SAMSPIL_TEMPLATE_KEY(kChanged, "changed");
SAMSPIL_TEMPLATE_KEY(kCsrfToken, "csrf_token");
SAMSPIL_TEMPLATE_KEY(kDue, "due");
SAMSPIL_TEMPLATE_KEY(kHref, "href");
SAMSPIL_TEMPLATE_KEY(kLabel, "label");
SAMSPIL_TEMPLATE_KEY(kMet, "met");
SAMSPIL_TEMPLATE_KEY(kMissed, "missed");
SAMSPIL_TEMPLATE_KEY(kMoreHref, "more_href");
SAMSPIL_TEMPLATE_KEY(kName, "name");
SAMSPIL_TEMPLATE_KEY(kState, "state");
SAMSPIL_TEMPLATE_KEY(kTaskId, "task_id");
SAMSPIL_TEMPLATE_KEY(kTitle, "title");
SAMSPIL_TEMPLATE_KEY(kType, "type");
SAMSPIL_TEMPLATE_KEY(kUnit, "unit");
SAMSPIL_TEMPLATE_KEY(kUserName, "user_name");
SAMSPIL_TEMPLATE_KEY(kWhen, "when");

// The name of a model obligation id from locale (obligation_<id>), the id when unknown.
std::string obligation_name(const Views& views, const std::string& id) {
  const std::string key = "obligation_" + id;
  const std::string& text = views.t(key);
  return text == key ? id : text;
}

void more_link(ctemplate::TemplateDictionary& section, const char* param, const std::string& next,
               const std::string& anchor) {
  if (next.empty()) return;
  section.SetValueAndShowSection(kMoreHref, std::string("/?") + param + "=" + next + "#" + anchor, kSectionMore);
}

}  // namespace

void fill_overview(ctemplate::TemplateDictionary& body, const Views& views, const service::Actor& actor,
                   const service::MyOverview& overview, const std::string& csrf_token, std::int64_t now_ms) {
  ctemplate::TemplateDictionary* section = body.AddSectionDictionary(kSectionOverview);
  section->SetValue(kUserName, actor.display_name);

  ctemplate::TemplateDictionary* meetings = section->AddSectionDictionary(kSectionMeetingsList);
  if (overview.meetings.items.empty()) meetings->ShowSection(kSectionMeetingsEmpty);
  for (const auto& m : overview.meetings.items) {
    auto* row = meetings->AddSectionDictionary(kSectionMeeting);
    row->SetValue(kHref, "/moeder/" + m.row.id);
    row->SetValue(kType, m.type_name);
    row->SetValue(kCaseTitle, m.row.case_title);
    row->SetValue(kWhen, danish_time(m.row.starts_at_ms));
    if (m.row.status == "draft") row->ShowSection(kSectionDraft);
    if (m.row.response == "accepted") row->ShowSection(kSectionAccepted);
    if (m.row.response == "declined") row->ShowSection(kSectionDeclined);
  }
  more_link(*meetings, "moeder", overview.meetings.next, "overview-meetings");

  ctemplate::TemplateDictionary* deadlines = section->AddSectionDictionary(kSectionDeadlinesList);
  if (overview.obligations.items.empty()) deadlines->ShowSection(kSectionDeadlinesEmpty);
  for (const auto& o : overview.obligations.items) {
    auto* row = deadlines->AddSectionDictionary(kSectionDeadline);
    row->SetValue(kHref, "/moeder/" + o.meeting_id);
    row->SetValue(kName, obligation_name(views, o.obligation_id));
    row->SetValue(kCaseTitle, o.case_title);
    row->SetValue(kDue, danish_time(o.due_at_ms));
    if (o.overdue) row->ShowSection(kSectionOverdue);
  }
  more_link(*deadlines, "frister", overview.obligations.next, "overview-deadlines");

  ctemplate::TemplateDictionary* tasks = section->AddSectionDictionary(kSectionTasksList);
  if (overview.tasks.items.empty()) tasks->ShowSection(kSectionTasksEmpty);
  for (const auto& t : overview.tasks.items) {
    auto* row = tasks->AddSectionDictionary(kSectionTask);
    row->SetValue(kLabel, t.label);
    row->SetValue(kTaskId, t.id);
    row->SetValue(kCsrfToken, csrf_token);
    if (!t.case_id.empty()) {
      row->SetValueAndShowSection(kHref, "/sager/" + t.case_id, kSectionLink);
    } else if (!t.meeting_id.empty()) {
      row->SetValueAndShowSection(kHref, "/moeder/" + t.meeting_id, kSectionLink);
    } else {
      row->ShowSection(kSectionNoLink);
    }
    if (t.due_at_ms) {
      row->SetValueAndShowSection(kDue, danish_time(*t.due_at_ms), kSectionDue);
      if (*t.due_at_ms < now_ms) row->ShowSection(kSectionTaskOverdue);
    }
  }
  more_link(*tasks, "opgaver", overview.tasks.next, "overview-tasks");

  ctemplate::TemplateDictionary* cases = section->AddSectionDictionary(kSectionCasesList);
  if (overview.cases.items.empty()) cases->ShowSection(kSectionCasesEmpty);
  for (const auto& c : overview.cases.items) {
    auto* row = cases->AddSectionDictionary(kSectionCase);
    row->SetValue(kHref, "/sager/" + c.row.id);
    row->SetValue(kTitle, c.row.title);
    row->SetValue(kState, c.state_name);
    row->SetValue(kChanged, danish_date(c.row.updated_at_ms));
  }
  more_link(*cases, "sager", overview.cases.next, "overview-cases");

  if (overview.leader) {
    auto* compliance = section->AddSectionDictionary(kSectionCompliance);
    if (overview.compliance.empty()) compliance->ShowSection(kSectionComplianceEmpty);
    else compliance->ShowSection(kSectionComplianceTable);
    for (const auto& c : overview.compliance) {
      auto* row = compliance->AddSectionDictionary(kSectionComplianceRow);
      row->SetValue(kUnit, c.unit_name);
      row->SetValue(kName, obligation_name(views, c.obligation_id));
      row->SetIntValue(kMet, static_cast<long>(c.met));
      row->SetIntValue(kMissed, static_cast<long>(c.missed));
      if (c.missed > 0) row->ShowSection(kSectionMissed);
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
        const auto overview = context.services.overview.of(*s.actor, cursors, kPerList, now);
        return context.views.render(
            request, {.title = context.views.t("overview_heading"), .body_template = "home.tpl"},
            [&](ctemplate::TemplateDictionary& body) {
              fill_overview(body, context.views, *s.actor, overview, s.csrf_token, now);
            });
      },
      {.name = "home", .policy = "public", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
