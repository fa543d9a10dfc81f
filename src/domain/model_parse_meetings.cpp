// Model loader: meeting types (with agendas, documents, preconditions) and forums.
#include <algorithm>
#include <set>

#include "domain/model_reader.hpp"

namespace samspil::domain::detail {
namespace {

std::optional<RequestFormNeed> parse_need(const std::string& s) {
  if (s == "none") return RequestFormNeed::none;
  if (s == "existing") return RequestFormNeed::existing;
  if (s == "new_or_updated") return RequestFormNeed::new_or_updated;
  return std::nullopt;
}

Requirement parse_requirement(Reader& r, const YAML::Node& map, const std::string& what) {
  Requirement out;
  if (!map.IsDefined() || map.IsNull()) return out;
  if (!r.expect_map(map, {"required", "rule", "rules"}, what)) return out;
  out.required = r.boolean(map, "required", what).value_or(false);
  out.rules = r.rules(map, what);
  return out;
}

std::vector<Agenda> parse_agendas(Reader& r, const YAML::Node& list, const std::string& where) {
  std::vector<Agenda> out;
  if (!r.expect_list(list, where + ".agendas")) return out;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"kind", "items", "speaking_order", "rule", "rules"}, "en dagsorden")) continue;
    Agenda a;
    a.kind = r.text(item, "kind", "en dagsorden", true).value_or("");
    const std::string what = where + ".agendas[" + a.kind + "]";
    const YAML::Node items = at(item, "items");
    if (r.expect_list(items, what + ".items")) {
      for (const auto& it : items) {
        AgendaItem ai;
        if (it.IsScalar()) {
          ai.title = it.Scalar();
        } else if (r.expect_map(it, {"title", "description", "rule", "rules"}, "et dagsordenspunkt")) {
          ai.title = r.text(it, "title", "et dagsordenspunkt", true).value_or("");
          ai.description = r.text(it, "description", "et dagsordenspunkt").value_or("");
          ai.rules = r.rules(it, what + ".items[" + ai.title + "]");
        }
        a.items.push_back(std::move(ai));
      }
    }
    if (a.items.empty()) r.error(item, "Dagsordenen '" + a.kind + "' har ingen punkter");
    for (auto& [id, node] : r.texts(item, "speaking_order", what))
      if (r.check_party(id, node)) a.speaking_order.push_back(id);
    a.rules = r.rules(item, what);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<DocumentUse> parse_documents(Reader& r, const YAML::Node& list,
                                         const std::vector<RoleAssignment>& roles,
                                         const std::string& where) {
  std::vector<DocumentUse> out;
  if (!r.expect_list(list, where + ".documents")) return out;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"kind", "owner", "questions", "filed_to_records", "shared_with_parents", "note", "rule", "rules"}, "et dokument")) continue;
    DocumentUse d;
    d.kind = r.text(item, "kind", "et dokument", true).value_or("");
    if (!d.kind.empty() && !contains(kDocumentKinds, d.kind))
      r.error(at(item, "kind"), "Ukendt dokumenttype '" + d.kind + "' (kendte: " + join(kDocumentKinds) + ")");
    const std::string what = "dokumentet '" + d.kind + "'";
    if (auto owner = r.text(item, "owner", what)) {
      d.owner_role = *owner;
      check_role_held(r, d.owner_role, at(item, "owner"), roles, what);
    }
    for (auto& [q, n] : r.texts(item, "questions", what)) d.questions.push_back(q);
    d.filed_to_records = r.boolean(item, "filed_to_records", what).value_or(false);
    d.shared_with_parents = r.boolean(item, "shared_with_parents", what).value_or(false);
    d.note = r.text(item, "note", what).value_or("");
    d.rules = r.rules(item, where + ".documents[" + d.kind + "]");
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Precondition> parse_preconditions(Reader& r, const YAML::Node& list, const std::string& where) {
  std::vector<Precondition> out;
  if (!r.expect_list(list, where + ".preconditions")) return out;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"consent", "held_before", "request_form", "tried_recorded", "reason", "rule", "rules"}, "en forudsætning")) continue;
    Precondition p;
    int kinds = 0;
    if (auto c = r.text(item, "consent", "en forudsætning")) {
      ++kinds;
      p.kind = Precondition::Kind::consent;
      p.consent_scope = *c;
      r.check_consent(*c, at(item, "consent"));
    }
    if (at(item, "held_before").IsDefined()) {
      ++kinds;
      p.kind = Precondition::Kind::held_before;
      for (auto& [id, node] : r.texts(item, "held_before", "en forudsætning"))
        if (r.check_meeting_type(id, node)) p.meeting_types.push_back(id);
    }
    if (auto f = r.text(item, "request_form", "en forudsætning")) {
      ++kinds;
      p.kind = Precondition::Kind::request_form;
      if (auto need = parse_need(*f)) p.request_form = *need;
      else r.error(at(item, "request_form"), "'request_form' skal være existing eller new_or_updated, ikke '" + *f + "'");
    }
    if (at(item, "tried_recorded").IsDefined()) {
      ++kinds;
      p.kind = Precondition::Kind::tried_recorded;
      r.boolean(item, "tried_recorded", "en forudsætning");
    }
    if (kinds != 1)
      r.error(item, "En forudsætning skal have netop én af consent, held_before, request_form og tried_recorded");
    p.reason = r.text(item, "reason", "en forudsætning").value_or("");
    p.rules = r.rules(item, where + ".preconditions");
    out.push_back(std::move(p));
  }
  return out;
}

