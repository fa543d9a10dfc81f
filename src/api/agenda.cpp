// /api/v1/meetings/{id}/agenda: the agenda of a meeting (GET), its items replaced (PUT,
// the agenda owner), sent to everyone invited (POST …/send). Rules in service/agenda/agenda.
#include "api/json.hpp"
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "http/router.hpp"

namespace samspil::api {

nlohmann::json obligation_json(const service::obligations::ObligationView& o);  // obligations.cpp

namespace {

nlohmann::json opt(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json agenda_json(const service::AgendaView& v) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : v.items) {
    items.push_back({{"id", i.id},
                     {"position", i.position},
                     {"title", i.title},
                     {"description", i.description},
                     {"source", i.source},
                     {"speaking_order", i.speaking_order},
                     {"rules", i.rules}});
  }
  nlohmann::json evaluations = nlohmann::json::array();
  for (const auto& s : v.evaluations) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : s.questions) {
      nlohmann::json answers = nlohmann::json::array();
      for (const auto& a : q.answers) answers.push_back({{"by", a.by_name}, {"answer", a.answer}});
      questions.push_back({{"index", q.index}, {"question", q.question}, {"answers", answers}});
    }
    evaluations.push_back(
        {{"subject_kind", s.subject_kind}, {"subject_id", s.subject_id}, {"label", s.label}, {"questions", questions}});
  }
  nlohmann::json obligations = nlohmann::json::array();
  for (const auto& o : v.obligations) obligations.push_back(obligation_json(o));
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& d : v.documents) {
    documents.push_back({{"id", d.id}, {"kind", d.kind}, {"label", d.label}, {"added_at", d.added_at_ms}});
  }
  return {{"meeting_id", v.meeting_id},
          {"case_id", v.case_id},
          {"type_id", v.type_id},
          {"type_name", v.type_name},
          {"kind", v.kind},
          {"follow_up", v.follow_up},
          {"starts_at", opt(v.starts_at_ms)},
          {"agenda_sent_at", opt(v.agenda_sent_at_ms)},
          {"send_by", opt(v.send_by_ms)},
          {"speaking_order", v.speaking_order_labels},
          {"rules", v.rules},
          {"evaluations", evaluations},
          {"items", items},
          {"documents", documents},
          {"obligations", obligations},
          {"may_edit", v.may_edit}};
}

}  // namespace

void add_agenda_api_routes(http::Router& router, const edge::Context& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/api/v1/meetings/{id}/agenda",
      [&context](http::Request& request) {
        if (!context.models) throw service::NotFound("Mødet findes ikke");
        auto& agendas = context.services.agendas;
        return api::json(200, agenda_json(agendas.view(edge::actor(request), request.params.at("id"), context.now_ms())));
      },
      {.name = "api.meetings.agenda", .policy = "signed_in", .execution = worker});

  router.add(
      "PUT", "/api/v1/meetings/{id}/agenda",
      [&context](http::Request& request) {
        if (!context.models) throw service::NotFound("Mødet findes ikke");
        const auto body = parse_object(request);
        if (!body) return bad_json();
        const auto items = body->find("items");
        if (items == body->end() || !items->is_array()) return invalid({{"items", "Angiv dagsordenens punkter"}});
        std::vector<service::Agendas::ItemPut> puts;
        for (const auto& item : *items) {
          if (!item.is_object()) return invalid({{"items", "Hvert punkt skal være et objekt"}});
          service::Agendas::ItemPut put;
          put.id = item.value("id", "");
          put.in.title = item.value("title", "");
          put.in.description = item.value("description", "");
          puts.push_back(std::move(put));
        }
        auto& agendas = context.services.agendas;
        const auto& id = request.params.at("id");
        agendas.replace_items(edge::actor(request), id, puts, context.now_ms());
        return api::json(200, agenda_json(agendas.view(edge::actor(request), id, context.now_ms())));
      },
      {.name = "api.meetings.agenda.put", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/api/v1/meetings/{id}/agenda/send",
      [&context](http::Request& request) {
        if (!context.models) throw service::NotFound("Mødet findes ikke");
        auto& agendas = context.services.agendas;
        const auto& id = request.params.at("id");
        const int mailed = agendas.send_agenda(edge::actor(request), id, context.now_ms());
        auto view = agenda_json(agendas.view(edge::actor(request), id, context.now_ms()));
        view["mailed"] = mailed;
        return api::json(200, view);
      },
      {.name = "api.meetings.agenda.send", .policy = "staff", .execution = worker});
}

}  // namespace samspil::api
