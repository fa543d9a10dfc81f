// GET /api/v1/me/overview, /api/v1/me/meetings and /api/v1/me/obligations: "Mit overblik"
// as JSON (service::Overview). Lists are keyset-paginated: each carries next_cursor (null
// on the last page), passed back as ?after= (or, on /me/overview, ?meetings_after=,
// ?tasks_after=, ?cases_after=, ?obligations_after=). ?limit= 1..50 (default 20).
// GET /api/v1/meetings/{id}/perspectives: the guardians' perspectives before the meeting,
// for its staff (a guardian gets only their own; 404 for anyone else).
#include <charconv>

#include "api/json.hpp"
#include "api/routes.hpp"
#include "edge/request_state.hpp"
#include "service/meetings/perspectives.hpp"
#include "service/overview/overview.hpp"

namespace samspil::api {

namespace {

using Json = nlohmann::json;

int limit_param(const http::Request& request) {
  const std::string text = request.query_param("limit");
  int value = 20;
  if (!text.empty()) (void)std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

Json next(const std::string& token) { return token.empty() ? Json(nullptr) : Json(token); }

Json opt(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json meetings_json(const service::OverviewPage<service::OverviewMeeting>& page) {
  Json items = Json::array();
  for (const auto& m : page.items) {
    items.push_back({{"id", m.row.id},
                     {"case_id", m.row.case_id},
                     {"case_title", m.row.case_title},
                     {"type", m.row.type_id},
                     {"type_name", m.type_name},
                     {"status", m.row.status},
                     {"starts_at", m.row.starts_at_ms},
                     {"ends_at", opt(m.row.ends_at_ms)},
                     {"location", m.row.location},
                     {"my_response", m.row.response}});
  }
  return {{"items", items}, {"next_cursor", next(page.next)}};
}

Json obligations_json(const service::OverviewPage<service::OverviewObligation>& page) {
  Json items = Json::array();
  for (const auto& o : page.items) {
    items.push_back({{"id", o.id},
                     {"obligation", o.obligation_id},
                     {"meeting_id", o.meeting_id},
                     {"case_id", o.case_id},
                     {"case_title", o.case_title},
                     {"due_at", o.due_at_ms},
                     {"overdue", o.overdue}});
  }
  return {{"items", items}, {"next_cursor", next(page.next)}};
}

Json tasks_json(const service::OverviewPage<storage::MyTaskRow>& page) {
  Json items = Json::array();
  for (const auto& t : page.items) {
    items.push_back({{"id", t.id},
                     {"kind", t.kind},
                     {"label", t.label},
                     {"case_id", t.case_id.empty() ? Json(nullptr) : Json(t.case_id)},
                     {"meeting_id", t.meeting_id.empty() ? Json(nullptr) : Json(t.meeting_id)},
                     {"due_at", opt(t.due_at_ms)}});
  }
  return {{"items", items}, {"next_cursor", next(page.next)}};
}

Json cases_json(const service::OverviewPage<service::OverviewCase>& page) {
  Json items = Json::array();
  for (const auto& c : page.items) {
    items.push_back({{"id", c.row.id},
                     {"title", c.row.title},
                     {"state", c.row.state},
                     {"state_name", c.state_name},
                     {"updated_at", c.row.updated_at_ms}});
  }
  return {{"items", items}, {"next_cursor", next(page.next)}};
}

}  // namespace

void add_overview_api_routes(http::Router& router, const edge::Context& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/api/v1/me/overview",
      [&context](http::Request& request) {
        service::OverviewCursors cursors{request.query_param("meetings_after"), request.query_param("tasks_after"),
                                         request.query_param("cases_after"),
                                         request.query_param("obligations_after")};
        const auto o = context.services.overview
                           .of(edge::actor(request), cursors, limit_param(request), context.now_ms());
        Json compliance = Json::array();
        for (const auto& c : o.compliance) {
          compliance.push_back({{"unit_id", c.unit_id},
                                {"unit_name", c.unit_name},
                                {"obligation", c.obligation_id},
                                {"met", c.met},
                                {"missed", c.missed}});
        }
        Json body{{"meetings", meetings_json(o.meetings)},
                  {"obligations", obligations_json(o.obligations)},
                  {"tasks", tasks_json(o.tasks)},
                  {"cases", cases_json(o.cases)}};
        if (o.leader) body["compliance"] = compliance;
        return api::json(200, body);
      },
      {.name = "api.me.overview", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/api/v1/me/meetings",
      [&context](http::Request& request) {
        const auto page = context.services.overview
                              .meetings(edge::actor(request), request.query_param("after"), limit_param(request),
                                        context.now_ms());
        return api::json(200, meetings_json(page));
      },
      {.name = "api.me.meetings", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/api/v1/me/obligations",
      [&context](http::Request& request) {
        const auto page = context.services.overview
                              .obligations(edge::actor(request), request.query_param("after"), limit_param(request),
                                           context.now_ms());
        return api::json(200, obligations_json(page));
      },
      {.name = "api.me.obligations", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/api/v1/meetings/{id}/perspectives",
      [&context](http::Request& request) {
        const auto items = context.services.perspectives
                               .for_meeting(edge::actor(request), request.params.at("id"), context.now_ms());
        Json out = Json::array();
        for (const auto& p : items) {
          out.push_back({{"author_id", p.author_id},
                         {"author_name", p.author_name},
                         {"text", p.text},
                         {"created_at", p.created_at_ms},
                         {"updated_at", p.updated_at_ms}});
        }
        return api::json(200, {{"items", out}});
      },
      {.name = "api.meetings.perspectives", .policy = "signed_in", .execution = worker});
}

}  // namespace samspil::api
