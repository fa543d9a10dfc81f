// Loading a meeting's agreement and turning it into the state pages and the stream show.
#include <nlohmann/json.hpp>

#include "service/agreements/agreements_internal.hpp"
#include "service/base/errors.hpp"
#include "storage/user_store.hpp"

namespace samspil::service::agreements_detail {

using nlohmann::json;

const crypto::FieldCipher& cipher_of(const AgreementsConfig& config) {
  if (config.cipher == nullptr) throw Conflict("Aftalen kan ikke gemmes: kryptering er ikke sat op (--secret-key-file)");
  return *config.cipher;
}

Loaded load(storage::Connection& conn, const AgreementsConfig& config, const Actor& actor,
            const std::string& meeting_id) {
  Loaded l{reach_meeting(conn, actor, meeting_id), nullptr, std::nullopt, {}, {}};
  const storage::MeetingRecord& m = l.reached.meeting;
  if (config.models != nullptr)
    if (const domain::Model* model = config.models->find(m.model_id)) l.type = model->meeting_type(m.type_id);
  l.row = storage::find_agreement(conn, actor.tenant, meeting_id);
  l.participants = storage::meeting_participants(conn, actor.tenant, meeting_id);
  l.roles = storage::meeting_roles(conn, actor.tenant, meeting_id);
  return l;
}

std::string role_holder(const Loaded& l, const std::string& role) {
  for (const auto& r : l.roles) {
    if (r.role != role) continue;
    for (const auto& p : l.participants)
      if (p.id == r.participant_id) return p.user_id;
  }
  return "";
}

std::string chair_of(const Loaded& l) {
  std::string chair = role_holder(l, "chair");
  return chair.empty() ? l.reached.meeting.convened_by : chair;
}

std::string minute_taker_of(const Loaded& l) {
  std::string taker = role_holder(l, "minute_taker");
  return taker.empty() ? chair_of(l) : taker;
}

std::string content_json(const AgreementContent& c) {
  return json{{"resources", c.resources},
              {"challenges", c.challenges},
              {"goals", c.goals},
              {"signs_child", c.signs_child},
              {"signs_adults", c.signs_adults},
              {"ppv_decision", c.ppv_decision},
              {"child_perspective", c.child_perspective},
              {"child_perspective_missing", c.child_perspective_missing},
              {"next_meeting", c.next_meeting}}
      .dump();
}

AgreementContent content_from_json(const std::string& text) {
  AgreementContent c;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return c;
  c.resources = j.value("resources", "");
  c.challenges = j.value("challenges", "");
  c.goals = j.value("goals", "");
  c.signs_child = j.value("signs_child", "");
  c.signs_adults = j.value("signs_adults", "");
  c.ppv_decision = j.value("ppv_decision", "");
  c.child_perspective = j.value("child_perspective", "");
  c.child_perspective_missing = j.value("child_perspective_missing", "");
  c.next_meeting = j.value("next_meeting", "");
  return c;
}

AgreementState build_state(storage::Connection& conn, const AgreementsConfig& config, const Loaded& l,
                           const Actor& actor) {
  const storage::MeetingRecord& m = l.reached.meeting;
  AgreementState s;
  s.meeting_id = m.id;
  s.case_id = m.case_id;
  s.type_name = l.type != nullptr ? l.type->name : m.type_id;
  s.starts_at_ms = m.starts_at_ms;
  s.location = m.location;
  s.meeting_status = m.status;
  s.asks_ppv_decision = l.type != nullptr && l.type->ppv_decision.required;
  s.asks_child_perspective = l.type != nullptr && l.type->child_perspective.required;
  if (const auto* use = l.type != nullptr ? l.type->agreement_document() : nullptr) {
    s.shared_with_parents = use->shared_with_parents;
    s.filed_to_records = use->filed_to_records;
  }
  s.is_guardian = l.reached.reached_case.relation == CaseRelation::guardian;
  s.is_chair = !s.is_guardian && chair_of(l) == actor.user_id;
  s.is_minute_taker = !s.is_guardian && minute_taker_of(l) == actor.user_id;

  // The agenda the agenda owner made (0009); the model's template when there is none yet.
  for (const auto& item : storage::agenda_items_for_mode(conn, actor.tenant, m.id)) {
    ModeAgendaItem a{item.title, item.description, {}};
    if (!item.description_encrypted.empty() && config.cipher != nullptr)
      a.description = config.cipher->open(item.description_encrypted).value_or(item.description);
    const json order = json::parse(item.speaking_order, nullptr, false);
    if (order.is_array())
      for (const auto& g : order)
        if (g.is_string()) a.speaking_order.push_back(g.get<std::string>());
    s.agenda.push_back(std::move(a));
  }
  if (s.agenda.empty() && l.type != nullptr && !l.type->agendas.empty()) {
    const domain::Agenda* chosen = &l.type->agendas.front();
    for (const auto& a : l.type->agendas)
      if (a.kind == (m.follow_up_of.empty() ? "initial" : "follow_up")) chosen = &a;
    for (const auto& item : chosen->items) s.agenda.push_back({item.title, item.description, chosen->speaking_order});
  }

  std::vector<std::string> user_ids;
  for (const auto& p : l.participants) {
    ModeParticipant mp{p.user_id, p.display_name, p.role_in_case, {}};
    for (const auto& r : l.roles)
      if (r.participant_id == p.id) mp.roles.push_back(r.role);
    s.participants.push_back(std::move(mp));
  }

  if (l.row) {
    const storage::AgreementRow& r = *l.row;
    s.status = r.status;
    s.version = r.version;
    s.current_item = r.current_item;
    s.confirmed_at_ms = r.confirmed_at_ms;
    s.sent_at_ms = r.sent_at_ms;
    s.exported_at_ms = r.exported_at_ms;
    s.pdf_sha256 = r.pdf_sha256;
    if (!r.content_encrypted.empty())
      s.content = content_from_json(cipher_of(config).open(r.content_encrypted).value_or("{}"));
    for (const auto& a : storage::agreement_actions(conn, actor.tenant, m.id)) {
      AgreementActionView v{a.id, cipher_of(config).open(a.text_encrypted).value_or(""), a.owner_id, a.owner_name,
                            a.due_at_ms};
      for (const auto& p : l.participants)
        if (!a.owner_id.empty() && p.user_id == a.owner_id) v.owner_label = p.display_name;
      s.actions.push_back(std::move(v));
    }
  }
  if (s.current_item >= static_cast<int>(s.agenda.size())) s.current_item = std::max(0, static_cast<int>(s.agenda.size()) - 1);
  return s;
}

}  // namespace samspil::service::agreements_detail

