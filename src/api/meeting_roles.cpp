// /api/v1/meetings/{id}/roles: R4.5 role delegation through the API — the delegable roles
// with their holders (GET) and handing one on (POST {"role", "participant_id"}). Refusals
// from the engine are 409 problem documents naming the rule ids (the API middleware maps
// service errors); rules and access in service/meetings/meeting_roles.
#include "api/json.hpp"
#include "edge/context.hpp"
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "http/router.hpp"
#include "service/meetings/meeting_roles.hpp"

namespace samspil::api {
namespace {

constexpr auto kWorker = http::Execution::worker_pool;

nlohmann::json view_json(const service::DelegationView& v) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& r : v.roles) {
    roles.push_back({{"role", r.role},
                     {"label", r.label},
                     {"participant_id", r.holder_participant_id.empty() ? nlohmann::json(nullptr)
                                                                        : nlohmann::json(r.holder_participant_id)},
                     {"holder_name", r.holder_name},
                     {"delegable_to", r.allowed_text},
                     {"rules", r.rules},
                     {"delegated", r.delegated}});
  }
  nlohmann::json people = nlohmann::json::array();
  for (const auto& c : v.candidates) people.push_back({{"participant_id", c.participant_id}, {"name", c.name}});
  return {{"meeting_id", v.meeting_id}, {"may_delegate", v.may_delegate}, {"roles", roles}, {"candidates", people}};
}

}  // namespace

void add_meeting_role_api_routes(http::Router& router, const edge::Context& context) {
  router.add(
      "GET", "/api/v1/meetings/{id}/roles",
      [&context](http::Request& r) {
        return json(200, view_json(context.services.meeting_roles
                                       .view(edge::actor(r), r.params.at("id"), context.now_ms())));
      },
      {.name = "api.meetings.roles", .policy = "staff", .execution = kWorker});
  router.add(
      "POST", "/api/v1/meetings/{id}/roles",
      [&context](http::Request& r) {
        const auto body = parse_object(r);
        if (!body) return bad_json();
        auto& roles = context.services.meeting_roles;
        const auto& who = edge::actor(r);
        roles.delegate(who, r.params.at("id"), text_of(*body, "role"), text_of(*body, "participant_id"), context.now_ms());
        return json(200, view_json(roles.view(who, r.params.at("id"), context.now_ms())));
      },
      {.name = "api.meetings.roles.delegate", .policy = "staff", .execution = kWorker});
}

}  // namespace samspil::api
