// /api/v1 meetings: the convene options of a case (with the engine's reasons), free slots,
// convene, a case's meetings, one meeting, answer, move, cancel. Rules and access in
// service/meetings/meetings; errors become problem documents in the API middleware.
#include <sstream>

#include "api/json.hpp"
#include "edge/context.hpp"
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "http/router.hpp"
#include "service/meetings/meetings.hpp"

namespace samspil::api {
namespace {

constexpr auto kWorker = http::Execution::worker_pool;

nlohmann::json opt(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json meeting_json(const storage::MeetingRecord& m) {
  return {{"id", m.id},
          {"case_id", m.case_id},
          {"model_id", m.model_id},
          {"type", m.type_id},
          {"status", m.status},
          {"course", m.course},
          {"without_parents", m.without_parents},
          {"starts_at", opt(m.starts_at_ms)},
          {"ends_at", opt(m.ends_at_ms)},
          {"location", m.location},
          {"sequence", m.ical_sequence},
          {"acceptance_due_at", opt(m.acceptance_due_at_ms)},
          {"held_at", opt(m.held_at_ms)},
          {"parents_informed_at", opt(m.parents_informed_at_ms)},
          {"cancelled_at", opt(m.cancelled_at_ms)}};
}

nlohmann::json view_json(const service::MeetingView& v) {
  auto j = meeting_json(v.meeting);
  j["type_name"] = v.type_name;
  if (!v.is_guardian) j["cancel_reason"] = v.meeting.cancel_reason;
  nlohmann::json people = nlohmann::json::array();
  for (const auto& p : v.participants) {
    people.push_back({{"id", p.row.id},
                      {"kind", p.row.kind},
                      {"user_id", p.row.user_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.row.user_id)},
                      {"role_in_case", p.row.role_in_case},
                      {"name", p.row.display_name},
                      {"response", p.row.response},
                      {"roles", p.roles}});
  }
  j["participants"] = people;
  j["my_response"] = v.my_response.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.my_response);
  j["may_manage"] = v.may_manage;
  return j;
}

}  // namespace