namespace samspil::service {

std::string agreement_state_json(const AgreementState& s) {
  using nlohmann::json;
  json agenda = json::array();
  for (const auto& a : s.agenda) agenda.push_back({{"title", a.title}, {"description", a.description}, {"speaking_order", a.speaking_order}});
  json participants = json::array();
  for (const auto& p : s.participants)
    participants.push_back({{"user_id", p.user_id}, {"name", p.name}, {"role_in_case", p.role_in_case}, {"roles", p.roles}});
  json actions = json::array();
  for (const auto& a : s.actions)
    actions.push_back({{"id", a.id}, {"text", a.text}, {"owner_id", a.owner_id}, {"owner", a.owner_label},
                       {"due_at", a.due_at_ms ? json(*a.due_at_ms) : json(nullptr)}});
  const auto& c = s.content;
  json content{{"resources", c.resources}, {"challenges", c.challenges}, {"goals", c.goals},
               {"signs_child", c.signs_child}, {"signs_adults", c.signs_adults},
               {"child_perspective", c.child_perspective}, {"child_perspective_missing", c.child_perspective_missing},
               {"next_meeting", c.next_meeting}};
  if (s.asks_ppv_decision) content["ppv_decision"] = c.ppv_decision;
  auto opt = [](const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); };
  json j{{"meeting_id", s.meeting_id}, {"status", s.status}, {"version", s.version},
         {"current_item", s.current_item}, {"agenda", agenda}, {"participants", participants},
         {"content", content}, {"actions", actions}, {"asks_ppv_decision", s.asks_ppv_decision},
         {"asks_child_perspective", s.asks_child_perspective}, {"confirmed_at", opt(s.confirmed_at_ms)},
         {"sent_at", opt(s.sent_at_ms)}, {"exported_at", opt(s.exported_at_ms)}, {"pdf_sha256", s.pdf_sha256}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace samspil::service
