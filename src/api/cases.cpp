// /api/v1/cases: list (mine, cursor-paginated), register a concern, read, the timeline,
// moves through the model, what was tried, assignment and participants. Thin handlers:
// parse, one service call, JSON; access and rules are decided in service/.
#include "api/cases_support.hpp"
#include "api/json.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"

namespace samspil::api {
namespace {

using Json = nlohmann::json;

service::RegisterConcern register_input(const Json& body, const http::Request& request) {
  service::RegisterConcern in;
  in.child_id = text_of(body, "child_id");
  in.title = text_of(body, "title");
  in.tried = text_of(body, "tried");
  in.idempotency_key = request.header("idempotency-key");
  if (in.idempotency_key.empty()) in.idempotency_key = text_of(body, "idempotency_key");
  if (const auto child = body.find("child"); child != body.end() && child->is_object()) {
    in.first_name = text_of(*child, "first_name");
    in.last_name = text_of(*child, "last_name");
    in.birth_date = text_of(*child, "birth_date");
    in.cpr = text_of(*child, "cpr");
    in.unit_id = text_of(*child, "unit_id");
    in.group_name = text_of(*child, "group_name");
    if (const auto gs = child->find("guardians"); gs != child->end() && gs->is_array()) {
      for (const auto& g : *gs) {
        if (!g.is_object()) continue;
        service::NewGuardian guardian;
        guardian.user_id = text_of(g, "user_id");
        if (const auto rel = text_of(g, "relation"); !rel.empty()) guardian.relation = rel;
        if (const auto c = g.find("has_custody"); c != g.end() && c->is_boolean()) guardian.has_custody = c->get<bool>();
        in.guardians.push_back(guardian);
      }
    }
  }
  return in;
}

}  // namespace

void add_case_api_routes(http::Router& router, const edge::Context& context) {
  const auto api = edge::load_case_models(context);
  const auto worker = http::Execution::worker_pool;

  router.add(
      "GET", "/api/v1/cases",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        auto& cases = context.services.cases;
        const int limit = case_limit_param(request);
        // ?unit=&state=&meeting_type=&assigned_to=&q= (service/cases/cases_search; q searches titles only).
        const storage::CaseFilter filter{request.query_param("unit"), request.query_param("state"),
                                         request.query_param("meeting_type"), request.query_param("assigned_to"),
                                         request.query_param("q")};
        const auto rows = cases.search(edge::actor(request), filter, request.query_param("after"), limit, context.now_ms());
        Json items = Json::array();
        for (const auto& c : rows) items.push_back(case_json(c));
        const Json next = static_cast<int>(rows.size()) == limit ? Json(rows.back().id) : Json(nullptr);
        return api::json(200, {{"items", items}, {"next_cursor", next}});
      },
      {.name = "api.cases.list", .policy = "signed_in", .execution = worker});

  router.add(
      "POST", "/api/v1/cases",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        const auto body = parse_object(request);
        if (!body) return bad_json();
        auto& cases = context.services.cases;
        const auto made = cases.register_concern(edge::actor(request), register_input(*body, request), context.now_ms());
        Json out{{"id", made.case_id}, {"child_id", made.child_id}};
        if (!made.cpr_warning.empty()) out["cpr_warning"] = made.cpr_warning;
        return api::json(made.repeated ? 200 : 201, out);
      },
      {.name = "api.cases.create", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/api/v1/cases/{id}",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        auto& cases = context.services.cases;
        return api::json(200, case_view_json(cases.get(edge::actor(request), request.params.at("id"), context.now_ms())));
      },
      {.name = "api.cases.show", .policy = "signed_in", .execution = worker});

  router.add(
      "GET", "/api/v1/cases/{id}/events",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        auto& cases = context.services.cases;
        const int limit = case_limit_param(request);
        const auto rows = cases.timeline(edge::actor(request), request.params.at("id"), request.query_param("kind"),
                                         request.query_param("after"), limit, context.now_ms());
        Json items = Json::array();
        for (const auto& e : rows) items.push_back(event_json(e));
        const Json next = static_cast<int>(rows.size()) == limit ? Json(rows.back().id) : Json(nullptr);
        return api::json(200, {{"items", items}, {"next_cursor", next}});
      },
      {.name = "api.cases.events", .policy = "signed_in", .execution = worker});

  router.add(
      "POST", "/api/v1/cases/{id}/transitions",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        const auto body = parse_object(request);
        if (!body) return bad_json();
        auto& cases = context.services.cases;
        const service::MoveRequest move{text_of(*body, "to_state"), text_of(*body, "via"), text_of(*body, "reason"),
                                        text_of(*body, "ppr_unit_id")};
        return api::json(200, case_view_json(cases.move(edge::actor(request), request.params.at("id"), move,
                                                        context.now_ms())));
      },
      {.name = "api.cases.transition", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/api/v1/cases/{id}/tried",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        const auto body = parse_object(request);
        if (!body) return bad_json();
        auto& cases = context.services.cases;
        const auto& id = request.params.at("id");
        cases.record_tried(edge::actor(request), id, text_of(*body, "text"), context.now_ms());
        return api::json(200, case_view_json(cases.get(edge::actor(request), id, context.now_ms())));
      },
      {.name = "api.cases.tried", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/api/v1/cases/{id}/assignment",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        const auto body = parse_object(request);
        if (!body) return bad_json();
        auto& cases = context.services.cases;
        const auto& id = request.params.at("id");
        cases.assign(edge::actor(request), id, text_of(*body, "user_id"), context.now_ms());
        return api::json(200, case_view_json(cases.get(edge::actor(request), id, context.now_ms())));
      },
      {.name = "api.cases.assign", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/api/v1/cases/{id}/participants",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        const auto body = parse_object(request);
        if (!body) return bad_json();
        auto& cases = context.services.cases;
        const auto& id = request.params.at("id");
        cases.add_participant(edge::actor(request), id, text_of(*body, "user_id"), text_of(*body, "role"),
                              context.now_ms());
        return api::json(200, case_view_json(cases.get(edge::actor(request), id, context.now_ms())));
      },
      {.name = "api.cases.participants", .policy = "staff", .execution = worker});
}

}  // namespace samspil::api
