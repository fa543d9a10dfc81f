// R4.4 proposed dates (see date_polls.hpp).
#include "service/meetings/date_polls.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/base/mail_outbox.hpp"
#include "service/meetings/invitations.hpp"
#include "service/meetings/meetings_internal.hpp"
#include "service/obligations/obligations.hpp"
#include "storage/date_poll_store.hpp"
#include "storage/event_store.hpp"

namespace samspil::service {
namespace {

constexpr const char* kGone = "Linket er ugyldigt eller allerede brugt";

std::string type_name_of(const MeetingsConfig& config, const storage::MeetingRecord& m) {
  if (config.models != nullptr)
    if (const auto* model = config.models->find(m.model_id))
      if (const auto* type = model->meeting_type(m.type_id)) return type->name;
  return m.type_id;
}

DatePollView build(const MeetingsConfig& config, const storage::MeetingRecord& m,
                   const std::vector<storage::DateProposalRow>& rows) {
  DatePollView v;
  v.meeting_id = m.id;
  v.case_id = m.case_id;
  v.type_name = type_name_of(config, m);
  v.status = m.status;
  v.location = m.location;
  v.open = m.status == "proposed";
  for (const auto& r : rows) {
    v.proposals.push_back({r.id, r.starts_at_ms, r.ends_at_ms, r.chosen_at_ms.has_value()});
    if (r.chosen_at_ms && r.chosen_for_parents) v.chosen_for_parents = true;
  }
  return v;
}

// The invited custody holder's participant row, if the actor is one.
const storage::MeetingParticipantRow* guardian_row(const std::vector<storage::MeetingParticipantRow>& rows,
                                                   const Actor& actor) {
  for (const auto& p : rows)
    if (p.kind == "guardian" && !p.user_id.empty() && p.user_id == actor.user_id) return &p;
  return nullptr;
}

struct Chooser {
  std::string user_id;      // who picked ("" never: a link names its guardian)
  bool for_parents = false;
  std::string reason_sealed;
};

// Picks the proposal and turns the proposed meeting into an invited one: the time is set,
// the links are closed, the iCalendar REQUEST goes to everybody and the acceptance
// deadline and its reminder start (R4.4). In the caller's transaction.
storage::MeetingRecord finish(storage::Connection& conn, const MeetingsConfig& config, storage::MeetingRecord m,
                              const std::string& proposal_id, const Chooser& who, std::int64_t now_ms) {
  if (m.status != "proposed") throw Conflict("Tidspunktet for mødet er allerede valgt");
  const auto rows = storage::date_proposals(conn, m.tenant, m.id);
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.id == proposal_id; });
  if (it == rows.end()) throw Invalid(FieldErrors{{"proposal", "Vælg et af de foreslåede tidspunkter"}});
  if (it->starts_at_ms <= now_ms) throw Conflict("Tidspunktet er passeret. Vælg et andet, eller bed om nye forslag");
  storage::choose_date_proposal(conn, m.tenant, it->id, who.user_id, who.for_parents, who.reason_sealed, now_ms);
  storage::close_date_links(conn, m.tenant, m.id, now_ms);

  const domain::Model* model = config.models ? config.models->find(m.model_id) : nullptr;
  const domain::MeetingType* type = model ? model->meeting_type(m.type_id) : nullptr;
  if (type == nullptr) throw Conflict("Mødets type findes ikke i samarbejdsmodellen.");
  m.status = "invited";
  m.starts_at_ms = it->starts_at_ms;
  m.ends_at_ms = it->ends_at_ms;
  m.invitation_sent_at_ms = now_ms;
  m.acceptance_due_at_ms = meetings_detail::acceptance_due(*model, *type, now_ms, it->starts_at_ms);
  m.updated_at_ms = now_ms;
  storage::update_meeting(conn, m);
  const auto participants = storage::meeting_participants(conn, m.tenant, m.id);
  invitations::send(conn, config.public_base_url, m, participants, invitations::Kind::invite, now_ms);
  meetings_detail::schedule_reminder(conn, config.public_base_url, m, now_ms);
  obligations::Settings settings;
  settings.public_base_url = config.public_base_url;
  obligations::recompute(conn, *model, m.tenant, m.id, now_ms, settings);
  storage::append_case_event(conn, {crypto::random_id(), m.tenant, m.case_id, now_ms, who.user_id, "meeting_date_chosen",
                                    nlohmann::json{{"meeting_id", m.id},
                                                   {"starts_at", it->starts_at_ms},
                                                   {"for_parents", who.for_parents}}
                                        .dump()});
  return m;
}

