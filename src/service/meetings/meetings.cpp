// Meetings after convening: reading, answers (in Samspil or by a signed single-use link),
// moving (SEQUENCE+1 REQUEST), cancelling (SEQUENCE+1 CANCEL), informing the parents of a
// professionals-only meeting (FP6/R11) and the acceptance reminders (R4.4).
#include "service/meetings/meetings.hpp"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/base/mail_outbox.hpp"
#include "service/meetings/date_polls.hpp"
#include "service/meetings/invitations.hpp"
#include "service/cases/case_events.hpp"
#include "service/meetings/meetings_internal.hpp"
#include "service/obligations/obligations.hpp"
#include "storage/event_store.hpp"
#include "storage/guardian_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service {
namespace {

audit::Entry entry(audit::Action action, const ReachedMeeting& r, const std::string& purpose) {
  return audit::Entry{action, "meeting", r.meeting.id, r.reached_case.record.child_id, purpose, ""};
}

void require_manage(const ReachedMeeting& r) {
  if (!meetings_detail::may_manage(r)) throw Forbidden("Du kan ikke ændre dette møde");
  if (r.meeting.status == "cancelled") throw Conflict("Mødet er aflyst");
  if (r.meeting.status == "held" || r.meeting.status == "finalised") throw Conflict("Mødet er allerede holdt");
}

void check_response(const std::string& response) {
  if (response != "accepted" && response != "declined") {
    throw Invalid(FieldErrors{{"response", "Vælg om du deltager"}});
  }
}

}  // namespace

MeetingView Meetings::get(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto r = reach_meeting(conn, actor, meeting_id);
    MeetingView v;
    v.meeting = r.meeting;
    v.case_title = r.reached_case.relation == CaseRelation::guardian ? "" : r.reached_case.record.title;
    v.child_id = r.reached_case.record.child_id;
    v.is_guardian = r.reached_case.relation == CaseRelation::guardian;
    v.may_manage = meetings_detail::may_manage(r);
    // The cancel reason is free text that may describe the child: sealed at rest, shown to
    // the professionals only (the parents see that the meeting is cancelled).
    v.meeting.cancel_reason.clear();
    if (!v.is_guardian && !r.meeting.cancel_reason.empty() && m_config.cipher != nullptr) {
      v.meeting.cancel_reason = m_config.cipher->open(r.meeting.cancel_reason).value_or("");
    }
    if (const auto* model = m_config.models ? m_config.models->find(r.meeting.model_id) : nullptr) {
      if (const auto* type = model->meeting_type(r.meeting.type_id)) v.type_name = type->name;
    }
    if (v.type_name.empty()) v.type_name = r.meeting.type_id;
    v.roles = storage::meeting_roles(conn, actor.tenant, meeting_id);
    for (auto& p : storage::meeting_participants(conn, actor.tenant, meeting_id)) {
      p.response_token_hash.clear();
      if (p.user_id == actor.user_id && !p.user_id.empty()) {
        v.my_participant_id = p.id;
        v.my_response = p.response;
      }
      ParticipantView pv{std::move(p), {}};
      for (const auto& role : v.roles) {
        if (role.participant_id == pv.row.id) pv.roles.push_back(role.role);
      }
      // Guardians see who takes part by role, not the professionals' e-mail addresses.
      if (v.is_guardian) pv.row.email.clear();
      v.participants.push_back(std::move(pv));
    }
    audit::record(conn, actor, entry(audit::Action::read, r, v.is_guardian ? "Forældreportal" : "Sagsbehandling"),
                  now_ms);
    return v;
  });
}

std::vector<storage::MeetingRecord> Meetings::of_case(const Actor& actor, const std::string& case_id,
                                                      std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    auto all = storage::meetings_of_case(conn, actor.tenant, case_id);
    if (reached.relation == CaseRelation::guardian) {
      std::erase_if(all, [](const auto& m) { return m.without_parents; });
    }
    audit::record(conn, actor,
                  audit::Entry{audit::Action::read, "case", case_id, reached.record.child_id, "Sagsbehandling", ""},
                  now_ms);
    return all;
  });
}

void Meetings::respond(const Actor& actor, const std::string& meeting_id, const std::string& response,
                       std::int64_t now_ms) {
  check_response(response);
  m_db.transaction([&](storage::Connection& conn) {
    const auto r = reach_meeting(conn, actor, meeting_id);
    if (r.meeting.status != "invited") throw Conflict("Mødet kan ikke længere besvares");
    const auto participants = storage::meeting_participants(conn, actor.tenant, meeting_id);
    const auto it = std::find_if(participants.begin(), participants.end(),
                                 [&](const auto& p) { return !p.user_id.empty() && p.user_id == actor.user_id; });
    if (it == participants.end()) throw Forbidden("Du er ikke inviteret til mødet");
    storage::set_participant_response(conn, actor.tenant, it->id, response, now_ms);
    audit::record(conn, actor, entry(audit::Action::change, r, "Svar på invitation"), now_ms);
    add_case_event(conn, actor, r.meeting.case_id, "meeting_response",
                               {{"meeting_id", meeting_id}, {"participant_id", it->id}, {"response", response}},
                               now_ms);
    // The answer discharges the participant's R4 obligation (accept within 10 working days).
    obligations::recompute(conn, model_of_case(m_config, r.reached_case.record), actor.tenant, meeting_id, now_ms);
  });
}

