// Files on a meeting's agenda (issue 6 item 4): POST /moeder/{id}/dokumenter uploads
// (multipart/form-data; type decided by the service from the magic bytes; 303 back to the
// agenda), GET /moeder/{id}/dokumenter/{doc} downloads for the meeting's participants only
// (attachment, no-store; every download audited by the service).
#include "edge/multipart.hpp"
#include "edge/request_state.hpp"
#include "service/agenda/agenda_files.hpp"
#include "service/base/errors.hpp"
#include "web/forms.hpp"
#include "web/meeting_support.hpp"
#include "web/request_form_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {

void add_agenda_file_routes(http::Router& router, const WebContext& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "POST", "/moeder/{id}/dokumenter",
      [&context](http::Request& request) {
        if (!context.models) throw service::NotFound("Mødet findes ikke");
        const auto& id = request.params.at("id");
        const auto parts = read_multipart(request);
        const auto* file = parts ? find_part(*parts, "file") : nullptr;
        const auto* label = parts ? find_part(*parts, "label") : nullptr;
        try {
          context.services.agenda_files
              .upload(actor(request), id, label ? label->data : std::string(), file ? file->filename : std::string(),
                      file ? file->data : std::string(), context.now_ms());
        } catch (const service::Invalid& e) {
          const auto& t = context.views;
          Form form(request, e.fields);
          form.text({.name = "label", .label = t.t("agenda_files_label"), .optional = true})
              .text({.name = "file", .label = t.t("agenda_files_file"), .hint = t.t("agenda_files_hint"),
                     .type = "file"});
          if (label) form.value("label", label->data);
          return context.views.render(
              request,
              {.title = t.t("agenda_files_error_title"),
               .body_template = "meetings/agenda_upload_error.tpl",
               .breadcrumbs = {{t.t("agenda_title"), "/moeder/" + id + "/dagsorden"},
                               {t.t("agenda_files_error_title"), ""}},
               .has_errors = true},
              [&](ctemplate::TemplateDictionary& body) {
                form.fill(body, context.views);
                body.SetValue("action", "/moeder/" + id + "/dokumenter");
                body.SetValue("back", "/moeder/" + id + "/dagsorden");
              });
        }
        flash(context, request, context.views.t("agenda_files_added_flash"));
        return http::Response::redirect("/moeder/" + id + "/dagsorden");
      },
      {.name = "meetings.agenda.file_add", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/moeder/{id}/dokumenter/{doc}",
      [&context](http::Request& request) {
        if (!context.models) throw service::NotFound("Mødet findes ikke");
        const auto file = context.services.agenda_files
                              .download(actor(request), request.params.at("id"), request.params.at("doc"),
                                        context.now_ms());
        return download(file.bytes, file.info.content_type, file.info.name);
      },
      {.name = "meetings.agenda.file", .policy = "signed_in", .execution = worker});
}

}  // namespace samspil::web