storage::DateLinkRow open_link(storage::Connection& conn, const std::string& token) {
  if (token.empty() || token.size() > 200) throw NotFound(kGone);
  auto link = storage::find_date_link(conn, invitations::token_hash(token));
  if (!link || link->used_at_ms) throw NotFound(kGone);
  return *link;
}

}  // namespace

namespace date_polls {

bool parents_choose_date(const domain::MeetingType& type) {
  return type.booking.parents_choose_date;
}

std::string check_proposals(const std::vector<std::int64_t>& starts_ms, std::int64_t now_ms) {
  if (starts_ms.size() < 2 || starts_ms.size() > 4) return "Vælg 2–4 tidspunkter, som forældrene kan vælge imellem (R4)";
  for (std::size_t i = 0; i < starts_ms.size(); ++i) {
    if (starts_ms[i] <= now_ms) return "Vælg tidspunkter i fremtiden";
    for (std::size_t j = 0; j < i; ++j)
      if (starts_ms[j] == starts_ms[i]) return "Vælg forskellige tidspunkter";
  }
  return "";
}

void open(storage::Connection& conn, const std::string& public_base_url, const storage::MeetingRecord& meeting,
          const std::vector<storage::MeetingParticipantRow>& participants, const std::vector<std::int64_t>& starts_ms,
          int duration_minutes, std::int64_t now_ms) {
  auto sorted = starts_ms;
  std::sort(sorted.begin(), sorted.end());
  int position = 0;
  for (const auto start : sorted) {
    storage::DateProposalRow p;
    p.id = crypto::random_id();
    p.tenant = meeting.tenant;
    p.meeting_id = meeting.id;
    p.position = position++;
    p.starts_at_ms = start;
    p.ends_at_ms = start + std::int64_t{duration_minutes} * 60'000;
    p.created_at_ms = now_ms;
    storage::insert_date_proposal(conn, p);
  }
  // One mail per custody holder with only a link: no child name, no time list (the page
  // behind the link shows the times).
  for (const auto& p : participants) {
    if (p.kind != "guardian" || p.email.empty()) continue;
    const std::string token = crypto::random_token();
    storage::insert_date_link(conn, {invitations::token_hash(token), meeting.tenant, meeting.id, p.id, now_ms, {}});
    mail_outbox::Mail mail;
    mail.to = {p.email};
    mail.subject = "Vælg et tidspunkt til et møde";
    mail.text = "Hej\n\nVi vil gerne holde et møde med jer og har fundet nogle tidspunkter. "
                "Vælg det, der passer jer bedst:\n" +
                public_base_url + "/moeder/dato/" + token +
                "\n\nI kan også vælge, når I er logget ind i Samspil. Når I har valgt, "
                "får alle deltagere en invitation.\n";
    mail_outbox::enqueue(conn, meeting.tenant, mail, now_ms);
  }
}

void withdraw(storage::Connection& conn, const storage::MeetingRecord& meeting,
              const std::vector<storage::MeetingParticipantRow>& participants, std::int64_t now_ms) {
  storage::close_date_links(conn, meeting.tenant, meeting.id, now_ms);
  for (const auto& p : participants) {
    if (p.kind != "guardian" || p.email.empty()) continue;
    mail_outbox::Mail mail;
    mail.to = {p.email};
    mail.subject = "Mødet bliver ikke holdt";
    mail.text = "Hej\n\nVi bad jer tidligere vælge et tidspunkt til et møde. Mødet er aflyst, så I skal ikke "
                "vælge et tidspunkt. Linket i den tidligere mail virker ikke længere.\n\n"
                "I kan se mere, når I er logget ind i Samspil.\n";
    mail_outbox::enqueue(conn, meeting.tenant, mail, now_ms);
  }
}

}  // namespace date_polls

DatePollView DatePolls::view(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto r = reach_meeting(conn, actor, meeting_id);  // NotFound for outsiders
    const auto participants = storage::meeting_participants(conn, actor.tenant, meeting_id);
    const bool guardian = r.reached_case.relation == CaseRelation::guardian;
    if (guardian && guardian_row(participants, actor) == nullptr) throw NotFound("Mødet findes ikke");
    auto v = build(m_config, r.meeting, storage::date_proposals(conn, actor.tenant, meeting_id));
    v.may_choose = guardian && v.open;
    v.may_choose_for_parents = !guardian && v.open && meetings_detail::may_manage(r);
    audit::record(conn, actor,
                  audit::Entry{audit::Action::read, "meeting", meeting_id, r.reached_case.record.child_id,
                               guardian ? "Forældreportal" : "Sagsbehandling", ""},
                  now_ms);
    return v;
  });
}

