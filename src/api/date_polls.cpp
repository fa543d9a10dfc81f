// /api/v1/meetings/{id}/date-proposals: R4.4 through the API. GET lists the times proposed
// to the parents; POST {"proposal_id"} picks one — a custody holder invited picks for
// themselves, staff who manage the meeting pick on the parents' behalf and must give
// "reason". Convening with "proposed_starts" (POST /api/v1/cases/{id}/meetings) opens the
// poll. Rules and access in service/meetings/date_polls.
#include "api/json.hpp"
#include "edge/context.hpp"
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "http/router.hpp"
#include "service/meetings/date_polls.hpp"

namespace samspil::api {
namespace {

constexpr auto kWorker = http::Execution::worker_pool;

nlohmann::json poll_json(const service::DatePollView& v) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : v.proposals)
    items.push_back({{"id", p.id}, {"starts_at", p.starts_at_ms}, {"ends_at", p.ends_at_ms}, {"chosen", p.chosen}});
  return {{"meeting_id", v.meeting_id},
          {"status", v.status},
          {"open", v.open},
          {"may_choose", v.may_choose},
          {"may_choose_for_parents", v.may_choose_for_parents},
          {"chosen_for_parents", v.chosen_for_parents},
          {"proposals", items}};
}

}  // namespace

void add_date_poll_api_routes(http::Router& router, const edge::Context& context) {
  router.add(
      "GET", "/api/v1/meetings/{id}/date-proposals",
      [&context](http::Request& r) {
        return json(200, poll_json(context.services.date_polls
                                       .view(edge::actor(r), r.params.at("id"), context.now_ms())));
      },
      {.name = "api.meetings.date_proposals", .policy = "signed_in", .execution = kWorker});
  router.add(
      "POST", "/api/v1/meetings/{id}/date-proposals",
      [&context](http::Request& r) {
        const auto body = parse_object(r);
        if (!body) return bad_json();
        auto& polls = context.services.date_polls;
        const auto& who = edge::actor(r);
        const auto& id = r.params.at("id");
        if (who.is_staff()) polls.choose_for_parents(who, id, text_of(*body, "proposal_id"), text_of(*body, "reason"), context.now_ms());
        else polls.choose(who, id, text_of(*body, "proposal_id"), context.now_ms());
        return json(200, poll_json(polls.view(who, id, context.now_ms())));
      },
      {.name = "api.meetings.date_choose", .policy = "signed_in", .execution = kWorker});
}

}  // namespace samspil::api
