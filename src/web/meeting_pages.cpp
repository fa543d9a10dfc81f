// /moeder/{id}: one meeting — time, place, type, participants with their answers and roles,
// my answer (POST /moeder/{id}/svar), and for those who manage it: move (/moeder/{id}/flyt),
// cancel (/moeder/{id}/aflys) and, for a professionals-only meeting, "the parents are
// informed" (POST /moeder/{id}/orienter-foraeldre, FP6/R11). Guardians are sent to the
// portal's page for the meeting.
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/invitations.hpp"
#include "service/meetings/meetings.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/home_perspectives.hpp"
#include "web/meeting_labels.hpp"
#include "web/meeting_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

constexpr auto kWorker = http::Execution::worker_pool;

http::Response show(const WebContext& ctx, http::Request& request, const std::string& id) {
  const auto& t = ctx.views;
  const auto& who = actor(request);
  auto& meetings = ctx.services.meetings;
  const auto v = meetings.get(who, id, ctx.now_ms());  // NotFound before any redirect
  if (!who.is_staff()) return http::Response::redirect("/foraeldre/moeder/" + id);
  return no_store(ctx.views.render(
      request,
      {.title = v.type_name,
       .body_template = "meetings/show.tpl",
       .breadcrumbs = {{t.t("cases_list_title"), "/sager"}, {v.case_title, "/sager/" + v.meeting.case_id},
                       {v.type_name, ""}}},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("csrf_token", state(request).csrf_token);
        fill_meeting_perspectives(body, ctx, request, id);  // the parents' perspectives (overview helper)
        body.SetValue("type_name", v.type_name);
        body.SetValue("meeting_id", id);
        body.SetValue("case_href", "/sager/" + v.meeting.case_id);
        body.SetValue("status", status_label(t, v.meeting.status));
        body.SetValue("when", v.meeting.starts_at_ms ? danish_time(*v.meeting.starts_at_ms) : "–");
        body.SetValue("until", v.meeting.ends_at_ms ? danish_time(*v.meeting.ends_at_ms).substr(11) : "");
        body.SetValue("location", v.meeting.location.empty() ? "–" : v.meeting.location);
        if (v.meeting.acceptance_due_at_ms) {
          body.SetValueAndShowSection("due", danish_date(*v.meeting.acceptance_due_at_ms), "DUE");
        }
        if (v.meeting.status == "cancelled") body.SetValueAndShowSection("cancel_reason", v.meeting.cancel_reason, "CANCELLED");
        if (v.meeting.without_parents) {
          auto* wp = body.AddSectionDictionary("WITHOUT_PARENTS");
          if (v.meeting.parents_informed_at_ms) {
            wp->SetValueAndShowSection("informed", danish_time(*v.meeting.parents_informed_at_ms), "INFORMED");
          } else if (v.may_manage) {
            wp->ShowSection("INFORM");
            wp->SetValue("csrf_token", state(request).csrf_token);
            wp->SetValue("meeting_id", id);
          }
        }
        for (const auto& p : v.participants) {
          auto* row = body.AddSectionDictionary("PARTICIPANT");
          row->SetValue("name", p.row.display_name);
          row->SetValue("relation", relation_name(t, ctx.models, p.row.role_in_case));
          row->SetValue("roles", role_names(t, p.roles));
          row->SetValue("response", response_label(t, p.row.response));
        }
        if (!v.my_participant_id.empty() && v.meeting.status == "invited") {
          auto* mine = body.AddSectionDictionary("MY_ANSWER");
          mine->SetValue("csrf_token", state(request).csrf_token);
          mine->SetValue("meeting_id", id);
          mine->SetValue("response", response_label(t, v.my_response));
        }
        if (v.meeting.status == "proposed") body.SetValueAndShowSection("dates_href", "/moeder/" + id + "/dato", "PROPOSED");
        // A proposed meeting (R4.4) has no time to move yet, but may be cancelled.
        if (v.may_manage && (v.meeting.status == "invited" || v.meeting.status == "proposed")) {
          auto* actions = body.AddSectionDictionary("MANAGE");
          actions->SetValue("meeting_id", id);
          if (v.meeting.status == "invited") actions->ShowSection("MOVE");
        }
      }));
}

struct MoveForm {
  service::FieldErrors errors;
  const FormData* posted = nullptr;
};

