// Files of the request form: POST /sager/{id}/anmodning/bilag (multipart/form-data upload;
// the type is decided by the service from the magic bytes), GET …/bilag/{file} (download:
// attachment, no-store), GET /sager/{id}/anmodning.pdf (PDF/A). The whole upload is in the
// request body, so it is bounded by the server's --body-limit (10 MiB by default) before
// the service's own limit (8 MiB by default) applies; the http layer has no per-route limit.
#include <string>

#include "edge/multipart.hpp"
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "web/forms.hpp"
#include "web/request_form_support.hpp"
#include "web/routes.hpp"
#include "web/views.hpp"

namespace samspil::web {

http::Response request_form_pdf_response(const WebContext& context, http::Request& request) {
  auto& forms = context.services.request_forms;
  try {
    const auto bytes = forms.pdf(actor(request), request.params.at("id"), context.now_ms());
    return download(bytes, "application/pdf", "anmodningsskema.pdf");
  } catch (const service::PdfUnavailable&) {
    return http::Response::problem(503, "PDF kunne ikke dannes", "Prøv igen om lidt.");
  }
}

http::Response request_form_attachment_response(const WebContext& context, http::Request& request) {
  auto& forms = context.services.request_forms;
  const auto file =
      forms.attachment(actor(request), request.params.at("id"), request.params.at("file"), context.now_ms());
  return download(file.bytes, file.info.content_type, file.info.name);
}

void add_request_form_file_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_request_form_models(context);
  const auto worker = http::Execution::worker_pool;
  router.add(
      "POST", "/sager/{id}/anmodning/bilag",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto& id = request.params.at("id");
        // A body that is not multipart counts as no file: the service answers 404 to outsiders
        // before it says that a file is missing.
        const auto parts = read_multipart(request);
        const auto* file = parts ? find_part(*parts, "file") : nullptr;
        auto& forms = context.services.request_forms;
        try {
          forms.add_attachment(actor(request), id,
                               {file ? file->filename : std::string(), file ? file->data : std::string()},
                               context.now_ms());
          return http::Response::redirect("/sager/" + id + "/anmodning?trin=5");
        } catch (const service::Invalid& e) {
          // The step page with the message at the file field (422, "Fejl: " in the title).
          const auto& t = context.views;
          const auto view = forms.get(actor(request), id, context.now_ms());
          Form form(request, e.fields);
          form.text({.name = "file", .label = t.t("rf_file_label"), .type = "file"});
          return context.views.render(
              request,
              {.title = t.t("rf_title") + " - " + t.t("rf_step_attachments"),
               .body_template = "cases/request_form_upload_error.tpl",
               .breadcrumbs = {{t.t("cases_list_title"), "/sager"},
                               {view.case_title, "/sager/" + id},
                               {t.t("rf_title"), ""}},
               .has_errors = true},
              [&](ctemplate::TemplateDictionary& body) {
                form.fill(body, context.views);
                body.SetValue("action", "/sager/" + id + "/anmodning/bilag");
                body.SetValue("back", "/sager/" + id + "/anmodning?trin=5");
              });
        }
      },
      {.name = "cases.request_form.attachment_add", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/sager/{id}/anmodning/bilag/{file}",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        return request_form_attachment_response(context, request);
      },
      {.name = "cases.request_form.attachment", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/sager/{id}/anmodning.pdf",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        return request_form_pdf_response(context, request);
      },
      {.name = "cases.request_form.pdf", .policy = "staff", .execution = worker});
}

}  // namespace samspil::web