void add_meeting_api_routes(http::Router& router, const edge::Context& context) {
  router.add(
      "GET", "/api/v1/cases/{id}/meeting-options",
      [&context](http::Request& r) {
        const std::string course = r.query_param("course").empty() ? "same" : r.query_param("course");
        nlohmann::json items = nlohmann::json::array();
        for (const auto& o : context.services.meetings
                                 .options(edge::actor(r), r.params.at("id"), course, context.now_ms())) {
          items.push_back({{"type", o.type_id},
                           {"name", o.name},
                           {"allowed", o.allowed},
                           {"reasons", o.reasons},
                           {"without_parents", o.without_parents},
                           {"default_duration_minutes", o.default_duration_minutes}});
        }
        return json(200, {{"items", items}});
      },
      {.name = "api.meetings.options", .policy = "staff", .execution = kWorker});

  router.add(
      "GET", "/api/v1/cases/{id}/meeting-slots",
      [&context](http::Request& r) {
        service::SlotSearch s;
        s.type_id = r.query_param("type");
        std::stringstream list(r.query_param("participants"));
        for (std::string id; std::getline(list, id, ',');) {
          if (!id.empty()) s.user_ids.push_back(id);
        }
        try {
          if (!r.query_param("duration").empty()) s.duration_minutes = std::stoi(r.query_param("duration"));
        } catch (const std::exception&) {
          return invalid({{"duration", "Varigheden skal være et antal minutter"}});
        }
        const auto result =
            context.services.meetings.find_slots(edge::actor(r), r.params.at("id"), s, context.now_ms());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& slot : result.slots) items.push_back({{"starts_at", slot.start_ms}, {"ends_at", slot.end_ms}});
        return json(200, {{"items", items}, {"calendar_failures", result.calendar_failures}});
      },
      {.name = "api.meetings.slots", .policy = "staff", .execution = kWorker});

  router.add(
      "GET", "/api/v1/cases/{id}/meetings",
      [&context](http::Request& r) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& m :
             context.services.meetings.of_case(edge::actor(r), r.params.at("id"), context.now_ms())) {
          items.push_back(meeting_json(m));
        }
        return json(200, {{"items", items}, {"next_cursor", nullptr}});
      },
      {.name = "api.meetings.list", .policy = "signed_in", .execution = kWorker});

  router.add(
      "POST", "/api/v1/cases/{id}/meetings",
      [&context](http::Request& r) {
        const auto body = parse_object(r);
        if (!body) return bad_json();
        service::ConveneRequest in;
        in.case_id = r.params.at("id");
        in.type_id = text_of(*body, "type");
        in.course = text_of(*body, "course").empty() ? "same" : text_of(*body, "course");
        in.follow_up_of = text_of(*body, "follow_up_of");
        in.starts_at_ms = integer_of(*body, "starts_at");
        in.duration_minutes = static_cast<int>(integer_of(*body, "duration_minutes"));
        in.location = text_of(*body, "location");
        if (const auto it = body->find("participants"); it != body->end() && it->is_array()) {
          for (const auto& p : *it) {
            if (p.is_string()) in.user_ids.push_back(p.get<std::string>());
          }
        }
        if (const auto it = body->find("invite_child"); it != body->end() && it->is_boolean()) in.invite_child = it->get<bool>();
        if (const auto it = body->find("network"); it != body->end() && it->is_array()) {
          for (const auto& n : *it) {
            if (n.is_object()) in.network.push_back({text_of(n, "name"), text_of(n, "email")});
          }
        }
        // R4.4: times offered to the parents (types whose booking says parents_choose_date).
        if (const auto it = body->find("proposed_starts"); it != body->end() && it->is_array()) {
          for (const auto& p : *it)
            if (p.is_number_integer()) in.proposed_starts_ms.push_back(p.get<std::int64_t>());
        }
        if (const auto it = body->find("roles"); it != body->end() && it->is_object()) {
          for (const auto& [role, holder] : it->items()) {
            if (holder.is_string()) in.roles.emplace_back(role, holder.get<std::string>());
          }
        }
        auto& meetings = context.services.meetings;
        const auto& who = edge::actor(r);
        const auto id = meetings.convene(who, in, context.now_ms());
        return json(201, view_json(meetings.get(who, id, context.now_ms())));
      },
      {.name = "api.meetings.create", .policy = "staff", .execution = kWorker});

  router.add(
      "GET", "/api/v1/meetings/{id}",
      [&context](http::Request& r) {
        return json(200, view_json(context.services.meetings
                                       .get(edge::actor(r), r.params.at("id"), context.now_ms())));
      },
      {.name = "api.meetings.show", .policy = "signed_in", .execution = kWorker});

  router.add(
      "POST", "/api/v1/meetings/{id}/response",
      [&context](http::Request& r) {
        const auto body = parse_object(r);
        if (!body) return bad_json();
        auto& meetings = context.services.meetings;
        const auto& who = edge::actor(r);
        meetings.respond(who, r.params.at("id"), text_of(*body, "response"), context.now_ms());
        return json(200, view_json(meetings.get(who, r.params.at("id"), context.now_ms())));
      },
      {.name = "api.meetings.respond", .policy = "signed_in", .execution = kWorker});

  router.add(
      "POST", "/api/v1/meetings/{id}/move",
      [&context](http::Request& r) {
        const auto body = parse_object(r);
        if (!body) return bad_json();
        auto& meetings = context.services.meetings;
        const auto& who = edge::actor(r);
        meetings.move(who, r.params.at("id"), integer_of(*body, "starts_at"),
                      static_cast<int>(integer_of(*body, "duration_minutes")), text_of(*body, "location"),
                      text_of(*body, "reason"), context.now_ms());
        return json(200, view_json(meetings.get(who, r.params.at("id"), context.now_ms())));
      },
      {.name = "api.meetings.move", .policy = "staff", .execution = kWorker});

  router.add(
      "POST", "/api/v1/meetings/{id}/cancel",
      [&context](http::Request& r) {
        const auto body = parse_object(r);
        if (!body) return bad_json();
        auto& meetings = context.services.meetings;
        const auto& who = edge::actor(r);
        meetings.cancel(who, r.params.at("id"), text_of(*body, "reason"), context.now_ms());
        return json(200, view_json(meetings.get(who, r.params.at("id"), context.now_ms())));
      },
      {.name = "api.meetings.cancel", .policy = "staff", .execution = kWorker});
}

}  // namespace samspil::api
