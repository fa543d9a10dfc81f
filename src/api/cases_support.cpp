#include "api/cases_support.hpp"

#include <charconv>


namespace samspil::api {
namespace {

nlohmann::json opt(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }
nlohmann::json opt(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

}  // namespace

http::Response not_configured() {
  return http::Response::problem(503, "Sager er ikke sat op",
                                 "Kommunens samarbejdsmodel eller feltnøglen er ikke indlæst.");
}

int case_limit_param(const http::Request& request) {
  const std::string text = request.query_param("limit");
  int limit = 50;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (text.empty() || ec != std::errc() || p != text.data() + text.size()) return 50;
  return std::clamp(limit, 1, 200);
}

nlohmann::json case_json(const storage::CaseRecord& c) {
  return {{"id", c.id},
          {"child_id", c.child_id},
          {"model_id", c.model_id},
          {"state", c.state},
          {"title", c.title},
          {"unit_id", opt(c.unit_id)},
          {"assigned_to", opt(c.assigned_to)},
          {"ppr_unit_id", opt(c.ppr_unit_id)},
          {"ppr_requested_at", opt(c.ppr_requested_at_ms)},
          {"tried_recorded_at", opt(c.tried_recorded_at_ms)},
          {"opened_at", c.opened_at_ms},
          {"closed_at", opt(c.closed_at_ms)},
          {"close_reason", opt(c.close_reason)},
          {"retention_until", opt(c.retention_until_ms)},
          {"updated_at", c.updated_at_ms}};
}

nlohmann::json case_view_json(const service::CaseView& view) {
  auto out = case_json(view.record);
  out["relation"] = view.relation;
  out["state_name"] = view.state_name;
  out["closed"] = view.closed;
  out["tried"] = opt(view.tried);
  out["consents_in_force"] = view.consents_in_force;
  auto participants = nlohmann::json::array();
  for (const auto& p : view.participants) participants.push_back({{"user_id", p.user_id}, {"role", p.role}});
  out["participants"] = participants;
  auto moves = nlohmann::json::array();
  for (const auto& m : view.moves) {
    moves.push_back({{"to_state", m.to_state},
                     {"to_name", m.to_name},
                     {"via", m.via},
                     {"via_name", m.via_name},
                     {"allowed", m.allowed},
                     {"reason", opt(m.reason)}});
  }
  out["moves"] = moves;
  return out;
}

nlohmann::json event_json(const storage::CaseEventRow& e) {
  auto detail = nlohmann::json::parse(e.detail, nullptr, false);
  return {{"id", e.id},
          {"at", e.at_ms},
          {"actor_id", opt(e.actor_id)},
          {"kind", e.kind},
          {"detail", detail.is_discarded() ? nlohmann::json::object() : detail}};
}

nlohmann::json consent_json(const service::ConsentView& view) {
  const auto& r = view.row;
  return {{"id", r.id},
          {"child_id", r.child_id},
          {"guardian_id", r.guardian_id},
          {"scope", r.scope},
          {"scope_name", view.scope_name},
          {"purpose", r.purpose},
          {"parties", r.parties},
          {"given_at", r.given_at_ms},
          {"source", r.source},
          {"scan_attachment_id", opt(r.scan_attachment_id)},
          {"expires_at", opt(r.expires_at_ms)},
          {"withdrawn_at", opt(r.withdrawn_at_ms)},
          {"in_force", view.in_force}};
}

nlohmann::json child_json(const service::ChildView& view) {
  auto guardians = nlohmann::json::array();
  for (const auto& g : view.guardians) {
    guardians.push_back({{"user_id", g.user_id}, {"relation", g.relation}, {"has_custody", g.has_custody}});
  }
  const auto& c = view.record;
  return {{"id", c.id},
          {"first_name", c.first_name},
          {"last_name", c.last_name},
          {"birth_date", c.birth_date},
          {"cpr", opt(view.cpr_masked)},
          {"unit_id", opt(c.unit_id)},
          {"group_name", opt(c.group_name)},
          {"guardians", guardians},
          {"case_ids", view.case_ids}};
}

}  // namespace samspil::api
