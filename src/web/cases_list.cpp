// /sager: the signed-in user's cases (participant, assigned, leader of the child's unit,
// PPR district queue, or a guardian's own children), 50 a page by cursor (?efter=), narrowed
// by unit, state, meeting type, assignee and words of the title (GET: the filters are
// opaque ids and the words search only titles, which carry no CPR numbers or sensitive
// details; the query string never reaches a log — see docs/search.md).
#include "edge/request_state.hpp"
#include "net/percent_encoding.hpp"
#include "service/cases/cases.hpp"
#include "service/cases/cases_search.hpp"
#include "web/cases_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

void add_choices(ctemplate::TemplateDictionary& body, const char* section, const std::vector<service::Choice>& choices,
                 const std::string& selected) {
  for (const auto& [value, label] : choices) {
    auto* d = body.AddSectionDictionary(section);
    d->SetValue("value", value);
    d->SetValue("label", label);
    if (value == selected) d->ShowSection("SELECTED");
  }
}

}  // namespace

void add_case_list_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_case_models(context);
  router.add(
      "GET", "/sager",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return context.views.render(request, {.title = context.views.t("cases_unavailable"),
                                                                   .body_template = "cases/unavailable.tpl",
                                                                   .status = 503},
                                                         [](auto&) {});
        const auto& who = actor(request);
        auto& cases = context.services.cases;
        storage::CaseFilter filter{request.query_param("enhed"), request.query_param("tilstand"),
                                   request.query_param("moedetype"), request.query_param("tildelt"),
                                   request.query_param("q")};
        constexpr int kPage = 50;
        const auto rows = cases.search(who, filter, request.query_param("efter"), kPage, context.now_ms());
        const auto choices = context.services.case_search.case_filter_choices(who);
        const bool filtered = !(filter.unit_id.empty() && filter.state.empty() && filter.meeting_type.empty() &&
                                filter.assigned_to.empty() && filter.text.empty());
        return context.views.render(
            request,
            {.title = context.views.t("cases_list_title"),
             .body_template = "cases/list.tpl",
             .breadcrumbs = {{context.views.t("cases_list_title"), ""}}},
            [&](ctemplate::TemplateDictionary& body) {
              if (who.is_staff()) {
                body.ShowSection("CAN_REGISTER");
                auto* form = body.AddSectionDictionary("FILTERS");
                add_choices(*form, "UNIT_OPTION", choices.units, filter.unit_id);
                add_choices(*form, "STATE_OPTION", choices.states, filter.state);
                add_choices(*form, "TYPE_OPTION", choices.meeting_types, filter.meeting_type);
                add_choices(*form, "ASSIGNEE_OPTION", choices.assignees, filter.assigned_to);
                form->SetValue("q", filter.text);
                if (filtered) form->ShowSection("FILTERED");
              }
              if (rows.empty()) {
                body.ShowSection(filtered ? "NO_MATCH" : "EMPTY");
                return;
              }
              auto* table = body.AddSectionDictionary("CASES");
              for (const auto& c : rows) {
                auto* row = table->AddSectionDictionary("ROW");
                row->SetValue("href", "/sager/" + c.id);
                row->SetValue("title", c.title);
                row->SetValue("state", service::state_name(model_of_case(*pages, c.model_id), c.state));
                row->SetValue("opened", danish_date(c.opened_at_ms));
              }
              if (static_cast<int>(rows.size()) == kPage) {
                const std::string next = "/sager?enhed=" + net::percent_encode(filter.unit_id) +
                                         "&tilstand=" + net::percent_encode(filter.state) +
                                         "&moedetype=" + net::percent_encode(filter.meeting_type) +
                                         "&tildelt=" + net::percent_encode(filter.assigned_to) +
                                         "&q=" + net::percent_encode(filter.text) +
                                         "&efter=" + net::percent_encode(rows.back().id);
                body.SetValueAndShowSection("next_href", next, "NEXT");
              }
            });
      },
      {.name = "cases.list", .policy = "signed_in", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