http::Response move_page(const WebContext& ctx, http::Request& request, const std::string& id, const MoveForm& f) {
  const auto& t = ctx.views;
  auto& meetings = ctx.services.meetings;
  const auto v = meetings.get(actor(request), id, ctx.now_ms());
  if (!v.may_manage) throw service::Forbidden("Du kan ikke ændre dette møde");
  Form form(request, f.errors, f.posted);
  form.text({.name = "date", .label = t.t("meetings_date_label"), .hint = t.t("meetings_date_hint"), .type = "date",
             .width_class = "input-width-s"})
      .text({.name = "time", .label = t.t("meetings_time_label"), .hint = t.t("meetings_time_hint"), .type = "time",
             .width_class = "input-width-xs"})
      .text({.name = "location", .label = t.t("meetings_location_label"), .optional = true})
      .textarea({.name = "reason", .label = t.t("meetings_move_reason_label"), .optional = true, .rows = 3});
  if (f.posted == nullptr) form.value("location", v.meeting.location);
  return no_store(ctx.views.render(
      request,
      {.title = t.t("meetings_move_title"),
       .body_template = "meetings/move.tpl",
       .breadcrumbs = {{v.type_name, "/moeder/" + id}, {t.t("meetings_move_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        form.fill(body, ctx.views);
        body.SetValue("meeting_id", id);
        body.SetValue("when", v.meeting.starts_at_ms ? danish_time(*v.meeting.starts_at_ms) : "–");
      }));
}

http::Response cancel_page(const WebContext& ctx, http::Request& request, const std::string& id, const MoveForm& f) {
  const auto& t = ctx.views;
  auto& meetings = ctx.services.meetings;
  const auto v = meetings.get(actor(request), id, ctx.now_ms());
  if (!v.may_manage) throw service::Forbidden("Du kan ikke ændre dette møde");
  Form form(request, f.errors, f.posted);
  form.textarea({.name = "reason", .label = t.t("meetings_cancel_reason_label"),
                 .hint = t.t("meetings_cancel_reason_hint"), .rows = 3});
  return no_store(ctx.views.render(
      request,
      {.title = t.t("meetings_cancel_title"),
       .body_template = "meetings/cancel.tpl",
       .breadcrumbs = {{v.type_name, "/moeder/" + id}, {t.t("meetings_cancel_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        form.fill(body, ctx.views);
        body.SetValue("meeting_id", id);
        body.SetValue("when", v.meeting.starts_at_ms ? danish_time(*v.meeting.starts_at_ms) : "–");
      }));
}

}  // namespace

void add_meeting_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/moeder/{id}", [&context](http::Request& r) { return show(context, r, r.params.at("id")); },
      {.name = "meetings.show", .policy = "signed_in", .execution = kWorker});

  router.add(
      "POST", "/moeder/{id}/svar",
      [&context](http::Request& r) {
        const auto form = read_form(r);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = r.params.at("id");
        try {
          context.services.meetings
              .respond(actor(r), id, form->trimmed("response"), context.now_ms());
          flash(context, r, context.views.t("meetings_answer_saved"));
        } catch (const service::Invalid&) {
          flash(context, r, context.views.t("meetings_answer_choose"));
        } catch (const service::Conflict& e) {
          flash(context, r, e.what());
        }
        return http::Response::redirect(actor(r).is_staff() ? "/moeder/" + id : "/foraeldre/moeder/" + id);
      },
      {.name = "meetings.respond", .policy = "signed_in", .execution = kWorker});

  router.add(
      "GET", "/moeder/{id}/flyt", [&context](http::Request& r) { return move_page(context, r, r.params.at("id"), {}); },
      {.name = "meetings.move.form", .policy = "staff", .execution = kWorker});
  router.add(
      "POST", "/moeder/{id}/flyt",
      [&context](http::Request& r) {
        const auto form = read_form(r);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = r.params.at("id");
        const auto start = parse_local_time(form->trimmed("date"), form->trimmed("time"));
        if (!start) {
          return move_page(context, r, id,
                           {{{"date", context.views.t("meetings_date_invalid")}}, &*form});
        }
        try {
          context.services.meetings
              .move(actor(r), id, *start, 0, form->trimmed("location"), form->trimmed("reason"), context.now_ms());
        } catch (const service::Invalid& e) {
          auto errors = e.fields;
          if (errors.count("starts_at")) errors["date"] = errors["starts_at"], errors.erase("starts_at");
          return move_page(context, r, id, {errors, &*form});
        } catch (const service::Conflict& e) {
          flash(context, r, e.what());
          return http::Response::redirect("/moeder/" + id);
        }
        flash(context, r, context.views.t("meetings_moved_flash"));
        return http::Response::redirect("/moeder/" + id);
      },
      {.name = "meetings.move", .policy = "staff", .execution = kWorker});

  router.add(
      "GET", "/moeder/{id}/aflys", [&context](http::Request& r) { return cancel_page(context, r, r.params.at("id"), {}); },
      {.name = "meetings.cancel.form", .policy = "staff", .execution = kWorker});
  router.add(
      "POST", "/moeder/{id}/aflys",
      [&context](http::Request& r) {
        const auto form = read_form(r);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = r.params.at("id");
        try {
          context.services.meetings
              .cancel(actor(r), id, form->trimmed("reason"), context.now_ms());
        } catch (const service::Invalid& e) {
          return cancel_page(context, r, id, {e.fields, &*form});
        } catch (const service::Conflict& e) {
          flash(context, r, e.what());
          return http::Response::redirect("/moeder/" + id);
        }
        flash(context, r, context.views.t("meetings_cancelled_flash"));
        return http::Response::redirect("/moeder/" + id);
      },
      {.name = "meetings.cancel", .policy = "staff", .execution = kWorker});

  router.add(
      "POST", "/moeder/{id}/orienter-foraeldre",
      [&context](http::Request& r) {
        const auto& id = r.params.at("id");
        try {
          context.services.meetings.inform_parents(actor(r), id, context.now_ms());
          flash(context, r, context.views.t("meetings_parents_informed_flash"));
        } catch (const service::Conflict& e) {
          flash(context, r, e.what());
        }
        return http::Response::redirect("/moeder/" + id);
      },
      {.name = "meetings.inform_parents", .policy = "staff", .execution = kWorker});
}

}  // namespace samspil::web
