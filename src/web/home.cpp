// The front page. Signed out: what Samspil is, with the two ways in. Signed-in staff: "Mit
// overblik", whose sections render from lists the handler is given (meetings, deadlines and
// cases arrive with their issues; until then each list is empty and says so in Danish — no
// invented rows). Guardians have their own portal and are sent there.
#include <string>
#include <vector>

#include "web/home.hpp"
#include "web/request_state.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

void fill_list(ctemplate::TemplateDictionary& body, const char* section, const std::vector<OverviewItem>& items) {
  if (items.empty()) {
    body.ShowSection(std::string(section) + "_EMPTY");
    return;
  }
  ctemplate::TemplateDictionary* list = body.AddSectionDictionary(section);
  for (const OverviewItem& item : items) {
    ctemplate::TemplateDictionary* row = list->AddSectionDictionary("ITEM");
    row->SetValue("title", item.title);
    row->SetValue("href", item.href);
    row->SetValue("meta", item.meta);
    if (item.overdue) row->ShowSection("OVERDUE");
  }
}

}  // namespace

void fill_overview(ctemplate::TemplateDictionary& body, const service::Actor& actor, const Overview& overview) {
  ctemplate::TemplateDictionary* section = body.AddSectionDictionary("OVERVIEW");
  section->SetValue("user_name", actor.display_name);
  fill_list(*section, "MEETINGS", overview.meetings);
  fill_list(*section, "DEADLINES", overview.deadlines);
  fill_list(*section, "CASES", overview.cases);
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
        // The overview's lists come from the meetings, deadlines and cases services as they
        // are built; an empty Overview renders the Danish empty states.
        const Overview overview;
        return context.views.render(
            request, {.title = context.views.t("overview_heading"), .body_template = "home.tpl"},
            [&](ctemplate::TemplateDictionary& body) { fill_overview(body, *s.actor, overview); });
      },
      {.name = "home", .policy = "public", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