TokenResponse Meetings::respond_by_token(const std::string& token, const std::string& response, std::int64_t now_ms) {
  check_response(response);
  if (token.empty() || token.size() > 200) throw NotFound("Linket er ugyldigt eller allerede brugt");
  return m_db.transaction([&](storage::Connection& conn) {
    const auto p = storage::find_participant_by_token_hash(conn, invitations::token_hash(token));
    if (!p) throw NotFound("Linket er ugyldigt eller allerede brugt");
    const auto m = storage::find_meeting(conn, p->tenant, p->meeting_id);
    if (!m || m->status != "invited") throw NotFound("Linket er ugyldigt eller allerede brugt");
    storage::set_participant_response(conn, p->tenant, p->id, response, now_ms);
    audit::record_system(conn, p->tenant, "anonymous", "",
                         audit::Entry{audit::Action::change, "meeting", m->id, "", "Svar på invitation via link", ""},
                         "", now_ms);
    storage::append_case_event(conn, {crypto::random_id(), p->tenant, m->case_id, now_ms, "", "meeting_response",
                                      nlohmann::json{{"meeting_id", m->id}, {"participant_id", p->id},
                                                     {"response", response}, {"via", "link"}}
                                          .dump()});
    if (const auto* model = m_config.models ? m_config.models->find(m->model_id) : nullptr) {
      obligations::recompute(conn, *model, p->tenant, m->id, now_ms);
    }
    return TokenResponse{m->id, response, m->starts_at_ms.value_or(0), m->ends_at_ms.value_or(0)};
  });
}

bool Meetings::token_is_open(const std::string& token) {
  if (token.empty() || token.size() > 200) return false;
  auto lease = m_db.acquire();
  const auto p = storage::find_participant_by_token_hash(*lease, invitations::token_hash(token));
  if (!p) return false;
  const auto m = storage::find_meeting(*lease, p->tenant, p->meeting_id);
  return m && m->status == "invited";
}

void Meetings::move(const Actor& actor, const std::string& meeting_id, std::int64_t starts_at_ms,
                    int duration_minutes, const std::string& location, const std::string& reason,
                    std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    const auto r = reach_meeting(conn, actor, meeting_id);
    require_manage(r);
    if (r.meeting.status == "proposed") {
      // R4.4: the time is the parents' choice; a move would invite everyone past them.
      throw Conflict("Forældrene har endnu ikke valgt tidspunkt. Vælg et af de foreslåede tidspunkter på deres vegne, "
                     "eller aflys mødet og indkald igen med nye forslag");
    }
    FieldErrors errors;
    if (starts_at_ms <= now_ms) errors["starts_at"] = "Vælg et tidspunkt i fremtiden";
    if (duration_minutes < 0 || duration_minutes > 12 * 60) errors["duration"] = "Varigheden må højst være 12 timer";
    if (location.size() > 200) errors["location"] = "Stedet må højst være 200 tegn";
    if (reason.size() > 500) errors["reason"] = "Begrundelsen må højst være 500 tegn";
    if (!errors.empty()) throw Invalid(errors);
    auto m = r.meeting;
    const std::int64_t old_start = m.starts_at_ms.value_or(0);
    const std::int64_t length = duration_minutes > 0 ? std::int64_t{duration_minutes} * 60'000
                                                     : m.ends_at_ms.value_or(old_start) - old_start;
    m.starts_at_ms = starts_at_ms;
    m.ends_at_ms = starts_at_ms + length;
    m.location = location;
    m.ical_sequence += 1;
    m.invitation_sent_at_ms = now_ms;
    const auto& model = model_of_case(m_config, r.reached_case.record);
    if (const auto* type = model.meeting_type(m.type_id)) {
      m.acceptance_due_at_ms = meetings_detail::acceptance_due(model, *type, now_ms, starts_at_ms);
    }
    m.updated_at_ms = now_ms;
    storage::update_meeting(conn, m);
    storage::reset_meeting_responses(conn, actor.tenant, meeting_id);
    // The one who moves it keeps attending.
    auto participants = storage::meeting_participants(conn, actor.tenant, meeting_id);
    for (auto& p : participants) {
      if (!p.user_id.empty() && p.user_id == actor.user_id) {
        storage::set_participant_response(conn, actor.tenant, p.id, "accepted", now_ms);
        p.response = "accepted";
      }
    }
    audit::record(conn, actor, entry(audit::Action::change, r, "Mødet flyttet"), now_ms);
    add_case_event(conn, actor, m.case_id, "meeting_moved",
                               {{"meeting_id", m.id}, {"from", old_start}, {"to", starts_at_ms}, {"reason", !reason.empty()}},
                               now_ms);
    invitations::send(conn, m_config.public_base_url, m, participants, invitations::Kind::move, now_ms);
    meetings_detail::schedule_reminder(conn, m_config.public_base_url, m, now_ms);
    // Deadlines move with the meeting (issue 6 item 8): new due times, new reminder jobs
    // (the old jobs see a changed due time and do nothing).
    obligations::recompute(conn, model, actor.tenant, meeting_id, now_ms);
  });
}

