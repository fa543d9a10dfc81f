// /foraeldre/moeder/{id}: a guardian's view of a meeting about their child — time, place,
// who takes part (by name and relation, no e-mail addresses) and their own answer (posted
// to /moeder/{id}/svar). A professionals-only meeting is not found (FP3).
#include "edge/request_state.hpp"
#include "service/meetings/meetings.hpp"
#include "web/cases_support.hpp"
#include "web/meeting_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {

void add_parents_meeting_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/foraeldre/moeder/{id}",
      [&context](http::Request& request) {
        const auto& t = context.views;
        const auto& id = request.params.at("id");
        const auto v = context.services.meetings.get(actor(request), id, context.now_ms());
        return no_store(context.views.render(
            request,
            {.title = v.type_name,
             .body_template = "meetings/parents_show.tpl",
             .breadcrumbs = {{t.t("parents_title"), "/foraeldre"}, {v.type_name, ""}}},
            [&](ctemplate::TemplateDictionary& body) {
              body.SetValue("type_name", v.type_name);
              body.SetValue("status", status_label(t, v.meeting.status));
              body.SetValue("when", v.meeting.starts_at_ms ? danish_time(*v.meeting.starts_at_ms) : "–");
              body.SetValue("until", v.meeting.ends_at_ms ? danish_time(*v.meeting.ends_at_ms).substr(11) : "");
              body.SetValue("location", v.meeting.location.empty() ? "–" : v.meeting.location);
              if (v.meeting.status == "cancelled") body.ShowSection("CANCELLED");
              if (v.meeting.status == "proposed" && !v.my_participant_id.empty())
                body.SetValueAndShowSection("dates_href", "/foraeldre/moeder/" + id + "/dato", "PROPOSED");
              for (const auto& p : v.participants) {
                auto* row = body.AddSectionDictionary("PARTICIPANT");
                row->SetValue("name", p.row.display_name);
                row->SetValue("relation", p.row.role_in_case);
                row->SetValue("response", response_label(t, p.row.response));
              }
              if (!v.my_participant_id.empty() && v.meeting.status == "invited") {
                auto* mine = body.AddSectionDictionary("MY_ANSWER");
                mine->SetValue("csrf_token", state(request).csrf_token);
                mine->SetValue("meeting_id", id);
                mine->SetValue("response", response_label(t, v.my_response));
              }
            }));
      },
      {.name = "parents.meeting", .policy = "guardian", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
