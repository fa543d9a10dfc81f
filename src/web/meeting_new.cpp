// /sager/{id}/moeder/ny: convene a meeting in steps (DKFDS step indicator):
//  1. the meeting type — every type of the case's model, the ones the engine refuses now
//     shown with the reason and rule ids (GET form with ?type=);
//  2. participants (proposed from the type's rules; fixed ones always invited), a free time
//     from the slot finder or a time of one's own, place, duration → POST convenes and
//     invites, then 303 to the meeting's page.
#include <algorithm>

#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/invitations.hpp"
#include "service/meetings/meetings.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/meeting_labels.hpp"
#include "web/meeting_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

constexpr auto kWorker = http::Execution::worker_pool;

std::vector<Step> steps(const Views& t, const std::string& case_id) {
  return {{t.t("meetings_new_step_type"), "/sager/" + case_id + "/moeder/ny"},
          {t.t("meetings_new_step_details")},
          {t.t("meetings_new_step_done")}};
}

http::Response type_step(const WebContext& ctx, http::Request& request, const std::string& case_id) {
  const auto& t = ctx.views;
  auto& meetings = ctx.services.meetings;
  const auto options = meetings.options(actor(request), case_id, request.query_param("forloeb") == "nyt" ? "new_course" : "same",
                                        ctx.now_ms());
  return no_store(ctx.views.render(
      request,
      {.title = t.t("meetings_new_title"),
       .body_template = "meetings/new_type.tpl",
       .breadcrumbs = {{t.t("cases_list_title"), "/sager"}, {t.t("meetings_back_to_case"), "/sager/" + case_id},
                       {t.t("meetings_new_title"), ""}}},
      [&](ctemplate::TemplateDictionary& body) {
        step_indicator(body, steps(t, case_id), 0, ctx.views);
        body.SetValue("action", "/sager/" + case_id + "/moeder/ny");
        bool first = true;
        for (const auto& o : options) {
          auto* row = body.AddSectionDictionary(o.allowed ? "ALLOWED" : "REFUSED");
          row->SetValue("type_id", o.type_id);
          row->SetValue("name", o.name);
          row->SetValue("field_id", "type-" + o.type_id);
          if (o.allowed && first) {
            row->ShowSection("CHECKED");
            first = false;
          }
          if (o.without_parents) row->ShowSection("WITHOUT_PARENTS");
          for (const auto& reason : o.reasons) row->SetValueAndShowSection("reason", reason, "REASON");
        }
        if (first) body.ShowSection("NONE_ALLOWED");
        else body.ShowSection("CAN_CHOOSE");
      }));
}

