// GET /api/v1/meetings/{id}/events: the meeting's live changes as server-sent events
// (text/event-stream; event "state" with the agreement state as JSON, id = its version).
// The same stream as meeting mode's page uses; a reconnecting client gets the current
// state first, so Last-Event-ID needs no replay.
#include "api/routes.hpp"
#include "edge/live_stream.hpp"
#include "edge/local_time.hpp"
#include "edge/service_config.hpp"

namespace samspil::api {

void add_meeting_events_api_routes(http::Router& router, const edge::Context& context) {
  const edge::Context* ctx = &context;
  router.add("GET", "/api/v1/meetings/{id}/events",
             [ctx](http::Request& r) { return edge::meeting_event_stream(*ctx, r, r.params.at("id")); },
             {.name = "api.meeting_events", .policy = "signed_in"});
}

}  // namespace samspil::api
