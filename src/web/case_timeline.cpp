// /sager/{id}/tidslinje (staff and guardians) and /foraeldre/sager/{id}/tidslinje (the
// parent portal): everything that happened in a case — when, who (name and role for staff),
// what in Danish — filtered by kind group and date range through a GET form (no personal
// data in the query: a group code, dates and an opaque event id as page cursor), in pages
// with a "next page" link; works without JavaScript.
#include <nlohmann/json.hpp>

#include "domain/calendar.hpp"
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/triage/triage.hpp"
#include "service/triage/triage_timeline.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"
#include "web/timeline_labels.hpp"

namespace samspil::web {
namespace {

constexpr int kPageSize = 25;

// The locale key of a group's name (literal, so the template check sees every key).
const char* group_key(const std::string& group) {
  if (group == "samtykke") return "timeline_group_samtykke";
  if (group == "skema") return "timeline_group_skema";
  if (group == "moeder") return "timeline_group_moeder";
  if (group == "beslutninger") return "timeline_group_beslutninger";
  return "timeline_group_dokumenter";
}

std::string describe(const Views& t, const storage::TimelineRow& e) { return timeline_label(t, e.kind, e.detail); }

std::string who(const Views& t, const storage::TimelineRow& e) {
  if (e.actor_id.empty()) return t.t("timeline_system");
  const auto role = service::parse_role(e.actor_role);
  if (role && *role == service::Role::guardian) return t.t("timeline_guardian");
  const std::string label = role ? std::string(service::role_label_da(*role)) : "";
  return e.actor_name + (label.empty() ? "" : " (" + label + ")");
}

// A YYYY-MM-DD date; nullopt when malformed.
std::optional<std::chrono::year_month_day> parse_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const std::chrono::year_month_day d{std::chrono::year{std::stoi(text.substr(0, 4))},
                                      std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                      std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

// The Copenhagen midnight starting a date, in ms UTC.
std::int64_t local_midnight_ms(const std::chrono::year_month_day& d) {
  const auto instant = domain::to_utc(domain::local_at(d, 0));
  return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch()).count();
}

std::string query_string(const std::string& group, const std::string& from, const std::string& to,
                         const std::string& after) {
  // Values are a group code, digits and dashes, and an opaque id: nothing to escape but
  // keep them percent-safe anyway by allowing only those characters.
  auto safe = [](const std::string& v) {
    std::string out;
    for (char ch : v) {
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_') out += ch;
    }
    return out;
  };
  return "?gruppe=" + safe(group) + "&fra=" + safe(from) + "&til=" + safe(to) + "&efter=" + safe(after);
}

http::Response timeline_page(const WebContext& ctx, http::Request& request, bool portal) {
  const auto& t = ctx.views;
  const std::string id = request.params.at("id");
  const std::string group = request.query_param("gruppe");
  const std::string from = request.query_param("fra");
  const std::string to = request.query_param("til");
  service::FieldErrors errors;
  service::TimelineQuery query;
  query.limit = kPageSize;
  query.after_id = request.query_param("efter");
  std::vector<std::string> kinds, prefixes;
  if (!group.empty() && !service::timeline_group_filter(group, kinds, prefixes)) {
    errors["gruppe"] = "Vælg en type hændelser fra listen";
  }
  if (!from.empty()) {
    if (const auto d = parse_date(from)) query.from_ms = local_midnight_ms(*d);
    else errors["fra"] = "Skriv fra-datoen som en gyldig dato, fx 2026-01-31";
  }
  if (!to.empty()) {
    // The "to" day is included: the range ends at the next local midnight.
    if (const auto d = parse_date(to)) {
      query.to_ms = local_midnight_ms(std::chrono::year_month_day{std::chrono::sys_days{*d} + std::chrono::days{1}});
    } else {
      errors["til"] = "Skriv til-datoen som en gyldig dato, fx 2026-01-31";
    }
  }
  if (query.from_ms && query.to_ms && *query.to_ms <= *query.from_ms) errors["til"] = "Til-datoen skal være efter fra-datoen";
  if (errors.empty()) query.group = group;
  service::TimelinePage page;
  if (errors.empty()) {
    page = ctx.services.timelines.page(actor(request), id, query, ctx.now_ms());
  } else {
    // Still check access (NotFound for outsiders) before showing the form again.
    service::TimelineQuery none;
    none.limit = 1;
    page = ctx.services.timelines.page(actor(request), id, none, ctx.now_ms());
    page.events.clear();
    page.next_after.clear();
  }
  if (portal && !page.guardian_view) throw service::NotFound("Sagen findes ikke");
  const std::string base = portal ? "/foraeldre/sager/" + id + "/tidslinje" : "/sager/" + id + "/tidslinje";

  Form form(request, errors, nullptr);
  std::vector<Option> groups{{"", t.t("timeline_group_all")}};
  for (const auto& g : service::timeline_groups()) groups.push_back({g, t.t(group_key(g))});
  form.select({.name = "gruppe", .label = t.t("timeline_filter_group"), .options = groups, .optional = true});
  form.text({.name = "fra", .label = t.t("timeline_filter_from"), .type = "date", .width_class = "input-width-s", .optional = true});
  form.text({.name = "til", .label = t.t("timeline_filter_to"), .type = "date", .width_class = "input-width-s", .optional = true});
  form.value("gruppe", group).value("fra", from).value("til", to);
  std::vector<Breadcrumb> crumbs;
  if (portal) {
    crumbs.push_back(Breadcrumb{t.t("timeline_portal_crumb"), "/foraeldre"});
  } else {
    crumbs.push_back(Breadcrumb{t.t("cases_list_title"), "/sager"});
    crumbs.push_back(Breadcrumb{page.case_title, "/sager/" + id});
  }
  crumbs.push_back(Breadcrumb{t.t("timeline_title"), ""});
  return ctx.views.render(
      request,
      {.title = t.t("timeline_title") + " – " + page.case_title,
       .body_template = "cases/timeline.tpl",
       .breadcrumbs = crumbs,
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("case_title", page.case_title);
        body.SetValue("action", base);
        form.fill(body, ctx.views);
        if (page.events.empty()) body.ShowSection("EMPTY");
        auto* list = page.events.empty() ? nullptr : body.AddSectionDictionary("EVENTS");
        for (const auto& e : page.events) {
          auto* row = list->AddSectionDictionary("EVENT");
          row->SetValue("at", danish_time(e.at_ms));
          row->SetValue("who", who(t, e));
          row->SetValue("what", describe(t, e));
          row->SetValue("kind", e.kind);
        }
        if (!page.next_after.empty()) {
          body.SetValueAndShowSection("next_href", base + query_string(group, from, to, page.next_after), "NEXT");
        }
        if (!query.after_id.empty()) {
          body.SetValueAndShowSection("first_href", base + query_string(group, from, to, ""), "FIRST");
        }
      });
}

}  // namespace

void add_case_timeline_routes(http::Router& router, const WebContext& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/sager/{id}/tidslinje", [&context](http::Request& request) { return timeline_page(context, request, false); },
      {.name = "cases.timeline", .policy = "signed_in", .execution = worker});
  router.add(
      "GET", "/foraeldre/sager/{id}/tidslinje",
      [&context](http::Request& request) { return timeline_page(context, request, true); },
      {.name = "parents.case_timeline", .policy = "guardian", .execution = worker});
}

}  // namespace samspil::web