http::Response details_step(const WebContext& ctx, http::Request& request, const std::string& case_id,
                            const std::string& type_id, const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  const auto& who = actor(request);
  auto& meetings = ctx.services.meetings;
  const auto proposal = meetings.propose(who, case_id, type_id, ctx.now_ms());
  if (!proposal.option.allowed) return type_step(ctx, request, case_id);
  std::vector<Option> people;
  std::vector<std::string> selected, professionals;
  for (const auto& p : proposal.participants) {
    if (p.user_id.empty()) continue;
    std::string hint = relation_name(t, ctx.models, p.role_in_case);
    if (p.fixed) hint += " – " + t.t("meetings_new_fixed");
    people.push_back({p.user_id, p.display_name, hint});
    if (p.selected) selected.push_back(p.user_id);
    if (p.kind == "professional" && p.selected) professionals.push_back(p.user_id);
  }
  service::SlotSearch search;
  search.type_id = type_id;
  search.user_ids = professionals;
  search.count = 5;
  const auto slots = meetings.find_slots(who, case_id, search, ctx.now_ms());
  std::vector<Option> slot_options;
  for (const auto& s : slots.slots) {
    slot_options.push_back({std::to_string(s.start_ms), danish_time(s.start_ms) + "–" + danish_time(s.end_ms).substr(11)});
  }
  // R4.4: the parents choose among 2–4 of the free times (no own time: they pick).
  const bool ask_parents = proposal.option.parents_choose_date;
  std::vector<Option> proposal_options = slot_options;
  slot_options.push_back({"own", t.t("meetings_new_own_time")});
  Form form(request, errors, posted);
  form.checkboxes({.name = "participants", .label = t.t("meetings_new_participants"),
                   .hint = t.t("meetings_new_participants_hint"), .options = people, .optional = true});
  if (ask_parents) {
    form.checkboxes({.name = "proposals", .label = t.t("dates_new_proposals"),
                     .hint = t.t("dates_new_proposals_hint"), .options = proposal_options});
  } else {
    form.radios({.name = "slot", .label = t.t("meetings_new_slot"), .hint = t.t("meetings_new_slot_hint"),
                 .options = slot_options})
        .text({.name = "date", .label = t.t("meetings_date_label"), .hint = t.t("meetings_date_hint"), .type = "date",
               .width_class = "input-width-s", .optional = true})
        .text({.name = "time", .label = t.t("meetings_time_label"), .hint = t.t("meetings_time_hint"), .type = "time",
               .width_class = "input-width-xs", .optional = true});
  }
  form.text({.name = "duration", .label = t.t("meetings_new_duration"), .hint = t.t("meetings_new_duration_hint"),
             .type = "number", .width_class = "input-width-xs", .inputmode = "numeric"})
      .text({.name = "location", .label = t.t("meetings_location_label"), .optional = true})
      .text({.name = "network_name", .label = t.t("meetings_new_network_name"), .optional = true})
      .text({.name = "network_email", .label = t.t("meetings_new_network_email"), .type = "email", .optional = true});
  if (posted == nullptr) {
    form.values("participants", selected);
    form.value("duration", std::to_string(proposal.option.default_duration_minutes));
    if (ask_parents) {
      std::vector<std::string> first;
      for (const auto& o : proposal_options)
        if (first.size() < static_cast<std::size_t>(proposal.option.date_proposals)) first.push_back(o.value);
      form.values("proposals", first);
    } else {
      form.value("slot", slot_options.front().value);
    }
  }
  return no_store(ctx.views.render(
      request,
      {.title = proposal.option.name,
       .body_template = "meetings/new_details.tpl",
       .breadcrumbs = {{t.t("cases_list_title"), "/sager"}, {t.t("meetings_back_to_case"), "/sager/" + case_id},
                       {t.t("meetings_new_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        step_indicator(body, steps(t, case_id), 1, ctx.views);
        form.fill(body, ctx.views);
        body.SetValue("type_name", proposal.option.name);
        body.SetValue("type_id", type_id);
        body.SetValue("action", "/sager/" + case_id + "/moeder/ny");
        if (proposal.option.without_parents) body.ShowSection("WITHOUT_PARENTS");
        if (ask_parents) body.ShowSection("PARENTS_CHOOSE");
        for (const auto& r : proposal.roles) {
          auto* row = body.AddSectionDictionary("ROLE");
          row->SetValue("role", role_name(ctx.views, r.role));
          const auto it = std::find_if(proposal.participants.begin(), proposal.participants.end(),
                                       [&](const auto& p) { return !r.user_id.empty() && p.user_id == r.user_id; });
          row->SetValue("holder", it != proposal.participants.end() ? it->display_name : t.t("meetings_new_no_holder"));
        }
        // Whose imported calendar could not be read now (by name; never the calendar's address).
        for (const auto& user_id : slots.calendar_failures) {
          const auto it = std::find_if(proposal.participants.begin(), proposal.participants.end(),
                                       [&](const auto& p) { return p.user_id == user_id; });
          auto* person = body.AddSectionDictionary("FAILED_PERSON");
          person->SetValue("name", it != proposal.participants.end() ? it->display_name : user_id);
        }
        if (!slots.calendar_failures.empty()) body.ShowSection("CALENDAR_FAILED");
        if (slots.slots.empty()) body.ShowSection("NO_SLOTS");
      }));
}

}  // namespace

void add_meeting_new_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/sager/{id}/moeder/ny",
      [&context](http::Request& r) {
        const auto& case_id = r.params.at("id");
        const std::string type = r.query_param("type");
        if (type.empty()) return type_step(context, r, case_id);
        return details_step(context, r, case_id, type, {}, nullptr);
      },
      {.name = "meetings.new.form", .policy = "staff", .execution = kWorker});

  router.add(
      "POST", "/sager/{id}/moeder/ny",
      [&context](http::Request& r) {
        const auto form = read_form(r);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& case_id = r.params.at("id");
        const std::string type = form->trimmed("type");
        service::FieldErrors errors;
        service::ConveneRequest in;
        in.case_id = case_id;
        in.type_id = type;
        in.user_ids = form->all("participants");
        in.location = form->trimmed("location");
        const std::string slot = form->trimmed("slot");
        const auto proposals = form->all("proposals");
        if (!proposals.empty() || form->trimmed("parents_choose") == "1") {
          // R4.4: times offered to the parents instead of one start.
          for (const auto& p : proposals) {
            try {
              in.proposed_starts_ms.push_back(std::stoll(p));
            } catch (const std::exception&) {
              errors["proposals"] = context.views.t("dates_new_proposals_missing");
            }
          }
          if (proposals.empty()) errors["proposals"] = context.views.t("dates_new_proposals_missing");
        } else if (slot.empty()) {
          errors["slot"] = context.views.t("meetings_new_slot_missing");
        } else if (slot == "own") {
          const auto start = parse_local_time(form->trimmed("date"), form->trimmed("time"));
          if (!start) errors["date"] = context.views.t("meetings_date_invalid");
          else in.starts_at_ms = *start;
        } else {
          try {
            in.starts_at_ms = std::stoll(slot);
          } catch (const std::exception&) {
            errors["slot"] = context.views.t("meetings_new_slot_missing");
          }
        }
        const std::string duration = form->trimmed("duration");
        if (!duration.empty()) {
          try {
            // The service refuses a meeting shorter than 15 minutes (for the API too).
            in.duration_minutes = std::stoi(duration);
            if (in.duration_minutes <= 0) errors["duration"] = context.views.t("meetings_new_duration_invalid");
          } catch (const std::exception&) {
            errors["duration"] = context.views.t("meetings_new_duration_invalid");
          }
        }
        if (!form->trimmed("network_name").empty() || !form->trimmed("network_email").empty()) {
          in.network.push_back({form->trimmed("network_name"), form->trimmed("network_email")});
        }
        if (type.empty()) return type_step(context, r, case_id);
        if (!errors.empty()) return details_step(context, r, case_id, type, errors, &*form);
        std::string id;
        try {
          id = context.services.meetings.convene(actor(r), in, context.now_ms());
        } catch (const service::Invalid& e) {
          auto fields = e.fields;
          if (fields.count("starts_at")) fields["slot"] = fields["starts_at"], fields.erase("starts_at");
          if (fields.count("proposals") && form->trimmed("parents_choose") != "1") fields["slot"] = fields["proposals"];
          if (fields.count("network")) fields["network_email"] = fields["network"], fields.erase("network");
          if (fields.count("type")) return type_step(context, r, case_id);
          return details_step(context, r, case_id, type, fields, &*form);
        } catch (const service::Conflict&) {
          return type_step(context, r, case_id);  // shows why the engine refuses it now
        }
        flash(context, r, context.views.t("meetings_convened_flash"));
        return http::Response::redirect("/moeder/" + id);
      },
      {.name = "meetings.new", .policy = "staff", .execution = kWorker});
}

}  // namespace samspil::web
