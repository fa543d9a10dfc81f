// R4.4 proposed dates, three ways in:
//  - /moeder/dato/{token}: the signed link mailed to each custody holder (no log-in; a GET
//    never chooses, as mail scanners follow links; the POST chooses once and answers with
//    the chosen time);
//  - /foraeldre/moeder/{id}/dato: the same choice on the parent portal (303 to the meeting);
//  - /moeder/{id}/dato: staff see the proposed times; who manages the meeting may pick on
//    the parents' behalf with a reason (303 to the meeting).
// Radios and one button: usable on a 360 px phone and without JavaScript.
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/date_polls.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/meeting_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

constexpr auto kWorker = http::Execution::worker_pool;

enum class Mode { link, guardian, staff };

std::string when(const service::DateProposalView& p) {
  return danish_time(p.starts_at_ms) + "–" + danish_time(p.ends_at_ms).substr(11);
}

struct PageState {
  const service::DatePollView* view = nullptr;  // null: gone
  const service::DateProposalView* done = nullptr;
  service::FieldErrors errors;
  const FormData* posted = nullptr;
};

http::Response render(const WebContext& ctx, http::Request& request, Mode mode, const std::string& action,
                      const PageState& s) {
  const auto& t = ctx.views;
  Form form(request, s.errors, s.posted);
  const bool choosing = s.view != nullptr && s.done == nullptr &&
                        (mode == Mode::staff ? s.view->may_choose_for_parents : s.view->may_choose);
  if (choosing) {
    std::vector<Option> options;
    for (const auto& p : s.view->proposals) options.push_back({p.id, when(p)});
    form.radios({.name = "proposal", .label = t.t("dates_proposal_label"), .options = options});
    if (mode == Mode::staff)
      form.textarea({.name = "reason", .label = t.t("dates_reason_label"), .hint = t.t("dates_reason_hint"), .rows = 3});
  }
  const std::string heading = mode == Mode::staff ? t.t("dates_staff_title") : t.t("dates_title");
  std::vector<Breadcrumb> crumbs;
  if (mode == Mode::guardian && s.view) crumbs = {{t.t("parents_title"), "/foraeldre"}, {s.view->type_name, "/foraeldre/moeder/" + s.view->meeting_id}, {heading, ""}};
  if (mode == Mode::staff && s.view) crumbs = {{s.view->type_name, "/moeder/" + s.view->meeting_id}, {heading, ""}};
  return no_store(ctx.views.render(
      request,
      {.title = heading, .body_template = "meetings/dates.tpl", .breadcrumbs = crumbs, .has_errors = form.has_errors(),
       .status = s.view == nullptr ? 404 : 200},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("heading", heading);
        form.fill(body, ctx.views);  // the error summary at the top
        if (s.view == nullptr) {
          body.ShowSection("GONE");
          return;
        }
        if (s.done != nullptr) {
          body.SetValueAndShowSection("when", when(*s.done), "DONE");
          return;
        }
        if (mode == Mode::staff) {
          body.SetValueAndShowSection("lead", t.t("dates_staff_lead"), "LEAD");
          auto* list = body.AddSectionDictionary("LIST");
          for (const auto& p : s.view->proposals) {
            auto* row = list->AddSectionDictionary("PROPOSAL");
            row->SetValue("when", when(p));
            if (p.chosen) row->ShowSection("CHOSEN");
          }
          if (s.view->open) body.ShowSection("WAITING");
        } else if (choosing) {
          body.SetValueAndShowSection("lead", t.t("dates_lead"), "LEAD");
        }
        if (choosing) {
          auto* f = body.AddSectionDictionary("FORM");
          f->SetValue("action", action);
          f->SetValue("submit", mode == Mode::staff ? t.t("dates_staff_submit") : t.t("dates_submit"));
          if (mode == Mode::staff) {
            auto* sub = f->AddSectionDictionary("SUBHEADING");
            sub->SetValue("subheading", t.t("dates_staff_for_parents_heading"));
            sub->SetValue("text", t.t("dates_staff_for_parents_lead"));
          }
          form.fill(*f, ctx.views);
        }
        const std::string back = mode == Mode::staff      ? "/moeder/" + s.view->meeting_id
                                 : mode == Mode::guardian ? "/foraeldre/moeder/" + s.view->meeting_id
                                                          : "";
        if (!back.empty()) {
          auto* b = body.AddSectionDictionary("BACK");
          b->SetValue("back_href", back);
          b->SetValue("back_label", t.t("meetings_back"));
        }
      }));
}