void DatePolls::choose(const Actor& actor, const std::string& meeting_id, const std::string& proposal_id,
                       std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    const auto r = reach_meeting(conn, actor, meeting_id);
    const auto participants = storage::meeting_participants(conn, actor.tenant, meeting_id);
    if (r.reached_case.relation != CaseRelation::guardian)
      throw Forbidden("Kun forældrene vælger tidspunktet. Som indkalder kan du vælge på deres vegne med en begrundelse");
    // A custody holder who is not invited to this meeting sees it as absent, as in view().
    if (guardian_row(participants, actor) == nullptr) throw NotFound("Mødet findes ikke");
    finish(conn, m_config, r.meeting, proposal_id, Chooser{actor.user_id, false, ""}, now_ms);
    audit::record(conn, actor,
                  audit::Entry{audit::Action::change, "meeting", meeting_id, r.reached_case.record.child_id,
                               "Forældrene valgte mødetidspunkt", ""},
                  now_ms);
  });
}

void DatePolls::choose_for_parents(const Actor& actor, const std::string& meeting_id, const std::string& proposal_id,
                                   const std::string& reason, std::int64_t now_ms) {
  std::string why = reason;
  why.erase(0, why.find_first_not_of(" \t\r\n"));
  why.erase(why.find_last_not_of(" \t\r\n") + 1);
  m_db.transaction([&](storage::Connection& conn) {
    const auto r = reach_meeting(conn, actor, meeting_id);
    if (r.reached_case.relation == CaseRelation::guardian || !meetings_detail::may_manage(r))
      throw Forbidden("Du kan ikke ændre dette møde");
    FieldErrors errors;
    if (why.empty()) errors["reason"] = "Skriv hvorfor du vælger på forældrenes vegne";
    else if (why.size() > 2000) errors["reason"] = "Begrundelsen må højst være 2000 tegn";
    if (proposal_id.empty()) errors["proposal"] = "Vælg et af de foreslåede tidspunkter";
    if (!errors.empty()) throw Invalid(errors);
    if (m_config.cipher == nullptr) throw Conflict("Begrundelsen kan ikke gemmes uden nøgle til kryptering");
    finish(conn, m_config, r.meeting, proposal_id, Chooser{actor.user_id, true, m_config.cipher->seal(why)}, now_ms);
    audit::record(conn, actor,
                  audit::Entry{audit::Action::change, "meeting", meeting_id, r.reached_case.record.child_id,
                               "Mødetidspunkt valgt på forældrenes vegne", ""},
                  now_ms);
  });
}

DatePollView DatePolls::view_by_token(const std::string& token, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto link = open_link(conn, token);
    const auto m = storage::find_meeting(conn, link.tenant, link.meeting_id);
    if (!m || m->status != "proposed") throw NotFound(kGone);
    auto v = build(m_config, *m, storage::date_proposals(conn, link.tenant, link.meeting_id));
    v.may_choose = true;
    audit::record_system(conn, link.tenant, "anonymous", "",
                         audit::Entry{audit::Action::read, "meeting", m->id, "", "Forslag til mødetidspunkt via link", ""},
                         "", now_ms);
    return v;
  });
}

DatePollView DatePolls::choose_by_token(const std::string& token, const std::string& proposal_id,
                                        std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto link = open_link(conn, token);
    const auto m = storage::find_meeting(conn, link.tenant, link.meeting_id);
    if (!m || m->status != "proposed") throw NotFound(kGone);
    const auto p = storage::find_meeting_participant(conn, link.tenant, link.participant_id);
    if (!p || p->user_id.empty()) throw NotFound(kGone);
    const auto done = finish(conn, m_config, *m, proposal_id, Chooser{p->user_id, false, ""}, now_ms);
    audit::record_system(conn, link.tenant, "guardian", p->user_id,
                         audit::Entry{audit::Action::change, "meeting", m->id, "", "Forældrene valgte mødetidspunkt via link", ""},
                         "", now_ms);
    auto v = build(m_config, done, storage::date_proposals(conn, link.tenant, link.meeting_id));
    return v;
  });
}

}  // namespace samspil::service
