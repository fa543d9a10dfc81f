// /api/v1/consents: a child's consents, give (guardian in the portal, staff from paper),
// withdraw; /api/v1/cases/{id}/consent-scans: the scan of a paper consent (POST raw body with
// Content-Type and X-Filename, or multipart/form-data with a "file" part; GET one scan).
// A paper consent names its scan by scan_attachment_id. Access and rules in service/consent/consents.
#include <charconv>

#include "api/cases_support.hpp"
#include "api/json.hpp"
#include "edge/multipart.hpp"
#include "edge/request_state.hpp"
#include "edge/responses.hpp"
#include "edge/service_config.hpp"
#include "http/router.hpp"

namespace samspil::api {
namespace {

nlohmann::json scan_json(const service::ConsentScanInfo& s) {
  return {{"id", s.id},
          {"case_id", s.case_id},
          {"name", s.name},
          {"content_type", s.content_type},
          {"size_bytes", s.size_bytes},
          {"sha256", s.sha256},
          {"uploaded_at", s.uploaded_at_ms}};
}

}  // namespace

void add_consent_api_routes(http::Router& router, const edge::Context& context) {
  const auto api = edge::load_case_models(context);
  const auto worker = http::Execution::worker_pool;

  router.add(
      "GET", "/api/v1/consents",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        auto& consents = context.services.consents;
        const std::string child_id = request.query_param("child_id");
        if (child_id.empty()) return invalid({{"child_id", "Angiv barnet"}});
        nlohmann::json items = nlohmann::json::array();
        for (const auto& c : consents.for_child(edge::actor(request), child_id, context.now_ms())) {
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
        in.case_id = text_of(*body, "case_id");
        if (const auto e = body->find("expires_at"); e != body->end() && !e->is_null()) {
          if (!e->is_number_integer()) return invalid({{"expires_at", "Udløbstidspunktet skal være et tidsstempel i ms"}});
          in.expires_at_ms = e->get<std::int64_t>();
        }
        if (const auto g = body->find("given_at"); g != body->end() && !g->is_null()) {
          if (!g->is_number_integer()) return invalid({{"given_at", "Tidspunktet skal være et tidsstempel i ms"}});
          in.given_at_ms = g->get<std::int64_t>();
        }
        in.idempotency_key = request.header("idempotency-key");
        auto& consents = context.services.consents;
        const auto& actor = edge::actor(request);
        const std::string id = consents.give(actor, in, context.now_ms());
        return api::json(201, consent_json(consents.get(actor, id, context.now_ms())));
      },
      {.name = "api.consents.create", .policy = "signed_in", .execution = worker});

  router.add(
      "POST", "/api/v1/consents/{id}/withdraw",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        auto& consents = context.services.consents;
        const auto& actor = edge::actor(request);
        const auto& id = request.params.at("id");
        consents.withdraw(actor, id, context.now_ms());
        return api::json(200, consent_json(consents.get(actor, id, context.now_ms())));
      },
      {.name = "api.consents.withdraw", .policy = "signed_in", .execution = worker});

  router.add(
      "POST", "/api/v1/cases/{id}/consent-scans",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        std::string name, bytes;
        if (edge::multipart_boundary(request.header("content-type"))) {
          const auto parts = edge::read_multipart(request);  // malformed: no file (404 to outsiders first)
          if (const auto* p = parts ? edge::find_part(*parts, "file") : nullptr) {
            name = p->filename;
            bytes = p->data;
          }
        } else {
          name = http::percent_decode(request.header("x-filename"), false).value_or("");
          bytes = request.body;
        }
        auto& consents = context.services.consents;
        return api::json(201, scan_json(consents.add_scan(edge::actor(request), request.params.at("id"), name, bytes,
                                                          context.now_ms())));
      },
      {.name = "api.consents.scan_add", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/api/v1/cases/{id}/consent-scans/{scan}",
      [api, &context](http::Request& request) {
        if (!api->ready()) return not_configured();
        auto& consents = context.services.consents;
        const auto file = consents.scan(edge::actor(request), request.params.at("id"), request.params.at("scan"),
                                        context.now_ms());
        return edge::download(file.bytes, file.info.content_type, file.info.name);
      },
      {.name = "api.consents.scan", .policy = "staff", .execution = worker});
}

}  // namespace samspil::api
