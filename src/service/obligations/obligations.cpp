#include "service/obligations/obligations.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "domain/deadlines.hpp"
#include "domain/working_days.hpp"
#include "service/base/mail_outbox.hpp"
#include "storage/agenda_store.hpp"

namespace samspil::service::obligations {

std::string format_due_da(std::int64_t ms);  // obligations_text.cpp

namespace {

using nlohmann::json;

domain::Instant instant_of(std::int64_t ms) {
  return std::chrono::floor<std::chrono::seconds>(domain::Instant{} + std::chrono::milliseconds(ms));
}
std::int64_t ms_of(domain::Instant t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
// The sub-second part instant_of drops (domain instants are whole seconds). Added back to a
// due time so "7 days before the meeting" is exactly that, not up to 999 ms after it.
std::int64_t sub_second_of(std::int64_t ms) {
  return ms - ms_of(instant_of(ms));
}

// When the fact fulfilling an obligation of the presets happened; nullopt when it has not
// (or when no fact fulfils it: such obligations are done by hand).
// When the meeting fact the model names in `fulfilled_by` happened (nullopt: not yet, or
// the deadline names none). The agenda and the brief are sent together (Agendas::send_agenda).
std::optional<std::int64_t> fulfilled_at(const std::string& fulfilled_by, const storage::MeetingSubject& m) {
  if (fulfilled_by == "agenda_sent") return m.agenda_sent_at_ms;
  if (fulfilled_by == "agreement_sent") return m.agreement_sent_at_ms;
  if (fulfilled_by == "invitation_sent") return m.invitation_sent_at_ms;
  return std::nullopt;
}

void enqueue_job(storage::Connection& conn, const std::string& tenant, const std::string& id, std::int64_t due_ms,
                 const char* step, std::int64_t run_at_ms, std::int64_t now_ms) {
  const json payload{{"tenant", tenant}, {"id", id}, {"due_at", due_ms}, {"step", step}};
  jobs::enqueue(conn, jobs::NewJob{kJobKind, payload.dump(), tenant, run_at_ms, 8}, now_ms);
}

std::string meeting_link(const Settings& settings, const std::string& meeting_id) {
  return settings.public_base_url + "/moeder/" + meeting_id + "/dagsorden";
}

}  // namespace

void recompute(storage::Connection& conn, const domain::Model& model, const std::string& tenant,
               const std::string& meeting_id, std::int64_t now_ms, const Settings& settings) {
  const auto meeting = storage::find_meeting_subject(conn, tenant, meeting_id);
  if (!meeting) return;
  // Nothing is owed for a cancelled meeting: its open obligations leave the owners' lists
  // and the unit's compliance (done ones stay as history).
  if (meeting->status == "cancelled") {
    storage::delete_open_obligations(conn, tenant, meeting_id);
    return;
  }
  const domain::MeetingType* type = model.meeting_type(meeting->type_id);
  if (!type) return;
  domain::Facts facts;
  if (meeting->starts_at_ms) facts.emplace(std::string(domain::k_anchor_meeting_start), instant_of(*meeting->starts_at_ms));
  if (meeting->ends_at_ms) facts.emplace(std::string(domain::k_anchor_meeting_end), instant_of(*meeting->ends_at_ms));
  if (meeting->invitation_sent_at_ms) {
    facts.emplace(std::string(domain::k_anchor_invitation_sent), instant_of(*meeting->invitation_sent_at_ms));
  }
  if (meeting->case_closed_at_ms) facts.emplace(std::string(domain::k_anchor_case_closed), instant_of(*meeting->case_closed_at_ms));

  // Milliseconds below the second of each anchor (meeting_end, when derived from the start
  // by the domain, inherits the start's).
  std::map<std::string, std::int64_t, std::less<>> sub_seconds;
  if (meeting->starts_at_ms) {
    sub_seconds[std::string(domain::k_anchor_meeting_start)] = sub_second_of(*meeting->starts_at_ms);
    sub_seconds[std::string(domain::k_anchor_meeting_end)] = sub_second_of(*meeting->starts_at_ms);
  }
  if (meeting->ends_at_ms) sub_seconds[std::string(domain::k_anchor_meeting_end)] = sub_second_of(*meeting->ends_at_ms);
  if (meeting->invitation_sent_at_ms) {
    sub_seconds[std::string(domain::k_anchor_invitation_sent)] = sub_second_of(*meeting->invitation_sent_at_ms);
  }
  if (meeting->case_closed_at_ms) {
    sub_seconds[std::string(domain::k_anchor_case_closed)] = sub_second_of(*meeting->case_closed_at_ms);
  }

  std::map<std::pair<std::string, std::string>, std::optional<std::int64_t>> before;
  for (const auto& o : storage::obligations_of_meeting(conn, tenant, meeting_id)) {
    before[{o.obligation_id, o.participant_id}] = o.due_at_ms;
  }
  const auto people = storage::meeting_people(conn, tenant, meeting_id);
  const auto roles = storage::meeting_role_users(conn, tenant, meeting_id);

  auto store = [&](const domain::Obligation& ob, const std::string& participant_id, const std::string& owner,
                   std::optional<std::int64_t> done) {
    storage::ObligationRecord rec;
    rec.tenant = tenant;
    rec.meeting_id = meeting_id;
    rec.case_id = meeting->case_id;
    rec.unit_id = meeting->unit_id;
    rec.obligation_id = ob.id;
    rec.participant_id = participant_id;
    rec.rule = ob.rule;
    rec.anchor = ob.anchor;
    rec.owner_role = ob.owner_role;
    rec.owner_id = owner;
    if (ob.due) {
      // The domain keeps the anchor's clock time to the second; keep its milliseconds too.
      std::int64_t extra = 0;
      if (auto it = sub_seconds.find(ob.anchor); it != sub_seconds.end()) extra = it->second;
      rec.due_at_ms = ms_of(*ob.due) + extra;
    }
    rec.closed_day = ob.lands_on_closed_day();
    rec.created_at_ms = now_ms;
    rec.updated_at_ms = now_ms;
    const std::string id = storage::upsert_obligation(conn, rec);
    if (done) storage::set_obligation_done(conn, tenant, id, *done);
    const auto old = before.find({ob.id, participant_id});
    const bool changed = old == before.end() || old->second != rec.due_at_ms;
    if (rec.due_at_ms && !done && changed) {
      const domain::Instant remind =
          domain::due_time(*ob.due, -settings.remind_working_days, domain::DayUnit::working_days, model.closing_days);
      enqueue_job(conn, tenant, id, *rec.due_at_ms, "remind", std::max(ms_of(remind), now_ms), now_ms);
    }
  };

  for (const domain::Obligation& ob : domain::compute_deadlines(model, *type, facts)) {
    if (ob.owner_role == "invitee") {
      // One per invited professional: each answers for themselves (R4: accept within 10 working days).
      for (const auto& p : people) {
        if (p.kind != "professional" || p.user_id.empty()) continue;
        std::optional<std::int64_t> done;
        if (ob.fulfilled_by == "response" && p.response != "pending") done = p.responded_at_ms.value_or(now_ms);
        store(ob, p.participant_id, p.user_id, done);
      }
      continue;
    }
    // The holder of the role; until roles are assigned, the convener answers for it.
    std::string owner = meeting->convened_by;
    if (auto it = roles.find(ob.owner_role); it != roles.end() && !it->second.empty()) owner = it->second;
    store(ob, "", owner, fulfilled_at(ob.fulfilled_by, *meeting));
  }
}

std::vector<ObligationView> of_meeting(storage::Connection& conn, const std::string& tenant,
                                       const std::string& meeting_id, std::int64_t now_ms) {
  std::vector<ObligationView> out;
  for (const auto& o : storage::obligations_of_meeting(conn, tenant, meeting_id)) {
    ObligationView v;
    v.id = o.id;
    v.meeting_id = o.meeting_id;
    v.case_id = o.case_id;
    v.obligation_id = o.obligation_id;
    v.label = label_of(o.obligation_id);
    v.rule = o.rule;
    v.owner_role = o.owner_role;
    v.owner_id = o.owner_id;
    if (!o.owner_id.empty()) {
      if (auto c = storage::user_contact(conn, tenant, o.owner_id)) v.owner_name = c->display_name;
    }
    v.due_at_ms = o.due_at_ms;
    v.anchor = o.anchor;
    v.closed_day = o.closed_day;
    v.done_at_ms = o.done_at_ms;
    v.reminded_at_ms = o.reminded_at_ms;
    v.missed_at_ms = o.missed_at_ms;
    if (o.done_at_ms) v.status = "done";
    else if (!o.due_at_ms) v.status = "unknown";
    else if (o.missed_at_ms || *o.due_at_ms < now_ms) v.status = "missed";
    else v.status = "open";
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<ObligationView> obligations_of_user(storage::Connection& conn, const Actor& actor, std::int64_t now_ms,
                                                int limit) {
  std::vector<ObligationView> out;
  for (const auto& o : storage::open_obligations_of_owner(conn, actor.tenant, actor.user_id, limit)) {
    ObligationView v;
    v.id = o.id;
    v.meeting_id = o.meeting_id;
    v.case_id = o.case_id;
    v.obligation_id = o.obligation_id;
    v.label = label_of(o.obligation_id);
    v.rule = o.rule;
    v.owner_role = o.owner_role;
    v.owner_id = o.owner_id;
    v.owner_name = actor.display_name;
    v.due_at_ms = o.due_at_ms;
    v.anchor = o.anchor;
    v.closed_day = o.closed_day;
    v.reminded_at_ms = o.reminded_at_ms;
    v.missed_at_ms = o.missed_at_ms;
    v.status = !o.due_at_ms ? "unknown" : (o.missed_at_ms || *o.due_at_ms < now_ms) ? "missed" : "open";
    out.push_back(std::move(v));
  }
  return out;
}

Compliance compliance_of_unit(storage::Connection& conn, const std::string& tenant, const std::string& unit_id,
                              std::int64_t from_ms, std::int64_t to_ms, std::int64_t now_ms) {
  const auto c = storage::unit_compliance(conn, tenant, unit_id, from_ms, to_ms, now_ms);
  return Compliance{c.met, c.late, c.missed, c.open};
}

void run_reminder(storage::Connection& conn, const std::string& payload, const Settings& settings,
                  std::int64_t now_ms) {
  const json p = json::parse(payload);
  const std::string tenant = p.at("tenant").get<std::string>();
  const std::string id = p.at("id").get<std::string>();
  const std::int64_t due = p.at("due_at").get<std::int64_t>();
  const std::string step = p.at("step").get<std::string>();
  const auto o = storage::find_obligation(conn, tenant, id);
  // Moved, done or gone since the job was enqueued: a newer job (if any) takes over.
  if (!o || o->done_at_ms || o->due_at_ms != due) return;
  const auto meeting = storage::find_meeting_subject(conn, tenant, o->meeting_id);
  if (!meeting || meeting->status == "cancelled") return;  // nothing is owed for a cancelled meeting
  const std::string label = label_of(o->obligation_id);
  const std::string link = meeting_link(settings, o->meeting_id);
  if (step == "remind" && now_ms < due) {
    if (!storage::set_obligation_reminded(conn, tenant, id, now_ms)) return;  // another run reminded
    if (!o->owner_id.empty()) {
      if (auto owner = storage::user_contact(conn, tenant, o->owner_id)) {
        mail_outbox::Mail mail;
        mail.to = {owner->email};
        mail.subject = "Påmindelse: " + label + " senest " + format_due_da(due);
        mail.text = "Hej " + owner->display_name + "\n\nDu har en opgave i forbindelse med et møde i Samspil: " + label +
                    ".\nFristen er " + format_due_da(due) + ".\n\nSe mødet: " + link + "\n";
        mail_outbox::enqueue(conn, tenant, mail, now_ms);
      }
    }
    enqueue_job(conn, tenant, id, due, "due", due, now_ms);
    return;
  }
  if (now_ms < due) {  // a due step that ran early (clock skew): try again at the due time
    enqueue_job(conn, tenant, id, due, "due", due, now_ms);
    return;
  }
  if (!storage::set_obligation_missed(conn, tenant, id, now_ms)) return;
  // Reported to the convener (and the owner, when someone else): visible in the overview too.
  std::vector<std::string> to;
  for (const std::string& user : {meeting->convened_by, o->owner_id}) {
    if (user.empty()) continue;
    if (auto c = storage::user_contact(conn, tenant, user)) {
      if (std::find(to.begin(), to.end(), c->email) == to.end()) to.push_back(c->email);
    }
  }
  if (to.empty()) return;
  mail_outbox::Mail mail;
  mail.to = to;
  mail.subject = "Frist overskredet: " + label;
  mail.text = "Fristen for \"" + label + "\" (" + format_due_da(due) +
              ") er overskredet, uden at opgaven er markeret som udført.\n\nSe mødet: " + link + "\n";
  mail_outbox::enqueue(conn, tenant, mail, now_ms);
}

void register_handler(jobs::Worker& worker, const Settings& settings, std::function<std::int64_t()> now_ms) {
  worker.register_handler(kJobKind, [settings, now_ms](storage::Connection& conn, const jobs::Job& job) {
    run_reminder(conn, job.payload, settings, now_ms());
  });
}

}  // namespace samspil::service::obligations
