// Triage decisions. Which move a decision makes is the model's (case.triage names the
// forum/event, domain::check_move decides); this file checks who decides, validates, and
// writes decision + case + task + timeline + audit + mail in one transaction.
#include "service/triage/triage.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "domain/calendar.hpp"
#include "domain/preconditions.hpp"
#include "domain/working_days.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/cases/case_access.hpp"
#include "service/cases/case_events.hpp"
#include "service/base/mail_outbox.hpp"
#include "service/consent/consents_in_force.hpp"
#include "service/tasks/tasks.hpp"
#include "storage/case_store.hpp"
#include "storage/unit_store.hpp"

namespace samspil::service {
namespace {

using nlohmann::json;

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::size_t kMaxReason = 2000;
constexpr int kQueueLimit = 500;

const domain::Model& model_for(const TriageConfig& config, const std::string& model_id) {
  const domain::Model* model = config.models != nullptr ? config.models->find(model_id) : nullptr;
  if (model == nullptr) throw Conflict("Sagens samarbejdsmodel er ikke indlæst");
  return *model;
}

// Where an "assign" decision takes a case of this model, if anywhere.
std::string assigned_state(const domain::Model& model, const std::string& from_state) {
  const std::string via = decision_via(model, kAssign);
  if (via.empty()) return "";
  for (const auto* mv : domain::moves_from(model, from_state)) {
    if (mv->via == via) return mv->to;
  }
  return "";
}

// Working days for contacting the institution: the model's deadline "triage_contact" on the
// district forum when it has one, else the documented default.
int contact_working_days(const domain::Model& model) {
  if (const auto* forum = model.forum(decision_via(model, kAssign))) {
    for (const auto& d : forum->deadlines) {
      if (d.id == "triage_contact" && d.unit == domain::DayUnit::working_days && d.offset > 0) return d.offset;
    }
  }
  return kDefaultContactWorkingDays;
}

// The due time: the end of the working day (16:00 Copenhagen) N working days after today.
std::int64_t contact_due_ms(const domain::Model& model, std::int64_t now_ms) {
  const domain::Instant now{std::chrono::seconds{now_ms / 1000}};
  const auto due_day = domain::add_working_days(domain::local_date(now), contact_working_days(model), model.closing_days);
  const auto due = domain::to_utc(domain::local_at(due_day, 16 * 60));
  return std::chrono::duration_cast<std::chrono::milliseconds>(due.time_since_epoch()).count();
}

std::string link(const TriageConfig& config, const std::string& path) { return config.public_base_url + path; }

bool in_districts(const Actor& actor, const std::string& unit_id) {
  return actor.role == Role::ppr_district_lead && !unit_id.empty() && actor.member_of(unit_id);
}

}  // namespace

std::string decision_via(const domain::Model& model, const std::string& decision) {
  return model.case_machine.triage_via(decision);
}

std::string decision_label(const std::string& decision) {
  if (decision == kAssign) return "Fordelt til en PPR-medarbejder";
  if (decision == kMoreInfo) return "PPR beder om flere oplysninger";
  if (decision == kRedirectKv) return "Henvist til konsultativ vejledning";
  if (decision == kDecline) return "Afvist";
  return decision;
}

std::string startup_meeting_type(const domain::Model& model, const std::string& assigned) {
  if (assigned.empty()) return "";
  for (const auto* mv : domain::moves_from(model, assigned)) {
    if (model.meeting_type(mv->via) != nullptr) return mv->via;
  }
  return "";
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

Board Triage::board(const Actor& actor, std::int64_t now_ms) {
  if (actor.role != Role::ppr_district_lead) throw Forbidden("Kun PPR-distriktsledere har en visitationstavle");
  return m_db.transaction([&](storage::Connection& conn) {
    std::vector<std::string> districts;
    Board board;
    for (const auto& id : actor.unit_ids) {
      const auto unit = storage::find_unit(conn, actor.tenant, id);
      if (!unit || unit->kind != "ppr") continue;
      districts.push_back(id);
      board.districts.push_back(DistrictStats{id, unit->name, 0, std::nullopt, 0, std::nullopt});
    }
    std::map<std::string, std::vector<storage::StaffMember>> staff;
    for (auto& item : storage::triage_queue(conn, actor.tenant, districts, kQueueLimit)) {
      if (!staff.count(item.ppr_unit_id)) staff[item.ppr_unit_id] = storage::staff_of_unit(conn, actor.tenant, item.ppr_unit_id);
      QueueEntry e;
      e.waiting_days = std::max<std::int64_t>(0, (now_ms - item.requested_at_ms) / kDayMs);
      e.staff = staff[item.ppr_unit_id];
      e.item = std::move(item);
      board.queue.push_back(std::move(e));
    }
    // Medians per district; the start-up type is the model's, taken from the default model
    // (all cases of a district normally run under the municipality's model).
    const domain::Model* model = m_config.models != nullptr ? m_config.models->default_model() : nullptr;
    std::string startup;
    if (model != nullptr) {
      for (const auto& s : model->case_machine.states) {
        if (!(startup = startup_meeting_type(*model, assigned_state(*model, s.id))).empty()) break;
      }
    }
    const auto facts = storage::waiting_facts(conn, actor.tenant, districts, startup);
    for (auto& d : board.districts) {
      std::vector<double> decision_days, startup_days;
      for (const auto& f : facts) {
        if (f.ppr_unit_id != d.unit_id) continue;
        decision_days.push_back(static_cast<double>(f.waited_ms) / kDayMs);
        if (f.first_meeting_at_ms) {
          startup_days.push_back(static_cast<double>(*f.first_meeting_at_ms - f.requested_at_ms) / kDayMs);
        }
      }
      d.decided = static_cast<int>(decision_days.size());
      d.started = static_cast<int>(startup_days.size());
      d.median_decision_days = median(decision_days);
      d.median_startup_days = median(startup_days);
    }
    audit::record(conn, actor, audit::Entry{audit::Action::search, "case", "", "", "Visitation på distriktsmødet",
                                            "henvendelser i distriktets kø"},
                  now_ms);
    return board;
  });
}

DecisionResult Triage::decide(const Actor& actor, const std::string& case_id, const DecisionInput& input,
                              std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    auto reached = reach_case(conn, actor, case_id);
    auto& c = reached.record;
    // Only a lead of the district the request was sent to decides; others do not learn it exists.
    if (!in_districts(actor, c.ppr_unit_id) || !c.ppr_requested_at_ms) throw NotFound("Henvendelsen findes ikke");
    if (c.closed_at_ms || storage::request_decided(conn, actor.tenant, case_id, *c.ppr_requested_at_ms)) {
      throw Conflict("Henvendelsen er allerede behandlet");
    }
    const domain::Model& model = model_for(m_config, c.model_id);
    FieldErrors errors;
    const std::string via = decision_via(model, input.decision);
    if (via.empty()) errors["decision"] = "Vælg en beslutning";
    if (input.decision == kAssign) {
      const auto staff = storage::staff_of_unit(conn, actor.tenant, c.ppr_unit_id);
      const bool ok = std::any_of(staff.begin(), staff.end(), [&](const auto& s) { return s.user_id == input.assignee_id; });
      if (!ok) errors["assignee_id"] = "Vælg en PPR-medarbejder fra distriktet";
    }
    if (input.decision == kMoreInfo && input.reason.empty()) {
      errors["reason"] = "Skriv, hvilke oplysninger PPR mangler";
    }
    if (input.decision == kDecline && input.reason.empty()) errors["reason"] = "Angiv en begrundelse for afvisningen";
    if (input.reason.size() > kMaxReason) errors["reason"] = "Begrundelsen er for lang (højst 2000 tegn)";
    if (!errors.empty()) throw Invalid(errors);

    std::string target;
    for (const auto* mv : domain::moves_from(model, c.state)) {
      if (mv->via == via) target = mv->to;
    }
    if (target.empty()) throw Conflict("Sagens model tillader ikke denne beslutning i sagens nuværende tilstand (P1)");
    CasesConfig cases_config;
    cases_config.model = &model;
    cases_config.cipher = m_config.cipher;
    domain::CaseHistory history;
    history.state = c.state;
    history.consents = consents_in_force(conn, cases_config, c.tenant, c.child_id, now_ms);
    history.tried_recorded = c.tried_recorded_at_ms.has_value();
    const auto check = domain::check_move(model, history, target, via);
    if (!check.allowed) {
      std::string reasons;
      for (const auto& r : check.refusals) reasons += (reasons.empty() ? "" : "; ") + r.reason;
      throw Conflict(reasons.empty() ? "Skiftet er ikke tilladt" : reasons);
    }

    DecisionResult result;
    result.decision_id = crypto::random_id();
    result.new_state = target;
    const std::string from_state = c.state;
    const std::int64_t requested_at = *c.ppr_requested_at_ms;
    c.state = target;
    c.updated_at_ms = now_ms;
    if (input.decision == kAssign) {
      c.assigned_to = input.assignee_id;
      storage::upsert_participant(conn, actor.tenant, {case_id, input.assignee_id, "ppr_staff", now_ms});
      storage::TaskRow task;
      task.tenant = actor.tenant;
      task.owner_id = input.assignee_id;
      task.case_id = case_id;
      task.kind = "triage_contact";
      task.source_id = result.decision_id;
      task.label = "Kontakt institutionen";
      task.title_encrypted = "Kontakt institutionen og aftal opstartsmøde";  // sealed by add_task
      task.due_at_ms = contact_due_ms(model, now_ms);
      task.created_by = actor.user_id;
      task.created_at_ms = now_ms;
      result.task_due_ms = task.due_at_ms;
      result.task_id = add_task(conn, m_config.cipher, task);
    }
    storage::update_case(conn, c);
    storage::TriageDecisionRow row;
    row.id = result.decision_id;
    row.tenant = actor.tenant;
    row.case_id = case_id;
    row.ppr_unit_id = c.ppr_unit_id;
    row.decision = input.decision;
    row.decided_by = actor.user_id;
    row.decided_at_ms = now_ms;
    row.requested_at_ms = requested_at;
    row.waited_ms = now_ms - requested_at;
    row.assignee_id = input.decision == kAssign ? input.assignee_id : "";
    row.reason_encrypted = input.reason.empty() ? "" : m_config.cipher->seal(input.reason);
    row.task_id = result.task_id;
    row.created_at_ms = now_ms;
    storage::insert_triage_decision(conn, row);

    json detail{{"decision", input.decision}, {"from", from_state}, {"to", target}, {"via", via},
                {"ppr_unit_id", c.ppr_unit_id}, {"decision_id", result.decision_id}};
    if (input.decision == kAssign) detail["user_id"] = input.assignee_id;
    add_case_event(conn, actor, case_id, "triage_decision", detail, now_ms);
    audit::record(conn, actor,
                  audit::Entry{audit::Action::change, "case", case_id, c.child_id, "Visitation på distriktsmødet", ""},
                  now_ms);
    // Mails carry no child data: what was decided and a link to the case.
    mail_outbox::enqueue_to_user(conn, actor.tenant, c.created_by, "PPR har behandlet jeres henvendelse",
                            "Distriktsmødet har behandlet jeres henvendelse til PPR: " + decision_label(input.decision) +
                                ".\n\nSe beslutningen og eventuel begrundelse i Samspil:\n" +
                                link(m_config, "/sager/" + case_id),
                            now_ms);
    if (input.decision == kAssign) {
      mail_outbox::enqueue_to_user(conn, actor.tenant, input.assignee_id, "Ny opgave i Samspil: kontakt institutionen",
                              "Du er udpeget til en ny sag på distriktsmødet. Kontakt institutionen og aftal et "
                              "opstartsmøde.\n\nSe sagen i Samspil:\n" + link(m_config, "/sager/" + case_id),
                              now_ms);
    }
    return result;
  });
}

