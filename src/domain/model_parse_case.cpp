// Model loader: transitions between meeting types, the case state machine and its checks.
#include <algorithm>
#include <deque>
#include <set>

#include "domain/model_reader.hpp"

namespace samspil::domain::detail {

void parse_transitions(Reader& r, const YAML::Node& list) {
  if (!r.expect_list(list, "transitions")) return;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"from", "to", "course", "request_form", "rule", "rules"}, "en overgang")) continue;
    Transition t;
    if (auto from = r.text(item, "from", "en overgang", true)) {
      t.from = *from;
      if (t.from != "start" && t.from != "any") r.check_meeting_type(t.from, at(item, "from"));
    }
    if (auto to = r.text(item, "to", "en overgang", true)) {
      t.to = *to;
      r.check_meeting_type(t.to, at(item, "to"));
    }
    const auto course = r.text(item, "course", "en overgang").value_or("any");
    if (course == "same") t.course = Transition::Course::same;
    else if (course == "new") t.course = Transition::Course::new_course;
    else if (course != "any") r.error(at(item, "course"), "'course' skal være any, same eller new, ikke '" + course + "'");
    const auto need = r.text(item, "request_form", "en overgang").value_or("none");
    if (need == "existing") t.request_form = RequestFormNeed::existing;
    else if (need == "new_or_updated") t.request_form = RequestFormNeed::new_or_updated;
    else if (need != "none")
      r.error(at(item, "request_form"), "'request_form' skal være none, existing eller new_or_updated, ikke '" + need + "'");
    t.rules = r.rules(item, "transitions[" + t.from + "->" + t.to + "]");
    r.model().transitions.push_back(std::move(t));
  }
}

// case.triage: {decision: via}. Each decision is one the service knows (kTriageDecisions)
// and each via one that a move of this case machine goes through.
void parse_triage(Reader& r, const YAML::Node& node, CaseMachine& m) {
  if (!node.IsDefined()) return;
  if (!node.IsMap()) {
    r.error(node, "'case.triage' skal være en tabel fra PPR's beslutninger til skift (fx assign: distriktsmoede)");
    return;
  }
  std::string known;
  for (const auto d : kTriageDecisions) known += (known.empty() ? "" : ", ") + std::string(d);
  for (const auto& entry : node) {
    const std::string decision = entry.first.Scalar();
    if (std::find(std::begin(kTriageDecisions), std::end(kTriageDecisions), decision) == std::end(kTriageDecisions)) {
      r.error(entry.first, "Ukendt beslutning '" + decision + "' i case.triage (kendte: " + known + ")");
      continue;
    }
    if (!entry.second.IsScalar() || entry.second.Scalar().empty()) {
      r.error(entry.second, "Beslutningen '" + decision + "' skal pege på et skifts via (et forum eller en hændelse)");
      continue;
    }
    const std::string via = entry.second.Scalar();
    const bool moved = std::any_of(m.moves.begin(), m.moves.end(), [&](const CaseMove& mv) { return mv.via == via; });
    if (!moved) {
      r.error(entry.second, "Beslutningen '" + decision + "' peger på '" + via + "', som intet skift i case.moves går via");
      continue;
    }
    m.triage[decision] = via;
  }
}

