// /sager/{id}/anmodning: the request form in steps (DKFDS step indicator, error summary,
// input kept, 303 after every POST). Steps 1-4 are the model's sections (plus the child's
// perspective and the wished meeting type), 5 attachments, 6 review and completion
// together with the parents (R4.3). A completed version is shown read-only with "start a
// new version" (R10). The rules are service::RequestForms'.
#include <string>

#include "crypto/random.hpp"
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "web/forms.hpp"
#include "web/request_form_support.hpp"
#include "web/routes.hpp"
#include "web/views.hpp"

namespace samspil::web {
namespace {

constexpr std::size_t kSteps = 6;  // 4 model sections, attachments, review

std::string base(const std::string& id) { return "/sager/" + id + "/anmodning"; }

std::size_t step_of(const http::Request& request) {
  const std::string s = request.query_param("trin");
  if (s.size() == 1 && s[0] >= '1' && s[0] <= '6') return static_cast<std::size_t>(s[0] - '1');
  return 0;
}

std::string section_id(std::size_t step) {
  return step < 4 ? std::string(domain::kRequestFormSteps[step]) : std::string();
}

std::string step_label(const Views& t, const service::RequestFormView& view, std::size_t step) {
  if (step < 4) {
    if (const auto* s = view.format.section(section_id(step))) return s->title;
  }
  static const char* keys[] = {"rf_step_concern", "rf_step_child", "rf_step_parents", "rf_step_meeting",
                               "rf_step_attachments", "rf_step_review"};
  return t.t(keys[step]);
}

// The free-text fields of a model section as textareas, filled into ANSWER sections.
void fill_answers(ctemplate::TemplateDictionary& body, const service::RequestFormView& view,
                  const domain::RequestFormSection& section, const service::FieldErrors& errors,
                  const FormData* posted, const Views& t) {
  for (const auto& f : section.fields) {
    auto* row = body.AddSectionDictionary("ANSWER");
    auto* d = row->AddIncludeDictionary("FIELD");
    d->SetFilename("partials/textarea.tpl");
    const std::string id = Form::element_id(f.id);
    d->SetValue("id", id);
    d->SetValue("name", f.id);
    d->SetValue("label", f.label);
    d->SetIntValue("rows", 5);
    if (!f.required) d->ShowSection("OPTIONAL");
    std::string describedby;
    if (!f.hint.empty()) {
      d->SetValueAndShowSection("hint", f.hint, "HINT");
      describedby = id + "-hint";
    }
    if (const auto it = errors.find(f.id); it != errors.end()) {
      d->SetValueAndShowSection("message", it->second, "ERROR");
      describedby += (describedby.empty() ? "" : " ") + id + "-error";
    }
    if (!describedby.empty()) d->SetValueAndShowSection("describedby", describedby, "DESCRIBEDBY");
    std::string value;
    if (posted != nullptr) value = posted->get(f.id);
    else if (const auto it = view.answers.find(f.id); it != view.answers.end()) value = it->second;
    d->SetValue("value", value);
  }
  (void)t;
}

http::Response show(const WebContext& ctx, http::Request& request,
                    const std::string& id, std::size_t step, const service::FieldErrors& errors,
                    const FormData* posted, const std::string& problem = "") {
  const auto& t = ctx.views;
  auto& forms = ctx.services.request_forms;
  const auto view = forms.get(actor(request), id, ctx.now_ms());
  const std::vector<Breadcrumb> crumbs = {{t.t("cases_list_title"), "/sager"},
                                          {view.case_title, "/sager/" + id},
                                          {t.t("rf_title"), ""}};
  if (!view.may_edit) {
    Form form(request);
    return ctx.views.render(request, {.title = t.t("rf_title"), .body_template = "cases/request_form_show.tpl",
                                      .breadcrumbs = crumbs},
                            [&](ctemplate::TemplateDictionary& body) {
                              form.fill(body, ctx.views);
                              body.SetValue("case_href", "/sager/" + id);
                              body.SetValue("pdf_href", base(id) + ".pdf");
                              if (!problem.empty()) body.SetValueAndShowSection("problem", problem, "PROBLEM");
                              fill_request_form_view(body, ctx.views, view, base(id) + "/bilag");
                              if (view.may_start_new) {
                                auto* s = body.AddSectionDictionary("NEW_VERSION");
                                s->SetValue("action", base(id) + "/ny-version");
                                s->SetValue("csrf_token", state(request).csrf_token);
                                s->SetValue("idempotency_key", crypto::random_id());
                              }
                            });
  }
  Form form(request, errors, posted);
  std::vector<Step> steps;
  for (std::size_t i = 0; i < kSteps; ++i) {
    steps.push_back({step_label(t, view, i), i == step ? "" : base(id) + "?trin=" + std::to_string(i + 1)});
  }
  const auto* section = view.format.section(section_id(step));
  if (step == 1) {
    form.radios({.name = "child_perspective",
                 .label = t.t("rf_child_perspective_label"),
                 .hint = t.t("rf_child_perspective_hint"),
                 .options = {{"obtained", t.t("rf_child_obtained")}, {"not_obtained", t.t("rf_child_not_obtained")}}});
    form.textarea({.name = "child_reason", .label = t.t("rf_child_reason_label"), .hint = t.t("rf_child_reason_hint"),
                   .optional = true, .rows = 3});
    if (posted == nullptr) {
      form.value("child_perspective", view.child_perspective);
      const auto it = view.answers.find("child_reason");
      if (it != view.answers.end()) form.value("child_reason", it->second);
    }
  }
  if (step == 3) {
    std::vector<Option> types{{"", t.t("rf_meeting_type_none")}};
    for (const auto& [type_id, name] : view.meeting_types) types.push_back({type_id, name});
    form.select({.name = "wished_meeting_type", .label = t.t("rf_meeting_type_label"), .options = types});
    if (posted == nullptr) form.value("wished_meeting_type", view.wished_meeting_type);
  }
  if (step == 5) {
    std::vector<Option> parents;
    for (const auto& [user_id, name] : view.guardians) parents.push_back({user_id, name});
    form.checkboxes({.name = "parents_present", .label = t.t("rf_parents_present_label"),
                     .hint = t.t("rf_parents_present_hint"), .options = parents});
    form.checkboxes({.name = "confirmed", .label = t.t("rf_confirm_legend"),
                     .options = {{"yes", t.t("rf_confirm_label")}}});
  }
  // Model fields also go into the Form (not rendered from it) so the error summary links them.
  if (section != nullptr) {
    for (const auto& f : section->fields) form.textarea({.name = f.id, .label = f.label});
  }
  return ctx.views.render(
      request,
      {.title = t.t("rf_title") + " - " + step_label(t, view, step),
       .body_template = "cases/request_form_step.tpl",
       .breadcrumbs = crumbs,
       .has_errors = form.has_errors() || !problem.empty()},
      [&](ctemplate::TemplateDictionary& body) {
        form.fill(body, ctx.views);
        step_indicator(body, steps, step, ctx.views);
        body.SetValue("step_title", step_label(t, view, step));
        body.SetIntValue("version", view.version == 0 ? 1 : view.version);
        if (!problem.empty()) body.SetValueAndShowSection("problem", problem, "PROBLEM");
        const std::string key = posted != nullptr ? posted->trimmed("idempotency_key") : crypto::random_id();
        if (step < 4) {
          auto* s = body.AddSectionDictionary("EDIT");
          s->SetValue("action", base(id));
          s->SetValue("csrf_token", state(request).csrf_token);
          s->SetIntValue("step", static_cast<long>(step + 1));
          s->SetValue("idempotency_key", key);
          if (section != nullptr) fill_answers(*s, view, *section, errors, posted, ctx.views);
          if (step == 1) s->ShowSection("CHILD");
          if (step == 3) s->ShowSection("MEETING");
          form.fill(*s, ctx.views);
        } else if (step == 4) {
          auto* s = body.AddSectionDictionary("ATTACHMENTS");
          s->SetValue("action", base(id) + "/bilag");
          s->SetValue("csrf_token", state(request).csrf_token);
          s->SetValue("next", base(id) + "?trin=6");
          if (const auto it = errors.find("file"); it != errors.end()) {
            s->SetValueAndShowSection("message", it->second, "FILE_ERROR");
          }
          fill_request_form_view(*s, ctx.views, view, base(id) + "/bilag");
        } else {
          auto* s = body.AddSectionDictionary("REVIEW");
          s->SetValue("action", base(id) + "/udfyldt");
          s->SetValue("csrf_token", state(request).csrf_token);
          s->SetValue("idempotency_key", key);
          fill_request_form_view(*s, ctx.views, view, base(id) + "/bilag");
          form.fill(*s, ctx.views);
        }
      });
}

// The draft input of a posted step: only that step's fields.
service::DraftInput draft_from(const FormData& form, const service::RequestFormView& view, std::size_t step) {
  service::DraftInput in;
  in.step = section_id(step);
  if (const auto* s = view.format.section(in.step)) {
    for (const auto& f : s->fields) in.answers[f.id] = form.trimmed(f.id);
  }
  if (step == 1) {
    in.child_perspective = form.trimmed("child_perspective");
    in.answers["child_reason"] = form.trimmed("child_reason");
  }
  if (step == 3) in.wished_meeting_type = form.trimmed("wished_meeting_type");
  return in;
}

}  // namespace

void add_request_form_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_request_form_models(context);
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/sager/{id}/anmodning",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        return show(context, request, request.params.at("id"), step_of(request), {}, nullptr);
      },
      {.name = "cases.request_form", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/sager/{id}/anmodning",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto form = read_form(request, {.max_bytes = 256 * 1024});
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        const std::string s = form->trimmed("step");
        const std::size_t step = s.size() == 1 && s[0] >= '1' && s[0] <= '4' ? static_cast<std::size_t>(s[0] - '1') : 0;
        auto& forms = context.services.request_forms;
        try {
          const auto view = forms.get(actor(request), id, context.now_ms());
          forms.save_draft(actor(request), id, draft_from(*form, view, step), context.now_ms());
          return http::Response::redirect(base(id) + "?trin=" + std::to_string(step + 2));
        } catch (const service::Invalid& e) {
          return show(context, request, id, step, e.fields, &*form);
        } catch (const service::Conflict& e) {
          return show(context, request, id, step, {}, nullptr, e.what());
        }
      },
      {.name = "cases.request_form.save", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/sager/{id}/anmodning/udfyldt",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        auto& forms = context.services.request_forms;
        try {
          forms.complete(actor(request), id,
                         {form->all("parents_present"), form->trimmed("confirmed") == "yes",
                          form->trimmed("idempotency_key")},
                         context.now_ms());
          return http::Response::redirect(base(id));
        } catch (const service::Invalid& e) {
          return show(context, request, id, 5, e.fields, &*form);
        } catch (const service::Conflict& e) {
          return show(context, request, id, 5, {}, nullptr, e.what());
        }
      },
      {.name = "cases.request_form.complete", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/sager/{id}/anmodning/ny-version",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        auto& forms = context.services.request_forms;
        try {
          forms.start_new_version(actor(request), id, form->trimmed("idempotency_key"), context.now_ms());
          return http::Response::redirect(base(id) + "?trin=1");
        } catch (const service::Conflict& e) {
          return show(context, request, id, 0, {}, nullptr, e.what());
        }
      },
      {.name = "cases.request_form.new_version", .policy = "staff", .execution = worker});
}

}  // namespace samspil::web
