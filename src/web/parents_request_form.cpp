// /foraeldre/sager/{id}/anmodning: the guardian reads the newest request form completed
// together with them (R4.3 "handed to them"), downloads it as PDF and opens its attachments.
// Drafts are never shown; another family's case answers 404 (service::RequestForms).
#include <string>

#include "edge/request_state.hpp"
#include "web/request_form_support.hpp"
#include "web/routes.hpp"
#include "web/views.hpp"

namespace samspil::web {

http::Response request_form_pdf_response(const WebContext& context, http::Request& request);
http::Response request_form_attachment_response(const WebContext& context, http::Request& request);

void add_parents_request_form_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_request_form_models(context);
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/foraeldre/sager/{id}/anmodning",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/foraeldre");
        const auto& t = context.views;
        const auto& id = request.params.at("id");
        auto& forms = context.services.request_forms;
        const auto view = forms.get(actor(request), id, context.now_ms());
        const std::string base = "/foraeldre/sager/" + id + "/anmodning";
        return context.views.render(
            request,
            {.title = t.t("rf_title"),
             .body_template = "parents/request_form.tpl",
             .breadcrumbs = {{t.t("parents_title"), "/foraeldre"}, {t.t("rf_title"), ""}}},
            [&](ctemplate::TemplateDictionary& body) {
              body.SetValue("case_title", view.case_title);
              body.SetValue("pdf_href", base + ".pdf");
              fill_request_form_view(body, context.views, view, base + "/bilag");
            });
      },
      {.name = "parents.request_form", .policy = "guardian", .execution = worker});

  router.add(
      "GET", "/foraeldre/sager/{id}/anmodning.pdf",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/foraeldre");
        return request_form_pdf_response(context, request);
      },
      {.name = "parents.request_form.pdf", .policy = "guardian", .execution = worker});

  router.add(
      "GET", "/foraeldre/sager/{id}/anmodning/bilag/{file}",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/foraeldre");
        return request_form_attachment_response(context, request);
      },
      {.name = "parents.request_form.attachment", .policy = "guardian", .execution = worker});
}

}  // namespace samspil::web
