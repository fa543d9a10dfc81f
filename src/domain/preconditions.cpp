// Preconditions and transitions over a loaded model (see preconditions.hpp).
#include "domain/preconditions.hpp"

#include <algorithm>

namespace samspil::domain {
namespace {

void add_unique(RuleIds& into, const RuleIds& from) {
  for (const auto& r : from)
    if (std::find(into.begin(), into.end(), r) == into.end()) into.push_back(r);
}

Refusal refuse(std::string reason, RuleIds rules) {
  if (!rules.empty()) {
    reason += " (";
    for (std::size_t i = 0; i < rules.size(); ++i) reason += (i ? ", " : "") + rules[i];
    reason += ")";
  }
  return {std::move(reason), std::move(rules)};
}

std::string type_name(const Model& m, std::string_view id) {
  const MeetingType* t = m.meeting_type(id);
  return t ? t->name : std::string(id);
}

std::string via_name(const Model& m, std::string_view id) {
  if (const MeetingType* t = m.meeting_type(id)) return t->name;
  if (const Forum* f = m.forum(id)) return f->name;
  for (const auto& e : m.case_machine.events)
    if (e.id == id) return e.name;
  return std::string(id);
}

std::string scope_name(const Model& m, std::string_view id) {
  for (const auto& c : m.consent_scopes)
    if (c.id == id) return c.name;
  return std::string(id);
}

std::string current_state(const Model& m, const CaseHistory& h) {
  return h.state.empty() ? m.case_machine.initial : h.state;
}

// Empty when the request form satisfies need; else the refusal's reason.
std::string request_form_problem(RequestFormNeed need, RequestFormStatus status) {
  if (need == RequestFormNeed::existing && status == RequestFormStatus::missing)
    return "Der findes intet anmodningsskema i sagen";
  if (need == RequestFormNeed::new_or_updated && status != RequestFormStatus::new_or_updated)
    return "Et nyt eller opdateret anmodningsskema mangler";
  return {};
}

void check_state(const Model& m, const CaseHistory& h, const MeetingType& t, std::vector<Refusal>& out) {
  if (m.case_machine.states.empty()) return;
  const std::string id = current_state(m, h);
  const CaseState* s = m.case_machine.state(id);
  if (s == nullptr) {
    out.push_back(refuse("Sagens tilstand '" + id + "' findes ikke i modellen", {}));
    return;
  }
  if (s->all_meetings || std::find(s->meetings.begin(), s->meetings.end(), t.id) != s->meetings.end()) return;
  for (const auto* mv : moves_from(m, id))
    if (mv->via == t.id) return;
  RuleIds rules = s->rules;
  if (s->closed) {
    std::string reopen;
    for (const auto* mv : moves_from(m, id)) {
      if (m.meeting_type(mv->via) == nullptr) continue;
      reopen += (reopen.empty() ? "" : " eller ") + type_name(m, mv->via);
      add_unique(rules, mv->rules);
    }
    std::string reason = "Sagen er lukket, så " + t.name + " kan ikke indkaldes";
    if (!reopen.empty()) reason += "; et nyt behov starter med et nyt møde: " + reopen;
    out.push_back(refuse(reason, rules));
    return;
  }
  out.push_back(refuse(t.name + " kan ikke indkaldes, mens sagen er i tilstanden '" + s->name + "'", rules));
}

void check_transition(const Model& m, const CaseHistory& h, const MeetingType& t, Course course,
                      std::vector<Refusal>& out) {
  std::vector<const Transition*> into;
  for (const auto& tr : m.transitions)
    if (tr.to == t.id) into.push_back(&tr);
  if (into.empty()) return;  // the model does not govern what this type may follow
  const std::string last = h.meetings_held.empty() ? "start" : h.meetings_held.back();
  const Transition* best = nullptr;
  auto score = [&](const Transition& tr) { return (tr.from == last ? 2 : 0) + (tr.course != Transition::Course::any ? 1 : 0); };
  for (const Transition* tr : into) {
    if (tr->from != last && tr->from != "any") continue;
    const bool course_ok = tr->course == Transition::Course::any ||
                           (tr->course == Transition::Course::same) == (course == Course::same);
    if (course_ok && (best == nullptr || score(*tr) > score(*best))) best = tr;
  }
  if (best == nullptr) {
    RuleIds rules;
    for (const Transition* tr : into) add_unique(rules, tr->rules);
    const std::string reason = last == "start" ? t.name + " kan ikke være sagens første møde"
                                               : t.name + " kan ikke følge efter " + type_name(m, last) +
                                                     (course == Course::new_course ? " med et nyt forløb" : "");
    out.push_back(refuse(reason, rules));
    return;
  }
  if (auto problem = request_form_problem(best->request_form, h.request_form); !problem.empty())
    out.push_back(refuse(problem, best->rules));
}

void check_preconditions(const Model& m, const CaseHistory& h, const MeetingType& t, std::vector<Refusal>& out) {
  for (const auto& p : t.preconditions) {
    std::string problem;
    switch (p.kind) {
      case Precondition::Kind::consent:
        if (!h.consents.count(p.consent_scope)) problem = "Samtykke mangler: " + scope_name(m, p.consent_scope);
        break;
      case Precondition::Kind::held_before: {
        const bool held = std::any_of(p.meeting_types.begin(), p.meeting_types.end(), [&](const std::string& id) {
          return std::find(h.meetings_held.begin(), h.meetings_held.end(), id) != h.meetings_held.end();
        });
        if (!held) {
          problem = "Der skal først have været holdt ";
          for (std::size_t i = 0; i < p.meeting_types.size(); ++i)
            problem += (i ? " eller " : "") + type_name(m, p.meeting_types[i]);
        }
        break;
      }
      case Precondition::Kind::request_form:
        problem = request_form_problem(p.request_form, h.request_form);
        break;
      case Precondition::Kind::tried_recorded:
        if (!h.tried_recorded) problem = "Det er ikke registreret, hvad institutionen selv har afprøvet";
        break;
    }
    if (!problem.empty()) out.push_back(refuse(p.reason.empty() ? problem : p.reason, p.rules));
  }
}

}  // namespace

ConveneCheck check_convene(const Model& model, const CaseHistory& history, std::string_view meeting_type,
                           Course course) {
  ConveneCheck out;
  out.meeting_type = std::string(meeting_type);
  const MeetingType* t = model.meeting_type(meeting_type);
  if (t == nullptr) {
    out.refusals.push_back(refuse("Ukendt mødetype '" + out.meeting_type + "'", {}));
    return out;
  }
  check_state(model, history, *t, out.refusals);
  check_transition(model, history, *t, course, out.refusals);
  check_preconditions(model, history, *t, out.refusals);
  out.allowed = out.refusals.empty();
  return out;
}

std::vector<ConveneCheck> convene_options(const Model& model, const CaseHistory& history, Course course) {
  std::vector<ConveneCheck> out;
  for (const auto& t : model.meeting_types) out.push_back(check_convene(model, history, t.id, course));
  return out;
}

std::vector<const CaseMove*> moves_from(const Model& model, std::string_view state) {
  std::vector<const CaseMove*> out;
  for (const auto& mv : model.case_machine.moves)
    if (mv.from == state) out.push_back(&mv);
  return out;
}

MoveCheck check_move(const Model& model, const CaseHistory& history, std::string_view to_state,
                     std::string_view via) {
  MoveCheck out;
  const std::string from = current_state(model, history);
  const CaseState* a = model.case_machine.state(from);
  const CaseState* b = model.case_machine.state(to_state);
  if (a == nullptr || b == nullptr) {
    out.refusals.push_back(refuse("Ukendt tilstand '" + (a == nullptr ? from : std::string(to_state)) + "'", {}));
    return out;
  }
  std::vector<const CaseMove*> candidates;
  for (const auto* mv : moves_from(model, from))
    if (mv->to == to_state) candidates.push_back(mv);
  if (candidates.empty()) {
    out.refusals.push_back(refuse("Sagen kan ikke gå fra '" + a->name + "' til '" + b->name + "'", a->rules));
    return out;
  }
  const CaseMove* chosen = nullptr;
  for (const auto* mv : candidates)
    if (mv->via.empty() || mv->via == via) chosen = mv;
  if (chosen == nullptr) {
    std::string needs;
    RuleIds rules;
    for (const auto* mv : candidates) {
      needs += (needs.empty() ? "" : " eller ") + via_name(model, mv->via);
      add_unique(rules, mv->rules);
    }
    out.refusals.push_back(refuse("Skiftet fra '" + a->name + "' til '" + b->name + "' kræver: " + needs, rules));
    return out;
  }
  if (!chosen->consent_scope.empty() && !history.consents.count(chosen->consent_scope)) {
    out.refusals.push_back(refuse("Samtykke mangler: " + scope_name(model, chosen->consent_scope), chosen->rules));
    return out;
  }
  out.allowed = true;
  out.move = chosen;
  return out;
}

}  // namespace samspil::domain
