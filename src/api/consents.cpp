// /api/v1/consents: a child's consents, give (guardian in the portal, staff from paper),
// withdraw. Access and rules in service/consents.
#include <charconv>

#include "api/cases_support.hpp"
#include "api/json.hpp"
#include "http/router.hpp"
#include "web/request_state.hpp"

namespace samspil::api {

void add_consent_api_routes(http::Router& router, const web::WebContext& context) {
  const auto api = load_cases_api(context);
  const auto worker = http::Execution::worker_pool;

  router.add(
      "GET", "/api/v1/consents",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        service::Consents consents(context.db, api->config);
        const std::string child_id = request.query_param("child_id");
        if (child_id.empty()) return invalid({{"child_id", "Angiv barnet"}});
        nlohmann::json items = nlohmann::json::array();
        for (const auto& c : consents.for_child(web::actor(request), child_id, context.now_ms())) {
          items.push_back(consent_json(c));
        }
        return api::json(200, {{"items", items}, {"next_cursor", nullptr}});
      },
      {.name = "api.consents.list", .policy = "signed_in", .execution = worker});

  router.add(
      "POST", "/api/v1/consents",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::GiveConsent in;
        in.child_id = text_of(*body, "child_id");
        in.guardian_id = text_of(*body, "guardian_id");
        in.scope = text_of(*body, "scope");
        in.purpose = text_of(*body, "purpose");
        in.parties = text_of(*body, "parties");
        in.source = text_of(*body, "source");
        in.scan_attachment_id = text_of(*body, "scan_attachment_id");
        if (const auto e = body->find("expires_at"); e != body->end()) {
          if (!e->is_number_integer()) return invalid({{"expires_at", "Udløbstidspunktet skal være et tidsstempel i ms"}});
          in.expires_at_ms = e->get<std::int64_t>();
        }
        in.idempotency_key = request.header("idempotency-key");
        service::Consents consents(context.db, api->config);
        const auto& actor = web::actor(request);
        const std::string id = consents.give(actor, in, context.now_ms());
        return api::json(201, consent_json(consents.get(actor, id, context.now_ms())));
      },
      {.name = "api.consents.create", .policy = "signed_in", .execution = worker});

  router.add(
      "POST", "/api/v1/consents/{id}/withdraw",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        service::Consents consents(context.db, api->config);
        const auto& actor = web::actor(request);
        const auto& id = request.params.at("id");
        consents.withdraw(actor, id, context.now_ms());
        return api::json(200, consent_json(consents.get(actor, id, context.now_ms())));
      },
      {.name = "api.consents.withdraw", .policy = "signed_in", .execution = worker});
}

}  // namespace samspil::api
