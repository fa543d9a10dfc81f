// Convening (issue 6 item 1): the engine decides which types may be convened; participants
// and roles come from the type's rules; the meeting, its participants and roles, the case's
// move, the audit entry, the timeline row, the invitations and the reminder are written in
// ONE transaction.
#include <algorithm>

#include "crypto/random.hpp"
#include "domain/preconditions.hpp"
#include "domain/slots.hpp"
#include "service/agenda/agenda.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/date_polls.hpp"
#include "service/meetings/invitations.hpp"
#include "service/meetings/meetings.hpp"
#include "service/cases/case_events.hpp"
#include "service/meetings/meetings_internal.hpp"
#include "storage/case_store.hpp"

namespace samspil::service {
namespace {

using meetings_detail::Candidate;

void require_staff(const ReachedCase& reached) {
  if (!may_change_case(reached.relation)) throw Forbidden("Du kan ikke indkalde til møder i denne sag");
}

std::string join(const std::vector<std::string>& reasons) {
  std::string out;
  for (const auto& r : reasons) out += (out.empty() ? "" : "; ") + r;
  return out.empty() ? "Mødet kan ikke indkaldes nu" : out;
}

const domain::MeetingType& type_of(const domain::Model& model, const std::string& type_id) {
  const auto* type = model.meeting_type(type_id);
  if (type == nullptr) throw Invalid(FieldErrors{{"type", "Vælg en mødetype"}});
  return *type;
}

// Participants proposed by the type's rules: fixed groups always, possible ones offered,
// excluded ones never.
std::vector<ProposedParticipant> proposed_participants(const domain::MeetingType& type,
                                                       const std::vector<Candidate>& all) {
  const auto& rules = type.participants;
  std::vector<ProposedParticipant> out;
  for (const auto& c : all) {
    if (meetings_detail::matches_any(c, rules.excluded)) continue;
    const bool fixed = meetings_detail::matches_any(c, rules.fixed);
    const bool possible = meetings_detail::matches_any(c, rules.possible);
    // Professionals close to the case may always be invited; parents and child only when
    // the type names them.
    if (!fixed && !possible && c.person.kind != "professional") continue;
    ProposedParticipant p = c.person;
    p.fixed = fixed;
    p.selected = fixed || (c.person.kind == "professional");
    out.push_back(std::move(p));
  }
  return out;
}

// The holder proposed for each role: the actor when they fit, else the first fitting one.
std::vector<ProposedRole> proposed_roles(const domain::MeetingType& type, const std::vector<Candidate>& all,
                                         const std::vector<ProposedParticipant>& invited, const Actor& actor) {
  std::vector<ProposedRole> out;
  for (const auto& ra : type.roles) {
    ProposedRole r{ra.role, ra.holders, "", ra.delegable || !ra.delegable_to.empty()};
    std::string first;
    for (const auto& c : all) {
      if (c.person.user_id.empty() || !meetings_detail::matches_any(c, ra.holders)) continue;
      const bool is_invited = std::any_of(invited.begin(), invited.end(),
                                          [&](const auto& p) { return p.user_id == c.person.user_id && p.selected; });
      if (!is_invited) continue;
      if (c.person.user_id == actor.user_id) {
        first = actor.user_id;
        break;
      }
      if (first.empty()) first = c.person.user_id;
    }
    r.user_id = first;
    out.push_back(std::move(r));
  }
  return out;
}

// The engine's move of the case caused by convening this type (e.g. bekymring → aaben,
// or a closed case reopened by a new meeting, F9), applied when allowed.
void move_case(storage::Connection& conn, const Actor& actor, const domain::Model& model,
               const domain::CaseHistory& history, storage::CaseRecord record, const std::string& type_id,
               std::int64_t now_ms) {
  for (const auto* mv : domain::moves_from(model, record.state)) {
    if (mv->via != type_id) continue;
    const auto check = domain::check_move(model, history, mv->to, mv->via);
    if (!check.allowed) continue;
    const std::string from = record.state;
    record.state = mv->to;
    const auto* to_state = model.case_machine.state(mv->to);
    if (to_state != nullptr && !to_state->closed) {
      record.closed_at_ms.reset();
      record.close_reason.clear();
      record.retention_until_ms.reset();
    }
    record.updated_at_ms = now_ms;
    storage::update_case(conn, record);
    add_case_event(conn, actor, record.id, "moved", {{"from", from}, {"to", mv->to}, {"via", type_id}},
                               now_ms);
    return;
  }
}

}  // namespace

std::vector<ConveneOption> Meetings::options(const Actor& actor, const std::string& case_id, const std::string& course,
                                             std::int64_t now_ms) {
  const auto c = meetings_detail::parse_course(course);
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    require_staff(reached);
    const auto& model = model_of_case(m_config, reached.record);
    const auto history = case_history(conn, m_config, model, reached.record, now_ms);
    std::vector<ConveneOption> out;
    for (const auto& check : domain::convene_options(model, history, c)) {
      out.push_back(meetings_detail::option_of(*model.meeting_type(check.meeting_type), check));
    }
    return out;
  });
}