http::Response show(const WebContext& ctx, http::Request& request, Mode mode, PageState s = {}) {
  auto& polls = ctx.services.date_polls;
  const auto& id = request.params.at("id");
  if (mode == Mode::link) {
    try {
      const auto v = polls.view_by_token(id, ctx.now_ms());
      s.view = &v;
      return render(ctx, request, mode, "/moeder/dato/" + id, s);
    } catch (const service::NotFound&) {
      return render(ctx, request, mode, "", {});
    }
  }
  const auto v = polls.view(actor(request), id, ctx.now_ms());
  s.view = &v;
  return render(ctx, request, mode,
                (mode == Mode::staff ? "/moeder/" : "/foraeldre/moeder/") + id + "/dato", s);
}

http::Response post(const WebContext& ctx, http::Request& request, Mode mode) {
  const auto form = read_form(request);
  if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
  const auto& id = request.params.at("id");
  const std::string proposal = form->trimmed("proposal");
  auto& polls = ctx.services.date_polls;
  try {
    if (proposal.empty()) throw service::Invalid(service::FieldErrors{{"proposal", ctx.views.t("dates_proposal_missing")}});
    if (mode == Mode::link) {
      const auto v = polls.choose_by_token(id, proposal, ctx.now_ms());
      const service::DateProposalView* chosen = nullptr;
      for (const auto& p : v.proposals)
        if (p.chosen) chosen = &p;
      PageState s;
      s.view = &v;
      s.done = chosen;
      return render(ctx, request, mode, "", s);
    }
    if (mode == Mode::guardian) polls.choose(actor(request), id, proposal, ctx.now_ms());
    else polls.choose_for_parents(actor(request), id, proposal, form->trimmed("reason"), ctx.now_ms());
  } catch (const service::Invalid& e) {
    if (mode == Mode::link) {
      try {
        return show(ctx, request, mode, PageState{nullptr, nullptr, e.fields, &*form});
      } catch (const service::NotFound&) {
        return render(ctx, request, mode, "", {});
      }
    }
    return show(ctx, request, mode, PageState{nullptr, nullptr, e.fields, &*form});
  } catch (const service::Conflict& e) {
    if (mode == Mode::link) return show(ctx, request, mode, PageState{nullptr, nullptr, {{"proposal", e.what()}}, &*form});
    return show(ctx, request, mode, PageState{nullptr, nullptr, {{"proposal", e.what()}}, &*form});
  } catch (const service::NotFound&) {
    if (mode == Mode::link) return render(ctx, request, mode, "", {});
    throw;
  }
  flash(ctx, request, ctx.views.t("dates_chosen_flash"));
  return http::Response::redirect(mode == Mode::staff ? "/moeder/" + id : "/foraeldre/moeder/" + id);
}

}  // namespace

void add_date_poll_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/moeder/dato/{id}", [&context](http::Request& r) { return show(context, r, Mode::link); },
      {.name = "meetings.dates.link.form", .policy = "public", .execution = kWorker});
  router.add(
      "POST", "/moeder/dato/{id}", [&context](http::Request& r) { return post(context, r, Mode::link); },
      {.name = "meetings.dates.link.choose", .policy = "public", .execution = kWorker});
  router.add(
      "GET", "/foraeldre/moeder/{id}/dato", [&context](http::Request& r) { return show(context, r, Mode::guardian); },
      {.name = "parents.meeting.dates", .policy = "guardian", .execution = kWorker});
  router.add(
      "POST", "/foraeldre/moeder/{id}/dato", [&context](http::Request& r) { return post(context, r, Mode::guardian); },
      {.name = "parents.meeting.dates.choose", .policy = "guardian", .execution = kWorker});
  router.add(
      "GET", "/moeder/{id}/dato", [&context](http::Request& r) { return show(context, r, Mode::staff); },
      {.name = "meetings.dates", .policy = "staff", .execution = kWorker});
  router.add(
      "POST", "/moeder/{id}/dato", [&context](http::Request& r) { return post(context, r, Mode::staff); },
      {.name = "meetings.dates.choose_for_parents", .policy = "staff", .execution = kWorker});
}

}  // namespace samspil::web
