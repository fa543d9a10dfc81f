// /api/v1/meetings/{id}/agenda/documents: files on a meeting's agenda through the API.
// POST uploads (multipart "file" + "label", or the raw body with Content-Type, X-Filename
// and an optional X-Label, percent-encoded); GET …/{doc} downloads for the meeting's
// participants only. The agenda (GET /api/v1/meetings/{id}/agenda) lists them among its
// documents (kind "file"). Rules and access in service/agenda/agenda_files.
#include "api/json.hpp"
#include "edge/multipart.hpp"
#include "edge/request_state.hpp"
#include "edge/responses.hpp"
#include "edge/service_config.hpp"
#include "http/router.hpp"
#include "service/agenda/agenda_files.hpp"

namespace samspil::api {

void add_agenda_file_api_routes(http::Router& router, const edge::Context& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "POST", "/api/v1/meetings/{id}/agenda/documents",
      [&context](http::Request& request) {
        if (!context.models) return http::Response::problem(404, "Ikke fundet", "Mødet findes ikke.");
        std::string name, bytes, label;
        if (edge::multipart_boundary(request.header("content-type"))) {
          const auto parts = edge::read_multipart(request);  // malformed: no file (404 to outsiders first)
          if (const auto* p = parts ? edge::find_part(*parts, "file") : nullptr) name = p->filename, bytes = p->data;
          if (const auto* p = parts ? edge::find_part(*parts, "label") : nullptr) label = p->data;
        } else {
          name = http::percent_decode(request.header("x-filename"), false).value_or("");
          label = http::percent_decode(request.header("x-label"), false).value_or("");
          bytes = request.body;
        }
        const auto f = context.services.agenda_files
                           .upload(edge::actor(request), request.params.at("id"), label, name, bytes, context.now_ms());
        return json(201, {{"id", f.document_id},
                          {"kind", "file"},
                          {"label", f.label},
                          {"name", f.name},
                          {"content_type", f.content_type},
                          {"size_bytes", f.size_bytes},
                          {"added_at", f.uploaded_at_ms}});
      },
      {.name = "api.agenda.file_add", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/api/v1/meetings/{id}/agenda/documents/{doc}",
      [&context](http::Request& request) {
        if (!context.models) return http::Response::problem(404, "Ikke fundet", "Mødet findes ikke.");
        const auto file = context.services.agenda_files
                              .download(edge::actor(request), request.params.at("id"), request.params.at("doc"),
                                        context.now_ms());
        return edge::download(file.bytes, file.info.content_type, file.info.name);
      },
      {.name = "api.agenda.file", .policy = "signed_in", .execution = worker});
}

}  // namespace samspil::api
