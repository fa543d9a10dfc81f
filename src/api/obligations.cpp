// /api/v1/meetings/{id}/obligations: the obligations of a meeting (X3) with owner, due time
// and status (done, open, missed, unknown: the anchor fact is not known yet).
#include "api/json.hpp"
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "http/router.hpp"

namespace samspil::api {

nlohmann::json obligation_json(const service::obligations::ObligationView& o) {
  auto opt = [](const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"id", o.id},
          {"meeting_id", o.meeting_id},
          {"obligation", o.obligation_id},
          {"label", o.label},
          {"rule", o.rule},
          {"owner_role", o.owner_role},
          {"owner_id", o.owner_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.owner_id)},
          {"owner_name", o.owner_name},
          {"anchor", o.anchor},
          {"due_at", opt(o.due_at_ms)},
          {"closed_day", o.closed_day},
          {"done_at", opt(o.done_at_ms)},
          {"reminded_at", opt(o.reminded_at_ms)},
          {"missed_at", opt(o.missed_at_ms)},
          {"status", o.status}};
}

void add_obligation_api_routes(http::Router& router, const edge::Context& context) {
  router.add(
      "GET", "/api/v1/meetings/{id}/obligations",
      [&context](http::Request& request) {
        if (!context.models) throw service::NotFound("Mødet findes ikke");
        auto& agendas = context.services.agendas;
        const auto view = agendas.view(edge::actor(request), request.params.at("id"), context.now_ms());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& o : view.obligations) items.push_back(obligation_json(o));
        return api::json(200, {{"items", items}});
      },
      {.name = "api.meetings.obligations", .policy = "signed_in", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::api
