// The agreement's PDF for staff (/moeder/{id}/aftale.pdf) and guardians
// (/foraeldre/moeder/{id}/aftale.pdf), and the live event stream of meeting mode
// (/moeder/{id}/afvikling/haendelser, text/event-stream).
#include <fmt/format.h>

#include "edge/request_state.hpp"
#include "service/agreements/agreements.hpp"
#include "web/meeting_mode_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

http::Response pdf_response(std::string bytes) {
  http::Response r;
  r.status = 200;
  r.headers.emplace_back("Content-Type", "application/pdf");
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"aftale.pdf\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  r.body = std::move(bytes);
  return r;
}

}  // namespace

void add_agreement_routes(http::Router& router, const WebContext& context) {
  const WebContext* ctx = &context;
  auto pdf = [ctx](http::Request& r) {
    return pdf_response(
        ctx->services.agreements.pdf(actor(r), r.params.at("id"), ctx->now_ms()));
  };
  router.add("GET", "/moeder/{id}/aftale.pdf", pdf,
             {.name = "agreement_pdf", .policy = "staff", .execution = http::Execution::worker_pool});
  router.add("GET", "/foraeldre/moeder/{id}/aftale.pdf", pdf,
             {.name = "parents_agreement_pdf", .policy = "guardian", .execution = http::Execution::worker_pool});
  router.add("GET", "/moeder/{id}/afvikling/haendelser",
             [ctx](http::Request& r) { return meeting_event_stream(*ctx, r, r.params.at("id")); },
             {.name = "meeting_mode_events", .policy = "signed_in", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