ConveneProposal Meetings::propose(const Actor& actor, const std::string& case_id, const std::string& type_id,
                                  std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    require_staff(reached);
    const auto& model = model_of_case(m_config, reached.record);
    const auto& type = type_of(model, type_id);
    const auto history = case_history(conn, m_config, model, reached.record, now_ms);
    const auto check = domain::check_convene(model, history, type_id);
    ConveneProposal p;
    p.option = meetings_detail::option_of(type, check);
    const auto all = meetings_detail::candidates(conn, model, reached.record, actor);
    p.participants = proposed_participants(type, all);
    p.roles = proposed_roles(type, all, p.participants, actor);
    const auto earliest = domain::earliest_start(domain::Instant{std::chrono::seconds{now_ms / 1000}}, type,
                                                 model.closing_days);
    p.earliest_start_ms = std::chrono::duration_cast<std::chrono::milliseconds>(earliest.time_since_epoch()).count();
    return p;
  });
}

std::string Meetings::convene(const Actor& actor, const ConveneRequest& in, std::int64_t now_ms) {
  const auto course = meetings_detail::parse_course(in.course);
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, in.case_id);
    require_staff(reached);
    const auto& model = model_of_case(m_config, reached.record);
    const auto& type = type_of(model, in.type_id);
    const auto history = case_history(conn, m_config, model, reached.record, now_ms);
    const auto check = domain::check_convene(model, history, in.type_id, course);
    if (!check.allowed) {
      std::vector<std::string> reasons;
      for (const auto& r : check.refusals) reasons.push_back(r.reason);
      throw Conflict(join(reasons));
    }

    FieldErrors errors;
    const auto all = meetings_detail::candidates(conn, model, reached.record, actor);
    const auto proposed = proposed_participants(type, all);
    int duration = in.duration_minutes > 0 ? in.duration_minutes : type.default_duration_minutes;
    if (!type.duration_adjustable) duration = type.default_duration_minutes;
    // One place for the length rule, so the pages, the API and any job refuse a length asked
    // for alike (0 asks for the type's default).
    if (in.duration_minutes > 0 && in.duration_minutes < kMinimumMeetingMinutes) {
      errors["duration"] = "Skriv varigheden som et antal minutter (mindst 15)";
    }
    if (duration > 12 * 60) errors["duration"] = "Varigheden må højst være 12 timer";
    // R4.4: the parents pick among proposed times first (service/meetings/date_polls.hpp).
    const bool ask_parents = date_polls::parents_choose_date(type) && !in.proposed_starts_ms.empty();
    if (!in.proposed_starts_ms.empty() && !ask_parents) errors["proposals"] = "Ved denne mødetype vælger forældrene ikke dato";
    if (ask_parents) {
      if (const auto e = date_polls::check_proposals(in.proposed_starts_ms, now_ms); !e.empty()) errors["proposals"] = e;
    } else if (in.starts_at_ms <= now_ms) {
      errors["starts_at"] = "Vælg et tidspunkt i fremtiden";
    }
    if (in.location.size() > 200) errors["location"] = "Stedet må højst være 200 tegn";
    std::vector<ProposedParticipant> invited;
    for (const auto& id : in.user_ids) {
      const auto it = std::find_if(proposed.begin(), proposed.end(), [&](const auto& p) { return p.user_id == id; });
      if (it == proposed.end()) {
        errors["participants"] = "En valgt deltager kan ikke inviteres til denne mødetype";
        continue;
      }
      if (std::none_of(invited.begin(), invited.end(), [&](const auto& p) { return p.user_id == id; })) {
        invited.push_back(*it);
      }
    }
    // Fixed participants (e.g. the parents and the leader, F1/R4) are always invited.
    for (const auto& p : proposed) {
      if (!p.fixed || p.user_id.empty()) continue;
      if (std::none_of(invited.begin(), invited.end(), [&](const auto& q) { return q.user_id == p.user_id; })) {
        invited.push_back(p);
      }
    }
    // The convener takes part.
    if (std::none_of(invited.begin(), invited.end(), [&](const auto& q) { return q.user_id == actor.user_id; })) {
      const auto it = std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.person.user_id == actor.user_id; });
      if (it != all.end()) invited.insert(invited.begin(), it->person);
    }
    if (in.invite_child) {
      const auto it = std::find_if(proposed.begin(), proposed.end(), [](const auto& p) { return p.kind == "child"; });
      if (it == proposed.end()) errors["child"] = "Barnet deltager ikke i denne mødetype";
      else invited.push_back(*it);
    }
    for (std::size_t i = 0; i < in.network.size(); ++i) {
      const auto& n = in.network[i];
      if (n.name.empty() || n.name.size() > 200) errors["network"] = "Skriv navnet på netværkspersonen";
      else if (n.email.find('@') == std::string::npos || n.email.size() > 254)
        errors["network"] = "Skriv en gyldig e-mailadresse til netværkspersonen";
      else invited.push_back(ProposedParticipant{"network", "", "network", n.name, n.email, false, true});
    }
    if (!errors.empty()) throw Invalid(errors);

    storage::MeetingRecord m;
    m.id = crypto::random_id();
    m.tenant = actor.tenant;
    m.case_id = in.case_id;
    m.model_id = model.id;
    m.type_id = type.id;
    m.status = ask_parents ? "proposed" : "invited";
    m.course = course == domain::Course::new_course ? "new_course" : "same";
    m.follow_up_of = in.follow_up_of;
    if (!m.follow_up_of.empty()) {
      const auto prior = storage::find_meeting(conn, actor.tenant, m.follow_up_of);
      if (!prior || prior->case_id != in.case_id) throw Invalid(FieldErrors{{"follow_up_of", "Det tidligere møde findes ikke i sagen"}});
    }
    m.without_parents = meetings_detail::excludes_parents(type);
    if (!ask_parents) {
      m.starts_at_ms = in.starts_at_ms;
      m.ends_at_ms = in.starts_at_ms + std::int64_t{duration} * 60'000;
    }
    m.location = in.location;
    m.ical_uid = crypto::random_id() + "@samspil";
    m.convened_by = actor.user_id;
    m.convened_at_ms = now_ms;
    if (!ask_parents) {
      m.invitation_sent_at_ms = now_ms;
      m.acceptance_due_at_ms = meetings_detail::acceptance_due(model, type, now_ms, in.starts_at_ms);
    }
    m.created_at_ms = now_ms;
    m.updated_at_ms = now_ms;
    storage::insert_meeting(conn, m);

    std::vector<storage::MeetingParticipantRow> rows;
    std::int64_t order = now_ms;
    for (const auto& p : invited) {
      storage::MeetingParticipantRow row;
      row.id = crypto::random_id();
      row.tenant = actor.tenant;
      row.meeting_id = m.id;
      row.kind = p.kind;
      row.user_id = p.user_id;
      row.role_in_case = p.role_in_case;
      row.display_name = p.display_name;
      row.email = p.email;
      // The convener has accepted by convening.
      if (p.user_id == actor.user_id) {
        row.response = "accepted";
        row.responded_at_ms = now_ms;
      }
      row.added_at_ms = order++;  // keeps the invitation order stable
      storage::insert_meeting_participant(conn, row);
      rows.push_back(std::move(row));
    }

    // Roles: asked-for holders (who must be invited), else the proposal.
    const auto roles = proposed_roles(type, all, invited, actor);
    for (const auto& r : roles) {
      std::string user = r.user_id;
      for (const auto& [role, holder] : in.roles) {
        if (role == r.role && !holder.empty()) user = holder;
      }
      if (user.empty()) continue;
      const auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& p) { return p.user_id == user; });
      if (it == rows.end()) throw Invalid(FieldErrors{{"roles", "En mødeansvarlig skal være inviteret til mødet"}});
      storage::upsert_meeting_role(conn, {actor.tenant, m.id, r.role, it->id, "", now_ms});
    }

    move_case(conn, actor, model, history, reached.record, type.id, now_ms);
    audit::record(conn, actor,
                  audit::Entry{audit::Action::create, "meeting", m.id, reached.record.child_id, "Indkaldelse til møde", ""},
                  now_ms);
    add_case_event(conn, actor, in.case_id, "meeting_convened",
                               {{"meeting_id", m.id}, {"type", type.id}, {"starts_at", in.starts_at_ms}}, now_ms);
    if (ask_parents) {
      date_polls::open(conn, m_config.public_base_url, m, rows, in.proposed_starts_ms, duration, now_ms);
      return m.id;
    }
    invitations::send(conn, m_config.public_base_url, m, rows, invitations::Kind::invite, now_ms);
    meetings_detail::schedule_reminder(conn, m_config.public_base_url, m, now_ms);
    // The agenda and brief from the type's templates, and the obligations with their owners
    // and reminder jobs, exist from the moment the meeting does (X3: due times are known now).
    create_meeting_documents(conn, model, type, actor.tenant, m.id, now_ms);
    return m.id;
  });
}

}  // namespace samspil::service
