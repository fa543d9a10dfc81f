// /foraeldre/moeder/{id}/perspektiv: a guardian writes (or rewrites) their perspective before
// a meeting they are invited to (GET form; POST → 303 to /foraeldre with a flash, or 422 with
// the error summary). The text is sealed and shown to the meeting's participants
// (service::Perspectives::for_meeting).
#include <string>

#include "edge/flash.hpp"
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/identity/sessions.hpp"
#include "service/meetings/perspectives.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

service::Perspectives& perspectives(const WebContext& context) {
  return context.services.perspectives;
}

http::Response show(const WebContext& ctx, http::Request& request, const std::string& meeting_id,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto data = perspectives(ctx).form(actor(request), meeting_id, ctx.now_ms());
  Form form(request, errors, posted);
  if (posted == nullptr && data.mine) form.value("text", data.mine->text);
  form.textarea({.name = "text", .label = t.t("pp_text_label"), .hint = t.t("pp_text_hint"), .rows = 10});
  return ctx.views.render(
      request,
      {.title = t.t("pp_title"),
       .body_template = "parents/perspective.tpl",
       .breadcrumbs = {{t.t("parents_title"), "/foraeldre"}, {t.t("pp_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("type", data.meeting.type_name);
        body.SetValue("case_title", data.meeting.row.case_title);
        body.SetValue("when", danish_time(data.meeting.row.starts_at_ms));
        if (data.mine) body.SetValueAndShowSection("saved", danish_time(data.mine->updated_at_ms), "SAVED");
        if (data.open) {
          form.fill(body, ctx.views);
          body.SetValue("action", "/foraeldre/moeder/" + meeting_id + "/perspektiv");
          body.ShowSection("FORM");
        } else {
          body.ShowSection("CLOSED");
          if (data.mine) body.SetValueAndShowSection("text", data.mine->text, "READ_ONLY");
        }
      });
}

}  // namespace

void add_parents_meeting_perspective_routes(http::Router& router, const WebContext& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/foraeldre/moeder/{id}/perspektiv",
      [&context](http::Request& request) { return show(context, request, request.params.at("id"), {}, nullptr); },
      {.name = "parents.meeting.perspective.form", .policy = "guardian", .execution = worker});

  router.add(
      "POST", "/foraeldre/moeder/{id}/perspektiv",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& meeting_id = request.params.at("id");
        try {
          perspectives(context).save(actor(request), meeting_id, form->trimmed("text"), context.now_ms());
        } catch (const service::Invalid& e) {
          return show(context, request, meeting_id, e.fields, &*form);
        } catch (const service::Conflict& e) {
          flash(context, request, e.what());
          return http::Response::redirect("/foraeldre/moeder/" + meeting_id + "/perspektiv");
        }
        flash(context, request, context.views.t("pp_saved_flash"));
        return http::Response::redirect("/foraeldre");
      },
      {.name = "parents.meeting.perspective.save", .policy = "guardian", .execution = worker});
}

}  // namespace samspil::web
