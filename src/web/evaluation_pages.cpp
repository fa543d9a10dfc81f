// /moeder/{id}/evaluering: before a follow-up meeting the local professionals answer the
// model's evaluation questions (R9) per action of the previous meeting; what others
// answered is shown below; an escalation that needs a new request form is named (R10).
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "service/meetings/evaluations.hpp"
#include "web/admin_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

std::string field_name(const std::string& subject_id, int question) {
  return "answer-" + subject_id + "-" + std::to_string(question);
}

http::Response show(const WebContext& ctx, http::Request& request, const std::string& id,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  if (!ctx.models) throw service::NotFound("Mødet findes ikke");
  const auto f = ctx.services.evaluations.form(actor(request), id, ctx.now_ms());
  return ctx.views.render(
      request,
      {.title = t.t("evaluation_title"),
       .body_template = "meetings/evaluation.tpl",
       .breadcrumbs = {{t.t("agenda_title"), "/moeder/" + id + "/dagsorden"}, {t.t("evaluation_title"), ""}},
       .has_errors = !errors.empty()},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("agenda_href", "/moeder/" + id + "/dagsorden");
        if (!errors.empty()) {
          auto* summary = body.AddIncludeDictionary("ERROR_SUMMARY");
          summary->SetFilename("partials/error_summary.tpl");
          auto* s = summary->AddSectionDictionary("SUMMARY");
          s->SetValue("heading", t.t("form_error_summary_heading"));
          for (const auto& [field, message] : errors) {
            auto* e = s->AddSectionDictionary("ERROR");
            e->SetValue("message", message);
            e->SetValueAndShowSection("anchor", Form::element_id(field), "LINK");
          }
        }
        if (!f.escalations.empty()) {
          auto* esc = body.AddSectionDictionary("ESCALATIONS");
          for (const auto& e : f.escalations) esc->AddSectionDictionary("ESCALATION")->SetValue("text", e);
        }
        if (f.subjects.empty()) body.ShowSection("NO_SUBJECTS");
        if (f.may_answer && !f.subjects.empty()) {
          auto* form = body.AddSectionDictionary("ANSWER_FORM");
          form->SetValue("action", "/moeder/" + id + "/evaluering");
          form->SetValue("csrf_token", state(request).csrf_token);
          for (const auto& s : f.subjects) {
            auto* subject = form->AddSectionDictionary("SUBJECT");
            subject->SetValue("label", s.label);
            for (std::size_t q = 0; q < f.questions.size(); ++q) {
              const std::string name = field_name(s.subject_id, static_cast<int>(q));
              auto* question = subject->AddSectionDictionary("QUESTION");
              question->SetValue("question", f.questions[q]);
              question->SetValue("id", Form::element_id(name));
              question->SetValue("name", name);
              const auto mine = s.my_answers.find(static_cast<int>(q));
              question->SetValue("value", posted ? posted->get(name) : (mine == s.my_answers.end() ? "" : mine->second));
              if (auto e = errors.find(name); e != errors.end()) {
                question->SetValueAndShowSection("message", e->second, "ERROR");
              }
            }
          }
        }
        if (f.answers.empty()) body.ShowSection("NO_ANSWERS");
        for (const auto& s : f.answers) {
          auto* subject = body.AddSectionDictionary("ANSWERED");
          subject->SetValue("label", s.label);
          for (const auto& q : s.questions) {
            auto* question = subject->AddSectionDictionary("QUESTION");
            question->SetValue("question", q.question);
            for (const auto& a : q.answers) {
              auto* answer = question->AddSectionDictionary("ANSWER");
              answer->SetValue("answer", a.answer);
              answer->SetValue("by", a.by_name);
            }
          }
        }
      });
}

}  // namespace

void add_evaluation_routes(http::Router& router, const WebContext& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/moeder/{id}/evaluering",
      [&context](http::Request& request) { return show(context, request, request.params.at("id"), {}, nullptr); },
      {.name = "meetings.evaluation", .policy = "staff", .execution = worker});
  router.add(
      "POST", "/moeder/{id}/evaluering",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        // Fields are answer-<subject id>-<question index>; the service checks both exist.
        std::vector<service::EvaluationAnswer> answers;
        for (const auto& [name, value] : form->fields()) {
          if (name.rfind("answer-", 0) != 0) continue;
          const auto dash = name.rfind('-');
          if (dash <= 7) continue;
          service::EvaluationAnswer a;
          a.subject_kind = "agenda_item";
          a.subject_id = name.substr(7, dash - 7);
          try {
            a.question_index = std::stoi(name.substr(dash + 1));
          } catch (const std::exception&) {
            a.question_index = -1;
          }
          a.text = value;
          answers.push_back(std::move(a));
        }
        try {
          context.services.evaluations.save(actor(request), id, answers, context.now_ms());
        } catch (const service::Invalid& e) {
          return show(context, request, id, e.fields, &*form);
        }
        return admin::done(context, request, "/moeder/" + id + "/evaluering", context.views.t("evaluation_saved"));
      },
      {.name = "meetings.evaluation.save", .policy = "staff", .execution = worker});
}

}  // namespace samspil::web
