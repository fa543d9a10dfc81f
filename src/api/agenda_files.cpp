// /api/v1/meetings/{id}/agenda/documents: files on a meeting's agenda through the API.
// POST uploads (multipart "file" + "label", or the raw body with Content-Type, X-Filename
// and an optional X-Label, percent-encoded); GET …/{doc} downloads for the meeting's
// participants only. The agenda (GET /api/v1/meetings/{id}/agenda) lists them among its
// documents (kind "file"). Rules and access in service/agenda_files.
#include "api/json.hpp"
#include "http/router.hpp"
#include "service/agenda_files.hpp"
#include "web/multipart.hpp"
#include "web/request_form_support.hpp"
#include "web/request_state.hpp"

namespace samspil::api {

void add_agenda_file_api_routes(http::Router& router, const web::WebContext& context) {
  const auto worker = http::Execution::worker_pool;
  const auto config = [&context] {
    service::AgendaFilesConfig c;
    c.models = context.models;
    c.cipher = context.cipher;
    return c;
  };
  router.add(
      "POST", "/api/v1/meetings/{id}/agenda/documents",
      [&context, config](http::Request& request) {
        if (!context.models) return http::Response::problem(404, "Ikke fundet", "Mødet findes ikke.");
        std::string name, bytes, label;
        if (web::multipart_boundary(request.header("content-type"))) {
          const auto parts = web::read_multipart(request);  // malformed: no file (404 to outsiders first)
          if (const auto* p = parts ? web::find_part(*parts, "file") : nullptr) name = p->filename, bytes = p->data;
          if (const auto* p = parts ? web::find_part(*parts, "label") : nullptr) label = p->data;
        } else {
          name = http::percent_decode(request.header("x-filename"), false).value_or("");
          label = http::percent_decode(request.header("x-label"), false).value_or("");
          bytes = request.body;
        }
        const auto f = service::AgendaFiles(context.db, config())
                           .upload(web::actor(request), request.params.at("id"), label, name, bytes, context.now_ms());
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
      [&context, config](http::Request& request) {
        if (!context.models) return http::Response::problem(404, "Ikke fundet", "Mødet findes ikke.");
        const auto file = service::AgendaFiles(context.db, config())
                              .download(web::actor(request), request.params.at("id"), request.params.at("doc"),
                                        context.now_ms());
        return web::download(file.bytes, file.info.content_type, file.info.name);
      },
      {.name = "api.agenda.file", .policy = "signed_in", .execution = worker});
}

}  // namespace samspil::api