Booking parse_booking(Reader& r, const YAML::Node& map, const std::string& where) {
  Booking b;
  if (!map.IsDefined() || map.IsNull()) return b;
  if (!r.expect_map(map, {"fixed_slots", "parents_choose_date", "default_slots", "rule", "rules"}, where + ".booking"))
    return b;
  b.fixed_slots = r.boolean(map, "fixed_slots", where + ".booking").value_or(false);
  b.parents_choose_date = r.boolean(map, "parents_choose_date", where + ".booking").value_or(false);
  b.default_slots = parse_windows(r, at(map, "default_slots"), where + ".booking.default_slots");
  b.rules = r.rules(map, where + ".booking");
  return b;
}

void parse_meeting_type(Reader& r, const YAML::Node& item) {
  MeetingType t;
  t.id = r.text(item, "id", "en mødetype", true).value_or("");
  const std::string where = "meeting_types[" + t.id + "]";
  const std::string what = "mødetypen '" + t.id + "'";
  t.name = r.text(item, "name", what, true).value_or(t.id);
  t.purpose = r.text(item, "purpose", what).value_or("");
  t.rules = r.rules(item, where);
  if (const YAML::Node init = at(item, "initiators"); init.IsDefined()) {
    if (r.expect_map(init, {"who", "rule", "rules"}, where + ".initiators")) {
      for (auto& [id, node] : r.texts(init, "who", where + ".initiators"))
        if (r.check_party(id, node)) t.initiators.push_back(id);
      t.initiator_rules = r.rules(init, where + ".initiators");
    }
  }
  t.participants = parse_participants(r, at(item, "participants"), where);
  t.roles = parse_roles(r, at(item, "roles"), t.participants, where);
  // An assignment without holders was reported by parse_roles already.
  if (std::none_of(t.roles.begin(), t.roles.end(), [](const RoleAssignment& a) { return a.role == "chair"; }))
    r.error(item, "Rollen 'chair' (mødeleder) varetages af ingen i " + what);
  if (auto minutes = r.integer(item, "default_duration_minutes", what, true)) {
    if (*minutes < 1 || *minutes > 24 * 60)
      r.error(at(item, "default_duration_minutes"), "Ugyldig varighed: " + std::to_string(*minutes) + " minutter (skal være mellem 1 og 1440)");
    else t.default_duration_minutes = *minutes;
  }
  t.duration_adjustable = r.boolean(item, "duration_adjustable", what).value_or(false);
  const std::size_t before = r.model().rule_refs.size();
  t.windows = parse_windows(r, at(item, "windows"), where + ".windows");
  for (std::size_t i = before; i < r.model().rule_refs.size(); ++i) t.window_rules.push_back(r.model().rule_refs[i].rule);
  t.may_run_past_windows = r.boolean(item, "may_run_past_windows", what).value_or(false);
  t.booking = parse_booking(r, at(item, "booking"), where);
  if (t.booking.parents_choose_date &&
      std::find(t.participants.fixed.begin(), t.participants.fixed.end(), "parents") == t.participants.fixed.end())
    r.error(at(at(item, "booking"), "parents_choose_date"),
            "Forældrene kan kun vælge dato i " + what + ", hvis de altid deltager (participants.fixed: [parents])");
  t.agendas = parse_agendas(r, at(item, "agendas"), where);
  t.documents = parse_documents(r, at(item, "documents"), t.roles, where);
  t.duties = parse_duties(r, at(item, "duties"), t.roles, where);
  t.child_perspective = parse_requirement(r, at(item, "child_perspective"), where + ".child_perspective");
  t.ppv_decision = parse_requirement(r, at(item, "ppv_decision"), where + ".ppv_decision");
  t.deadlines = parse_deadlines(r, at(item, "deadlines"), t.roles, where);
  t.preconditions = parse_preconditions(r, at(item, "preconditions"), where);
  r.model().meeting_types.push_back(std::move(t));
}

}  // namespace

