// /api/v1/cases/{id}/request-form: the case's request form (GET newest visible version, PUT
// draft answers, POST …/complete together with the parents, POST …/versions for a new
// version), its attachments (POST raw body with Content-Type and X-Filename, or
// multipart/form-data with a "file" part; GET list and one file) and GET
// …/request-form.pdf. Access and rules in service::RequestForms.
#include "api/json.hpp"
#include "edge/multipart.hpp"
#include "edge/request_state.hpp"
#include "edge/responses.hpp"
#include "edge/service_config.hpp"
#include "http/router.hpp"
#include "service/base/errors.hpp"

namespace samspil::api {
namespace {

using nlohmann::json;

const char* status_code(domain::RequestFormStatus s) {
  switch (s) {
    case domain::RequestFormStatus::missing: return "missing";
    case domain::RequestFormStatus::existing: return "existing";
    case domain::RequestFormStatus::new_or_updated: return "new_or_updated";
  }
  return "missing";
}

json attachment_json(const service::AttachmentInfo& a) {
  return {{"id", a.id},          {"name", a.name},     {"content_type", a.content_type},
          {"size_bytes", a.size_bytes}, {"sha256", a.sha256}, {"uploaded_at", a.uploaded_at_ms}};
}

json view_json(const service::RequestFormView& v) {
  json sections = json::array();
  for (const auto& s : v.format.sections) {
    json fields = json::array();
    for (const auto& f : s.fields) fields.push_back({{"id", f.id}, {"label", f.label}, {"required", f.required}});
    sections.push_back({{"id", s.id}, {"title", s.title}, {"fields", fields}});
  }
  json attachments = json::array();
  for (const auto& a : v.attachments) attachments.push_back(attachment_json(a));
  json versions = json::array();
  for (const auto& [n, status] : v.versions) versions.push_back({{"version", n}, {"status", status}});
  return {{"case_id", v.case_id},
          {"exists", v.exists},
          {"id", v.exists ? json(v.id) : json(nullptr)},
          {"version", v.version},
          {"status", v.status},
          {"answers", v.answers},
          {"wished_meeting_type", v.wished_meeting_type},
          {"child_perspective", v.child_perspective},
          {"completed_with_parents", v.completed_with_parents},
          {"parents_present", v.parents_present},
          {"completed_at", v.completed_at_ms ? json(*v.completed_at_ms) : json(nullptr)},
          {"engine_status", status_code(v.engine_status)},
          {"may_edit", v.may_edit},
          {"may_start_new", v.may_start_new},
          {"sections", sections},
          {"attachments", attachments},
          {"versions", versions}};
}

std::optional<service::DraftInput> draft_from(const json& body, service::FieldErrors& errors) {
  service::DraftInput in;
  in.step = body.value("step", std::string());
  if (const auto a = body.find("answers"); a != body.end()) {
    if (!a->is_object()) {
      errors["answers"] = "answers skal være et objekt med tekster";
      return std::nullopt;
    }
    for (const auto& [k, v] : a->items()) {
      if (!v.is_string()) {
        errors[k] = "Svaret skal være en tekst";
        continue;
      }
      in.answers[k] = v.get<std::string>();
    }
  }
  if (const auto t = body.find("wished_meeting_type"); t != body.end() && t->is_string()) {
    in.wished_meeting_type = t->get<std::string>();
  }
  if (const auto c = body.find("child_perspective"); c != body.end() && c->is_string()) {
    in.child_perspective = c->get<std::string>();
  }
  if (!errors.empty()) return std::nullopt;
  return in;
}

}  // namespace

void add_request_form_api_routes(http::Router& router, const edge::Context& context) {
  const auto pages = edge::load_request_form_models(context);
  const auto worker = http::Execution::worker_pool;
  auto not_ready = [] { return http::Response::problem(503, "Ikke konfigureret", "Sager er ikke konfigureret."); };

  router.add(
      "GET", "/api/v1/cases/{id}/request-form",
      [pages, &context, not_ready](http::Request& request) {
        if (!pages->ready()) return not_ready();
        auto& forms = context.services.request_forms;
        return api::json(200, view_json(forms.get(edge::actor(request), request.params.at("id"), context.now_ms())));
      },
      {.name = "api.request_form.get", .policy = "signed_in", .execution = worker});

  router.add(
      "PUT", "/api/v1/cases/{id}/request-form",
      [pages, &context, not_ready](http::Request& request) {
        if (!pages->ready()) return not_ready();
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::FieldErrors errors;
        const auto in = draft_from(*body, errors);
        if (!in) return invalid(errors);
        auto& forms = context.services.request_forms;
        return api::json(200, view_json(forms.save_draft(edge::actor(request), request.params.at("id"), *in,
                                                         context.now_ms())));
      },
      {.name = "api.request_form.save", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/api/v1/cases/{id}/request-form/complete",
      [pages, &context, not_ready](http::Request& request) {
        if (!pages->ready()) return not_ready();
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::CompleteInput in;
        if (const auto p = body->find("parents_present"); p != body->end() && p->is_array()) {
          for (const auto& id : *p) {
            if (id.is_string()) in.parents_present.push_back(id.get<std::string>());
          }
        }
        in.confirmed = body->value("confirmed", false);
        in.idempotency_key = request.header("idempotency-key");
        auto& forms = context.services.request_forms;
        return api::json(200, view_json(forms.complete(edge::actor(request), request.params.at("id"), in,
                                                       context.now_ms())));
      },
      {.name = "api.request_form.complete", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/api/v1/cases/{id}/request-form/versions",
      [pages, &context, not_ready](http::Request& request) {
        if (!pages->ready()) return not_ready();
        auto& forms = context.services.request_forms;
        return api::json(201, view_json(forms.start_new_version(edge::actor(request), request.params.at("id"),
                                                                request.header("idempotency-key"), context.now_ms())));
      },
      {.name = "api.request_form.new_version", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/api/v1/cases/{id}/request-form/attachments",
      [pages, &context, not_ready](http::Request& request) {
        if (!pages->ready()) return not_ready();
        service::NewAttachment file;
        if (edge::multipart_boundary(request.header("content-type"))) {
          const auto parts = edge::read_multipart(request);  // malformed: no file (404 to outsiders first)
          if (const auto* p = parts ? edge::find_part(*parts, "file") : nullptr) file = {p->filename, p->data};
        } else {
          const auto name = http::percent_decode(request.header("x-filename"), false);
          file = {name.value_or(""), request.body};
        }
        auto& forms = context.services.request_forms;
        return api::json(201, attachment_json(forms.add_attachment(edge::actor(request), request.params.at("id"), file,
                                                                   context.now_ms())));
      },
      {.name = "api.request_form.attachment_add", .policy = "staff", .execution = worker});

  router.add(
      "GET", "/api/v1/cases/{id}/request-form/attachments",
      [pages, &context, not_ready](http::Request& request) {
        if (!pages->ready()) return not_ready();
        auto& forms = context.services.request_forms;
        const auto view = forms.get(edge::actor(request), request.params.at("id"), context.now_ms());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& a : view.attachments) items.push_back(attachment_json(a));
        return api::json(200, {{"items", items}, {"next_cursor", nullptr}});
      },
      {.name = "api.request_form.attachments", .policy = "signed_in", .execution = worker});

  router.add(
      "GET", "/api/v1/cases/{id}/request-form/attachments/{file}",
      [pages, &context, not_ready](http::Request& request) {
        if (!pages->ready()) return not_ready();
        auto& forms = context.services.request_forms;
        const auto file = forms.attachment(edge::actor(request), request.params.at("id"), request.params.at("file"),
                                           context.now_ms());
        return edge::download(file.bytes, file.info.content_type, file.info.name);
      },
      {.name = "api.request_form.attachment", .policy = "signed_in", .execution = worker});

  router.add(
      "GET", "/api/v1/cases/{id}/request-form.pdf",
      [pages, &context, not_ready](http::Request& request) {
        if (!pages->ready()) return not_ready();
        auto& forms = context.services.request_forms;
        try {
          return edge::download(forms.pdf(edge::actor(request), request.params.at("id"), context.now_ms()),
                               "application/pdf", "anmodningsskema.pdf");
        } catch (const service::PdfUnavailable&) {
          return http::Response::problem(503, "PDF kunne ikke dannes", "Prøv igen om lidt.");
        }
      },
      {.name = "api.request_form.pdf", .policy = "signed_in", .execution = worker});
}

}  // namespace samspil::api