void parse_case(Reader& r, const YAML::Node& map, Pos& initial_pos) {
  if (!r.expect_map(map, {"initial", "states", "events", "moves", "triage"}, "case")) return;
  CaseMachine& m = r.model().case_machine;
  if (auto initial = r.text(map, "initial", "case")) {
    if (!m.initial.empty()) {
      r.error(at(map, "initial"), "Starttilstanden er allerede angivet i " + initial_pos.file + ":" +
                                  std::to_string(initial_pos.line) + ":" + std::to_string(initial_pos.column));
    } else {
      m.initial = *initial;
      initial_pos = r.pos(at(map, "initial"));
      if (!r.ids().states.count(m.initial)) r.error(at(map, "initial"), "Ukendt tilstand '" + m.initial + "'");
    }
  }
  if (r.expect_list(at(map, "states"), "case.states")) {
    for (const auto& item : at(map, "states")) {
      if (!r.expect_map(item, {"id", "name", "closed", "meetings", "rule", "rules"}, "en tilstand")) continue;
      CaseState s;
      s.id = r.text(item, "id", "en tilstand", true).value_or("");
      const std::string what = "tilstanden '" + s.id + "'";
      s.name = r.text(item, "name", what, true).value_or(s.id);
      s.closed = r.boolean(item, "closed", what).value_or(false);
      const YAML::Node meetings = at(item, "meetings");
      if (meetings.IsScalar() && meetings.Scalar() == "all") {
        s.all_meetings = true;
      } else {
        for (auto& [id, node] : r.texts(item, "meetings", what))
          if (r.check_meeting_type(id, node)) s.meetings.push_back(id);
      }
      s.rules = r.rules(item, "case.states[" + s.id + "]");
      m.states.push_back(std::move(s));
    }
  }
  if (r.expect_list(at(map, "events"), "case.events")) {
    for (const auto& item : at(map, "events")) {
      if (!r.expect_map(item, {"id", "name", "rule", "rules"}, "en hændelse")) continue;
      CaseEvent e;
      e.id = r.text(item, "id", "en hændelse", true).value_or("");
      e.name = r.text(item, "name", "hændelsen '" + e.id + "'", true).value_or(e.id);
      e.rules = r.rules(item, "case.events[" + e.id + "]");
      m.events.push_back(std::move(e));
    }
  }
  if (r.expect_list(at(map, "moves"), "case.moves")) {
    for (const auto& item : at(map, "moves")) {
      if (!r.expect_map(item, {"from", "to", "via", "consent", "rule", "rules"}, "et skift")) continue;
      CaseMove mv;
      for (auto [key, into] : {std::pair{"from", &mv.from}, std::pair{"to", &mv.to}}) {
        if (auto id = r.text(item, key, "et skift", true)) {
          *into = *id;
          if (!r.ids().states.count(*id)) r.error(at(item, key), "Ukendt tilstand '" + *id + "'");
        }
      }
      if (auto via = r.text(item, "via", "et skift")) {
        mv.via = *via;
        const auto& ids = r.ids();
        if (!ids.meeting_types.count(mv.via) && !ids.forums.count(mv.via) && !ids.events.count(mv.via))
          r.error(at(item, "via"), "Ukendt mødetype, forum eller hændelse '" + mv.via + "'");
      }
      if (auto consent = r.text(item, "consent", "et skift")) {
        mv.consent_scope = *consent;
        r.check_consent(*consent, at(item, "consent"));
      }
      mv.rules = r.rules(item, "case.moves[" + mv.from + "->" + mv.to + "]");
      m.moves.push_back(std::move(mv));
    }
  }
  parse_triage(r, at(map, "triage"), m);
}

void check_case_machine(Reader& r, const Pos& initial_pos) {
  const CaseMachine& m = r.model().case_machine;
  if (m.states.empty()) return;
  // States whose id was missing or malformed are not indexed (and were reported already).
  const Pos first = !r.ids().states.empty() ? r.ids().states.begin()->second
                    : initial_pos.line   ? initial_pos
                                         : Pos{r.file(), 1, 1};
  if (m.initial.empty()) r.error(first, "Sagsforløbet mangler en starttilstand (case.initial)");
  bool any_closed = false;
  for (const auto& s : m.states) any_closed = any_closed || s.closed;
  if (!any_closed) {
    r.error(initial_pos.line ? initial_pos : first, "Ingen tilstand er markeret closed: true, så en sag kan aldrig lukkes");
    return;
  }
  // Walk the moves backwards from the closed states: what is not reached can never close.
  std::set<std::string> can_close;
  std::deque<std::string> todo;
  for (const auto& s : m.states)
    if (s.closed && can_close.insert(s.id).second) todo.push_back(s.id);
  while (!todo.empty()) {
    const std::string to = todo.front();
    todo.pop_front();
    for (const auto& mv : m.moves)
      if (mv.to == to && can_close.insert(mv.from).second) todo.push_back(mv.from);
  }
  for (const auto& s : m.states) {
    if (can_close.count(s.id)) continue;
    auto it = r.ids().states.find(s.id);
    r.error(it != r.ids().states.end() ? it->second : first,
            "Tilstanden '" + s.id + "' kan aldrig føre til en lukket sag");
  }
}

}  // namespace samspil::domain::detail
