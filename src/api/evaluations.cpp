// /api/v1/meetings/{id}/evaluation: the follow-up evaluation (R9) — questions, subjects, the
// caller's answers and everyone's (GET); the caller's answers saved (PUT, staff).
#include "api/json.hpp"
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "http/router.hpp"
#include "service/meetings/evaluations.hpp"

namespace samspil::api {
namespace {

nlohmann::json form_json(const service::EvaluationForm& f) {
  nlohmann::json subjects = nlohmann::json::array();
  for (const auto& s : f.subjects) {
    nlohmann::json mine = nlohmann::json::object();
    for (const auto& [q, text] : s.my_answers) mine[std::to_string(q)] = text;
    subjects.push_back({{"subject_kind", s.subject_kind}, {"subject_id", s.subject_id}, {"label", s.label},
                        {"my_answers", mine}});
  }
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& s : f.answers) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : s.questions) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& a : q.answers) list.push_back({{"by", a.by_name}, {"answer", a.answer}});
      questions.push_back({{"index", q.index}, {"question", q.question}, {"answers", list}});
    }
    answers.push_back({{"subject_kind", s.subject_kind}, {"subject_id", s.subject_id}, {"label", s.label},
                       {"questions", questions}});
  }
  return {{"meeting_id", f.meeting_id},       {"previous_meeting_id", f.previous_meeting_id},
          {"type_name", f.type_name},         {"questions", f.questions},
          {"subjects", subjects},             {"answers", answers},
          {"escalations", f.escalations},     {"may_answer", f.may_answer}};
}

}  // namespace

void add_evaluation_api_routes(http::Router& router, const edge::Context& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/api/v1/meetings/{id}/evaluation",
      [&context](http::Request& request) {
        if (!context.models) throw service::NotFound("Mødet findes ikke");
        auto& evaluations = context.services.evaluations;
        return api::json(200, form_json(evaluations.form(edge::actor(request), request.params.at("id"), context.now_ms())));
      },
      {.name = "api.meetings.evaluation", .policy = "signed_in", .execution = worker});

  router.add(
      "PUT", "/api/v1/meetings/{id}/evaluation",
      [&context](http::Request& request) {
        if (!context.models) throw service::NotFound("Mødet findes ikke");
        const auto body = parse_object(request);
        if (!body) return bad_json();
        const auto list = body->find("answers");
        if (list == body->end() || !list->is_array()) return invalid({{"answers", "Angiv svarene"}});
        std::vector<service::EvaluationAnswer> answers;
        for (const auto& a : *list) {
          if (!a.is_object() || !a.contains("question_index") || !a["question_index"].is_number_integer()) {
            return invalid({{"answers", "Hvert svar skal have subject_id, question_index og text"}});
          }
          answers.push_back({a.value("subject_kind", "agenda_item"), a.value("subject_id", ""),
                             a["question_index"].get<int>(), a.value("text", "")});
        }
        auto& evaluations = context.services.evaluations;
        const auto& id = request.params.at("id");
        evaluations.save(edge::actor(request), id, answers, context.now_ms());
        return api::json(200, form_json(evaluations.form(edge::actor(request), id, context.now_ms())));
      },
      {.name = "api.meetings.evaluation.put", .policy = "staff", .execution = worker});
}

}  // namespace samspil::api