void parse_meeting_types(Reader& r, const YAML::Node& list) {
  if (!r.expect_list(list, "meeting_types")) return;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"id", "name", "purpose", "rule", "rules", "initiators", "participants", "roles",
                             "default_duration_minutes", "duration_adjustable", "windows", "may_run_past_windows",
                             "booking", "agendas", "documents", "duties", "child_perspective", "ppv_decision",
                             "deadlines", "preconditions"},
                      "en mødetype"))
      continue;
    parse_meeting_type(r, item);
  }
}

void parse_forums(Reader& r, const YAML::Node& list) {
  if (!r.expect_list(list, "forums")) return;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"id", "name", "purpose", "setting", "cadence", "participants", "roles", "agenda",
                             "minutes", "anonymous", "fields", "deadlines", "duties", "rule", "rules"},
                      "et forum"))
      continue;
    Forum f;
    f.id = r.text(item, "id", "et forum", true).value_or("");
    const std::string where = "forums[" + f.id + "]";
    const std::string what = "forummet '" + f.id + "'";
    f.name = r.text(item, "name", what, true).value_or(f.id);
    f.purpose = r.text(item, "purpose", what).value_or("");
    f.setting = r.text(item, "setting", what).value_or("both");
    if (f.setting != "school" && f.setting != "daycare" && f.setting != "both")
      r.error(at(item, "setting"), "'setting' skal være school, daycare eller both, ikke '" + f.setting + "'");
    if (const YAML::Node c = at(item, "cadence"); c.IsDefined()) {
      if (r.expect_map(c, {"every", "unit", "note"}, where + ".cadence")) {
        f.cadence.every = r.integer(c, "every", where + ".cadence").value_or(1);
        if (f.cadence.every < 1) r.error(at(c, "every"), "'every' skal være mindst 1");
        const auto unit = r.text(c, "unit", where + ".cadence", true).value_or("");
        if (unit == "weeks") f.cadence.unit = CadenceUnit::weeks;
        else if (unit == "months") f.cadence.unit = CadenceUnit::months;
        else if (unit == "years") f.cadence.unit = CadenceUnit::years;
        else if (unit == "none") f.cadence.unit = CadenceUnit::none;
        else if (!unit.empty()) r.error(at(c, "unit"), "Ukendt kadence-enhed '" + unit + "' (brug weeks, months, years eller none)");
        f.cadence.note = r.text(c, "note", where + ".cadence").value_or("");
      }
    }
    f.participants = parse_participants(r, at(item, "participants"), where);
    f.roles = parse_roles(r, at(item, "roles"), f.participants, where);
    if (const YAML::Node a = at(item, "agenda"); a.IsDefined()) {
      if (r.expect_map(a, {"kept", "shared", "contributors"}, where + ".agenda")) {
        f.has_agenda = r.boolean(a, "kept", where + ".agenda").value_or(true);
        f.shared_agenda = r.boolean(a, "shared", where + ".agenda").value_or(false);
        for (auto& [id, node] : r.texts(a, "contributors", where + ".agenda"))
          if (r.check_party(id, node)) f.agenda_contributors.push_back(id);
      }
    }
    f.minutes = r.boolean(item, "minutes", what).value_or(true);
    f.anonymous = r.boolean(item, "anonymous", what).value_or(false);
    for (auto& [field, node] : r.texts(item, "fields", what)) {
      if (f.anonymous && contains(kIdentifyingFields, field))
        r.error(node, "Forummet '" + f.id + "' er anonymt men beder om den identificerende oplysning '" + field + "' (X4)");
      f.fields.push_back(field);
    }
    f.deadlines = parse_deadlines(r, at(item, "deadlines"), f.roles, where);
    f.duties = parse_duties(r, at(item, "duties"), f.roles, where);
    f.rules = r.rules(item, where);
    r.model().forums.push_back(std::move(f));
  }
}

}  // namespace samspil::domain::detail
