// /api/v1/units: the municipality's organisational units (administrators only; rules in
// service/organisation/organisation).
#include "api/json.hpp"
#include "api/people_json.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"

namespace samspil::api {

namespace org = service::organisation;

void add_unit_api_routes(http::Router& router, const edge::Context& context) {
  router.add(
      "GET", "/api/v1/units",
      [&context](http::Request& request) {
        const auto page = context.services.units.list_units(edge::actor(request), request.query_param("after"),
                                                            limit_param(request));
        nlohmann::json items = nlohmann::json::array();
        for (const auto& u : page.units) items.push_back(unit_json(u));
        return api::json(200, page_json(std::move(items), page.next_cursor));
      },
      {.name = "api.units.list", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/api/v1/units",
      [&context](http::Request& request) {
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::FieldErrors errors;
        org::UnitInput input{string_field(*body, "name", errors).value_or(""),
                             string_field(*body, "kind", errors).value_or(""),
                             string_field(*body, "parent_id", errors).value_or("")};
        if (!errors.empty()) return invalid(errors);
        return api::json(201,
                         unit_json(context.services.units.create_unit(edge::actor(request), input, context.now_ms())));
      },
      {.name = "api.units.create", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "GET", "/api/v1/units/{id}",
      [&context](http::Request& request) {
        return api::json(200,
                         unit_json(context.services.units.get_unit(edge::actor(request), request.params.at("id"))));
      },
      {.name = "api.units.show", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "PATCH", "/api/v1/units/{id}",
      [&context](http::Request& request) {
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::FieldErrors errors;
        org::UnitPatch patch;
        patch.name = string_field(*body, "name", errors);
        // "parent_id": null moves the unit to the top; absent keeps it where it is.
        if (body->contains("parent_id")) patch.parent_id = string_field(*body, "parent_id", errors).value_or("");
        if (!errors.empty()) return invalid(errors);
        return api::json(200, unit_json(context.services.units.update_unit(
                                  edge::actor(request), request.params.at("id"), patch, context.now_ms())));
      },
      {.name = "api.units.update", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::api