CaseWaiting Triage::waiting(const Actor& actor, const std::string& case_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    const auto& c = reached.record;
    const bool guardian = reached.relation == CaseRelation::guardian;
    audit::record(conn, actor,
                  audit::Entry{audit::Action::read, "case_triage", case_id, c.child_id,
                               guardian ? "Forælders indsigt" : "Sagsbehandling", ""},
                  now_ms);
    CaseWaiting w;
    w.requested_at_ms = c.ppr_requested_at_ms;
    w.decisions = storage::decisions_of_case(conn, actor.tenant, case_id);
    for (auto& d : w.decisions) {
      const std::string sealed = std::move(d.reason_encrypted);
      d.reason_encrypted = (!guardian && !sealed.empty() && m_config.cipher != nullptr)
                               ? m_config.cipher->open(sealed).value_or("")
                               : "";
    }
    if (!w.decisions.empty()) {
      const auto& last = w.decisions.back();
      w.requested_at_ms = last.requested_at_ms;
      w.decided_at_ms = last.decided_at_ms;
      w.decision_wait_ms = last.waited_ms;
    }
    const domain::Model* model = m_config.models != nullptr ? m_config.models->find(c.model_id) : nullptr;
    if (model != nullptr && w.requested_at_ms) {
      std::string startup;
      for (const auto& s : model->case_machine.states) {
        if (!(startup = startup_meeting_type(*model, assigned_state(*model, s.id))).empty()) break;
      }
      if (!startup.empty()) {
        if (const auto* t = model->meeting_type(startup)) w.startup_type_name = t->name;
        w.startup_at_ms = storage::first_meeting_of_type(conn, actor.tenant, case_id, startup, *w.requested_at_ms);
        if (w.startup_at_ms) w.startup_wait_ms = *w.startup_at_ms - *w.requested_at_ms;
      }
    }
    return w;
  });
}

}  // namespace samspil::service
