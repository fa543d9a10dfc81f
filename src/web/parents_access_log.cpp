// /foraeldre/adgangslog: the guardian's extract of the access log (who looked at their
// children's data, from which unit and role, and why), 50 entries a page, newest first.
#include <charconv>
#include <string>
#include <utility>

#include "edge/request_state.hpp"
#include "service/audit/access_log.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

// ?side=N (1-based); anything else reads as the first page.
int page_param(const http::Request& request) {
  const std::string text = request.query_param("side");
  int page = 1;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (ec != std::errc() || p != text.data() + text.size() || page < 1) return 1;
  return page;
}

}  // namespace

void add_parents_access_log_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/foraeldre/adgangslog",
      [&context](http::Request& request) {
        const service::Actor& who = actor(request);
        const auto extract = context.services.access_logs.guardian_extract(
            who, page_param(request), service::access_log::kPageSize, context.now_ms());
        return context.views.render(
            request,
            {.title = context.views.t("access_log_title"),
             .body_template = "parents/access_log.tpl",
             .breadcrumbs = {{context.views.t("access_log_parents_crumb"), "/foraeldre"},
                             {context.views.t("access_log_title"), ""}}},
            [&](ctemplate::TemplateDictionary& body) {
              if (extract.items.empty()) {
                body.ShowSection("EMPTY");
                return;
              }
              ctemplate::TemplateDictionary* table = body.AddSectionDictionary("ENTRIES");
              for (const auto& item : extract.items) {
                ctemplate::TemplateDictionary* row = table->AddSectionDictionary("ROW");
                row->SetValue("at", item.at_text);
                row->SetValue("at_iso", item.at_iso);
                row->SetValue("child", item.child_first_name);
                row->SetValue("unit", item.unit_name.empty() ? context.views.t("access_log_no_unit") : item.unit_name);
                row->SetValue("role", item.role_label);
                row->SetValue("action", item.action_label + ": " + item.object_label);
                row->SetValue("purpose", item.purpose);
              }
              if (extract.page_count > 1) {
                ctemplate::TemplateDictionary* pages = body.AddSectionDictionary("PAGINATION");
                pages->SetIntValue("page", extract.page);
                pages->SetIntValue("page_count", extract.page_count);
                if (extract.page > 1) {
                  pages->SetValueAndShowSection("prev_href",
                                                "/foraeldre/adgangslog?side=" + std::to_string(extract.page - 1),
                                                "PREV");
                }
                if (extract.page < extract.page_count) {
                  pages->SetValueAndShowSection("next_href",
                                                "/foraeldre/adgangslog?side=" + std::to_string(extract.page + 1),
                                                "NEXT");
                }
              }
            });
      },
      {.name = "parents.access_log", .policy = "guardian", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
