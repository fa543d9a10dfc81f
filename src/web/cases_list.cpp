// /sager: the signed-in user's cases (participant, assigned, leader of the child's unit,
// PPR district queue, or a guardian's own children), 50 a page by cursor (?efter=).
#include "service/cases.hpp"
#include "web/cases_support.hpp"
#include "web/request_state.hpp"
#include "web/routes.hpp"

namespace samspil::web {

void add_case_list_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_case_pages(context);
  router.add(
      "GET", "/sager",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return context.views.render(request, {.title = context.views.t("cases_unavailable"),
                                                                   .body_template = "cases/unavailable.tpl",
                                                                   .status = 503},
                                                         [](auto&) {});
        const auto& who = actor(request);
        service::Cases cases(context.db, pages->config);
        constexpr int kPage = 50;
        const auto rows = cases.list(who, request.query_param("efter"), kPage, context.now_ms());
        return context.views.render(
            request,
            {.title = context.views.t("cases_list_title"),
             .body_template = "cases/list.tpl",
             .breadcrumbs = {{context.views.t("cases_list_title"), ""}}},
            [&](ctemplate::TemplateDictionary& body) {
              if (who.is_staff()) body.ShowSection("CAN_REGISTER");
              if (rows.empty()) {
                body.ShowSection("EMPTY");
                return;
              }
              auto* table = body.AddSectionDictionary("CASES");
              for (const auto& c : rows) {
                auto* row = table->AddSectionDictionary("ROW");
                row->SetValue("href", "/sager/" + c.id);
                row->SetValue("title", c.title);
                row->SetValue("state", service::state_name(*pages->model, c.state));
                row->SetValue("opened", danish_date(c.opened_at_ms));
              }
              if (static_cast<int>(rows.size()) == kPage) {
                body.SetValueAndShowSection("next_href", "/sager?efter=" + rows.back().id, "NEXT");
              }
            });
      },
      {.name = "cases.list", .policy = "signed_in", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
