// /api/v1/ppr/queue (the district lead's queue and median waiting times) and
// POST /api/v1/cases/{id}/triage-decisions (assign / more_info / redirect_kv / decline).
// Thin: parse, one service call, JSON.
#include "api/json.hpp"
#include "edge/context.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"
#include "service/triage/triage.hpp"

namespace samspil::api {
namespace {

using Json = nlohmann::json;

Json optional_number(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

service::Triage& triage_of(const edge::Context& ctx) {
  return ctx.services.triage;
}

}  // namespace

void add_triage_api_routes(http::Router& router, const edge::Context& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/api/v1/ppr/queue",
      [&context](http::Request& request) {
        const auto board = triage_of(context).board(edge::actor(request), context.now_ms());
        Json items = Json::array();
        for (const auto& e : board.queue) {
          Json staff = Json::array();
          for (const auto& s : e.staff) staff.push_back({{"user_id", s.user_id}, {"display_name", s.display_name}});
          items.push_back({{"case_id", e.item.case_id},
                           {"title", e.item.title},
                           {"state", e.item.state},
                           {"ppr_unit_id", e.item.ppr_unit_id},
                           {"ppr_unit_name", e.item.ppr_unit_name},
                           {"institution", e.item.child_unit_name},
                           {"requested_at", e.item.requested_at_ms},
                           {"waiting_days", e.waiting_days},
                           {"staff", staff}});
        }
        Json districts = Json::array();
        for (const auto& d : board.districts) {
          districts.push_back({{"unit_id", d.unit_id},
                               {"name", d.unit_name},
                               {"decided", d.decided},
                               {"median_decision_days", optional_number(d.median_decision_days)},
                               {"started", d.started},
                               {"median_startup_days", optional_number(d.median_startup_days)}});
        }
        return json(200, {{"items", items}, {"districts", districts}});
      },
      {.name = "api.ppr.queue", .policy = "district_lead", .execution = worker});
  router.add(
      "POST", "/api/v1/cases/{id}/triage-decisions",
      [&context](http::Request& request) {
        const auto body = parse_object(request);
        if (!body) return bad_json();
        const auto result = triage_of(context).decide(
            edge::actor(request), request.params.at("id"),
            {text_of(*body, "decision"), text_of(*body, "assignee_id"), text_of(*body, "reason")}, context.now_ms());
        return json(201, {{"id", result.decision_id},
                          {"state", result.new_state},
                          {"task_id", result.task_id.empty() ? Json(nullptr) : Json(result.task_id)},
                          {"task_due_at", result.task_due_ms ? Json(*result.task_due_ms) : Json(nullptr)}});
      },
      {.name = "api.cases.triage_decide", .policy = "district_lead", .execution = worker});
}

}  // namespace samspil::api