void Meetings::cancel(const Actor& actor, const std::string& meeting_id, const std::string& reason,
                      std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    const auto r = reach_meeting(conn, actor, meeting_id);
    require_manage(r);
    if (reason.empty()) throw Invalid(FieldErrors{{"reason", "Skriv hvorfor mødet aflyses"}});
    if (reason.size() > 500) throw Invalid(FieldErrors{{"reason", "Begrundelsen må højst være 500 tegn"}});
    if (m_config.cipher == nullptr) throw std::logic_error("Meetings::cancel needs the field cipher (--secret-key-file)");
    auto m = r.meeting;
    const bool was_proposed = m.status == "proposed";
    m.status = "cancelled";
    m.cancelled_at_ms = now_ms;
    m.cancel_reason = m_config.cipher->seal(reason);
    m.ical_sequence += 1;
    m.updated_at_ms = now_ms;
    storage::update_meeting(conn, m);
    auto participants = storage::meeting_participants(conn, actor.tenant, meeting_id);
    for (const auto& p : participants) {
      if (!p.response_token_hash.empty()) storage::set_participant_token(conn, actor.tenant, p.id, "");
    }
    audit::record(conn, actor, entry(audit::Action::change, r, "Mødet aflyst"), now_ms);
    // The reason is free text that may describe the child: it stays on the meeting, not
    // in the timeline.
    add_case_event(conn, actor, m.case_id, "meeting_cancelled", {{"meeting_id", m.id}}, now_ms);
    // Nobody holds a calendar entry of a proposed meeting: only the parents, who were asked
    // for a date, hear that it will not be held (their date links close).
    if (was_proposed) date_polls::withdraw(conn, m, participants, now_ms);
    else invitations::send(conn, m_config.public_base_url, m, participants, invitations::Kind::cancel, now_ms);
    obligations::recompute(conn, model_of_case(m_config, r.reached_case.record), actor.tenant, meeting_id, now_ms);
  });
}

void Meetings::inform_parents(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    const auto r = reach_meeting(conn, actor, meeting_id);
    if (!meetings_detail::may_manage(r)) throw Forbidden("Du kan ikke ændre dette møde");
    if (!r.meeting.without_parents) throw Conflict("Forældrene deltager i dette møde");
    if (r.meeting.parents_informed_at_ms) throw Conflict("Forældrene er allerede orienteret");
    auto m = r.meeting;
    m.parents_informed_at_ms = now_ms;
    m.updated_at_ms = now_ms;
    storage::update_meeting(conn, m);
    const std::string when = m.starts_at_ms ? invitations::danish_when(*m.starts_at_ms) : "";
    for (const auto& g : storage::guardianships_of_child(conn, actor.tenant, r.reached_case.record.child_id)) {
      if (!g.has_custody) continue;
      const auto user = storage::find_user_record(conn, actor.tenant, g.user_id);
      if (!user || user->email.empty() || user->disabled_at_ms) continue;
      mail_outbox::Mail mail;
      mail.to = {user->email};
      mail.subject = "Orientering om et møde mellem fagpersoner";
      mail.text = "Fagpersonerne omkring jeres barn holder et møde uden forældre " + when +
                  ", som I har givet samtykke til.\nI kan se mere i forældreportalen: " + m_config.public_base_url +
                  "/foraeldre\n\nVenlig hilsen\nSamspil\n";
      mail_outbox::enqueue(conn, actor.tenant, mail, now_ms);
    }
    audit::record(conn, actor, entry(audit::Action::change, r, "Forældre orienteret (FP6)"), now_ms);
    add_case_event(conn, actor, m.case_id, "parents_informed", {{"meeting_id", m.id}}, now_ms);
  });
}

void register_meeting_jobs(jobs::Worker& worker) {
  worker.register_handler(kMeetingReminderJob, [](storage::Connection& conn, const jobs::Job& job) {
    const auto payload = nlohmann::json::parse(job.payload, nullptr, false);
    if (!payload.is_object() || !job.tenant) return;
    const auto m = storage::find_meeting(conn, *job.tenant, payload.value("meeting_id", std::string()));
    // A moved (new sequence) or cancelled meeting has its own reminder or none.
    if (!m || m->status != "invited" || m->ical_sequence != payload.value("sequence", -1)) return;
    const auto participants = storage::meeting_participants(conn, *job.tenant, m->id);
    const std::string base = payload.value("base_url", std::string());
    std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    invitations::send(conn, base, *m, participants, invitations::Kind::reminder, now_ms);
  });
}

}  // namespace samspil::service
