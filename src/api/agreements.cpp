// The agreement of a meeting over /api/v1 (issue 6 items 5-6): GET and PUT the agreement
// (PUT carries the version it was based on: 409 when stale), POST …/agreement/confirm
// (the chair; after the read-back), GET …/agreement.pdf. The live event stream is
// api/meeting_events.cpp. The service decides access (404 outside the meeting, 403 for
// a participant without the role).
#include "api/json.hpp"
#include "api/routes.hpp"
#include "edge/live_stream.hpp"
#include "edge/local_time.hpp"
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"

namespace samspil::api {
namespace {

http::Response state_json(const service::AgreementState& s) {
  return json(200, nlohmann::json::parse(service::agreement_state_json(s)));
}

http::Response put_agreement(const edge::Context& ctx, http::Request& request) {
  const auto body = parse_object(request);
  if (!body) return bad_json();
  service::FieldErrors errors;
  const auto& b = *body;
  if (!b.contains("version") || !b["version"].is_number_integer()) errors["version"] = "Angiv versionen, som ændringen bygger på.";
  const auto content_json = b.value("content", nlohmann::json::object());
  auto text = [&](const char* name) {
    const auto it = content_json.find(name);
    return it != content_json.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  service::AgreementContent content{text("resources"), text("challenges"), text("goals"), text("signs_child"),
                                    text("signs_adults"), text("ppv_decision"), text("child_perspective"),
                                    text("child_perspective_missing"), text("next_meeting")};
  std::vector<service::AgreementActionInput> actions;
  const auto list = b.value("actions", nlohmann::json::array());
  for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
    const auto& a = list[i];
    if (!a.is_object()) {
      errors["actions[" + std::to_string(i) + "]"] = "Hver handling skal være et objekt.";
      continue;
    }
    service::AgreementActionInput in{a.value("text", ""), a.value("owner_id", ""), a.value("owner_name", ""),
                                     std::nullopt};
    if (const auto due = a.value("due_date", ""); !due.empty()) {
      in.due_at_ms = edge::parse_due_date(due);
      if (!in.due_at_ms) errors["actions[" + std::to_string(i) + "].due_date"] = "Skriv datoen som åååå-mm-dd.";
    }
    actions.push_back(std::move(in));
  }
  if (!errors.empty()) return invalid(errors);
  auto& agreements = ctx.services.agreements;
  return state_json(agreements.save(edge::actor(request), request.params.at("id"), b["version"].get<std::int64_t>(),
                                    content, actions, ctx.now_ms()));
}

}  // namespace

void add_agreement_api_routes(http::Router& router, const edge::Context& context) {
  const edge::Context* ctx = &context;
  router.add("GET", "/api/v1/meetings/{id}/agreement",
             [ctx](http::Request& r) {
               return state_json(ctx->services.agreements
                                     .state(edge::actor(r), r.params.at("id"), ctx->now_ms()));
             },
             {.name = "api.agreement", .policy = "signed_in"});
  router.add("PUT", "/api/v1/meetings/{id}/agreement",
             [ctx](http::Request& r) { return put_agreement(*ctx, r); },
             {.name = "api.agreement_put", .policy = "staff"});
  router.add("POST", "/api/v1/meetings/{id}/agreement/read-back",
             [ctx](http::Request& r) {
               return state_json(ctx->services.agreements
                                     .read_back(edge::actor(r), r.params.at("id"), ctx->now_ms()));
             },
             {.name = "api.agreement_read_back", .policy = "staff"});
  router.add("POST", "/api/v1/meetings/{id}/agreement/confirm",
             [ctx](http::Request& r) {
               return state_json(ctx->services.agreements
                                     .confirm(edge::actor(r), r.params.at("id"), ctx->now_ms()));
             },
             {.name = "api.agreement_confirm", .policy = "staff"});
  router.add("GET", "/api/v1/meetings/{id}/agreement.pdf",
             [ctx](http::Request& r) {
               http::Response response;
               response.status = 200;
               response.body = ctx->services.agreements
                                   .pdf(edge::actor(r), r.params.at("id"), ctx->now_ms());
               response.set_header("Content-Type", "application/pdf");
               response.set_header("Cache-Control", "no-store");
               return response;
             },
             {.name = "api.agreement_pdf", .policy = "signed_in"});
}

}  // namespace samspil::api
