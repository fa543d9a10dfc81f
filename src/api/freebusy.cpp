// /api/v1/me/freebusy: the caller's imported free/busy calendar (service/meetings/free_busy).
// GET shows the host only and the last fetch's outcome, never the URL; PUT {"url": …} sets
// it and fetches it once; DELETE removes it; POST …/fetch fetches now.
#include "api/json.hpp"
#include "edge/context.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/free_busy.hpp"

namespace samspil::api {
namespace {

using Json = nlohmann::json;

Json optional_ms(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json status_json(const service::free_busy::Status& s) {
  if (!s.configured) return {{"configured", false}};
  return {{"configured", true},
          {"host", s.host},
          {"status", s.status},
          {"error", s.status == "failed" ? Json(s.error) : Json(nullptr)},
          {"attempted_at", optional_ms(s.attempted_at_ms)},
          {"fetched_at", optional_ms(s.fetched_at_ms)},
          {"busy_intervals", s.busy_count}};
}

const service::free_busy::Feeds& feeds(const edge::Context& context) {
  if (!context.free_busy || !context.free_busy->available()) {
    throw service::Conflict("Import af egen kalender er ikke slået til i denne installation.");
  }
  return *context.free_busy;
}

http::Response no_store(http::Response r) {
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void add_freebusy_api_routes(http::Router& router, const edge::Context& context) {
  router.add(
      "GET", "/api/v1/me/freebusy",
      [&context](http::Request& r) { return no_store(json(200, status_json(feeds(context).status(edge::actor(r))))); },
      {.name = "api.me.freebusy", .policy = "signed_in"});
  router.add(
      "PUT", "/api/v1/me/freebusy",
      [&context](http::Request& r) {
        const auto body = parse_object(r);
        if (!body) return bad_json();
        const auto url = body->find("url");
        if (url == body->end() || !url->is_string()) return invalid({{"url", "Angiv adressen som tekst"}});
        return no_store(json(200, status_json(feeds(context).set(edge::actor(r), url->get<std::string>()))));
      },
      {.name = "api.me.freebusy.set", .policy = "signed_in"});
  router.add(
      "DELETE", "/api/v1/me/freebusy",
      [&context](http::Request& r) {
        if (!feeds(context).remove(edge::actor(r))) throw service::NotFound("no calendar");
        http::Response response;
        response.status = 204;
        return no_store(std::move(response));
      },
      {.name = "api.me.freebusy.remove", .policy = "signed_in"});
  router.add(
      "POST", "/api/v1/me/freebusy/fetch",
      [&context](http::Request& r) { return no_store(json(200, status_json(feeds(context).fetch_now(edge::actor(r))))); },
      {.name = "api.me.freebusy.fetch", .policy = "signed_in"});
}

}  // namespace samspil::api
