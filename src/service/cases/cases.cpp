// Case use cases. Rules about which move is allowed live in the model and the engine
// (domain::check_move); this file only gathers the case's history, asks the engine, and
// writes change + audit + timeline in one transaction.
#include "service/cases/cases.hpp"

#include <algorithm>
#include <cstdio>

#include "crypto/random.hpp"
#include "domain/cpr.hpp"
#include "domain/preconditions.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/cases/case_access.hpp"
#include "service/cases/case_events.hpp"
#include "service/base/mail_outbox.hpp"
#include "service/consent/consents_in_force.hpp"
#include "service/organisation/settings.hpp"
#include "service/request_forms/request_forms.hpp"
#include "storage/child_store.hpp"
#include "storage/guardian_store.hpp"
#include "storage/unit_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service {
namespace {

using nlohmann::json;

constexpr std::int64_t kDayMs = 86'400'000;
constexpr const char* kClosedReadOnly =
    "Sagen er afsluttet og kan kun læses. Et nyt behov starter med et nyt møde (F9).";
constexpr std::size_t kMaxTitle = 120;
constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxText = 8000;

const domain::Model& model_of(const CasesConfig& config) { return *config.model; }

bool valid_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const std::chrono::year_month_day d{std::chrono::year{std::stoi(s.substr(0, 4))},
                                      std::chrono::month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
                                      std::chrono::day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
  return d.ok();
}

std::string iso(const std::chrono::year_month_day& d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buffer;
}

bool is_case_staff(const Actor& actor) {
  return actor.role == Role::professional || actor.role == Role::unit_leader || actor.role == Role::ppr_district_lead;
}

// A staff user of the tenant who can take part in a case (not a guardian, not disabled).
bool is_active_staff(storage::Connection& conn, const std::string& tenant, const std::string& user_id) {
  const auto user = storage::find_user_record(conn, tenant, user_id);
  if (!user || user->disabled_at_ms) return false;
  return user->role == "professional" || user->role == "unit_leader" || user->role == "ppr_district_lead";
}

std::string via_display_name(const domain::Model& model, const std::string& via) {
  if (via.empty()) return "";
  if (const auto* t = model.meeting_type(via)) return t->name;
  if (const auto* f = model.forum(via)) return f->name;
  for (const auto& e : model.case_machine.events) {
    if (e.id == via) return e.name;
  }
  return via;
}

domain::CaseHistory history_of(storage::Connection& conn, const CasesConfig& config, const storage::CaseRecord& c,
                               std::int64_t now_ms) {
  domain::CaseHistory h;
  h.state = c.state;
  h.consents = consents_in_force(conn, config, c.tenant, c.child_id, now_ms);
  h.tried_recorded = c.tried_recorded_at_ms.has_value();
  h.request_form = request_form_status(conn, c.tenant, c.id);  // R10: against the last held meeting
  // Meetings held are recorded by the meetings work; until they feed in here the engine
  // sees none, which only makes meeting preconditions stricter.
  return h;
}

std::string join_reasons(const std::vector<domain::Refusal>& refusals) {
  std::string out;
  for (const auto& r : refusals) out += (out.empty() ? "" : "; ") + r.reason;
  return out.empty() ? "Skiftet er ikke tilladt" : out;
}

CaseView build_view(storage::Connection& conn, const CasesConfig& config, const ReachedCase& reached,
                    std::int64_t now_ms) {
  const auto& model = model_of(config);
  CaseView view;
  view.record = reached.record;
  view.record.tried_encrypted.clear();
  view.relation = std::string(relation_code(reached.relation));
  view.state_name = state_name(model, reached.record.state);
  const auto* state = model.case_machine.state(reached.record.state);
  view.closed = state != nullptr && state->closed;
  const auto history = history_of(conn, config, reached.record, now_ms);
  view.consents_in_force.assign(history.consents.begin(), history.consents.end());
  if (reached.relation == CaseRelation::guardian) return view;
  if (!reached.record.tried_encrypted.empty()) {
    view.tried = config.cipher->open(reached.record.tried_encrypted).value_or("");
  }
  view.participants = storage::case_participants(conn, reached.record.tenant, reached.record.id);
  for (const auto& u : storage::all_units(conn, reached.record.tenant)) {
    if (u.kind == "ppr") view.ppr_units.emplace_back(u.id, u.name);
  }
  for (const auto* mv : domain::moves_from(model, reached.record.state)) {
    const auto check = domain::check_move(model, history, mv->to, mv->via);
    view.moves.push_back(MoveOption{mv->to, state_name(model, mv->to), mv->via, via_display_name(model, mv->via),
                                    check.allowed, check.allowed ? "" : join_reasons(check.refusals)});
  }
  return view;
}

audit::Entry entry(audit::Action action, const std::string& type, const std::string& id, const std::string& child_id,
                   const std::string& purpose) {
  return audit::Entry{action, type, id, child_id, purpose, ""};
}

// Validates the fields of a new child and returns its record (CPR sealed), or throws Invalid.
storage::ChildRecord new_child(storage::Connection& conn, const CasesConfig& config, const Actor& actor,
                               const RegisterConcern& in, FieldErrors& errors, std::string& cpr_warning,
                               std::int64_t now_ms) {
  storage::ChildRecord child;
  child.id = crypto::random_id();
  child.tenant = actor.tenant;
  child.first_name = in.first_name;
  child.last_name = in.last_name;
  child.group_name = in.group_name;
  child.unit_id = in.unit_id;
  child.created_at_ms = child.updated_at_ms = now_ms;
  if (in.first_name.empty() || in.first_name.size() > kMaxName) errors["first_name"] = "Skriv barnets fornavn";
  if (in.last_name.empty() || in.last_name.size() > kMaxName) errors["last_name"] = "Skriv barnets efternavn";
  if (in.unit_id.empty() || !actor.member_of(in.unit_id)) {
    errors["unit_id"] = "Vælg barnets dagtilbud eller skole blandt de enheder, du er tilknyttet";
  }
  if (!in.cpr.empty()) {
    const auto check = domain::check_cpr(in.cpr);
    if (!check.valid) {
      errors["cpr"] = check.error;
    } else {
      cpr_warning = check.warning;
      const std::string born = iso(*check.birth_date);
      if (!in.birth_date.empty() && in.birth_date != born) {
        errors["birth_date"] = "Fødselsdatoen passer ikke med CPR-nummeret";
      }
      child.birth_date = born;
      child.cpr_hash = config.cipher->keyed_hash(check.digits);
      child.cpr_encrypted = config.cipher->seal(check.digits);
      if (storage::find_child_by_cpr_hash(conn, actor.tenant, child.cpr_hash)) {
        errors["cpr"] = "Et barn med dette CPR-nummer er allerede registreret. Kontakt barnets leder";
      }
    }
  } else if (!valid_iso_date(in.birth_date)) {
    errors["birth_date"] = "Skriv barnets fødselsdato som ÅÅÅÅ-MM-DD, eller angiv CPR-nummeret";
  } else {
    child.birth_date = in.birth_date;
  }
  for (const auto& g : in.guardians) {
    const auto user = storage::find_user_record(conn, actor.tenant, g.user_id);
    if (!user || user->role != "guardian" ||
        (g.relation != "parent" && g.relation != "foster_parent" && g.relation != "other")) {
      errors["guardians"] = "Vælg forældre eller andre værger, der er oprettet i systemet";
    }
  }
  return child;
}

}  // namespace

std::string state_name(const domain::Model& model, const std::string& state_id) {
  const auto* s = model.case_machine.state(state_id);
  return s ? s->name : state_id;
}

RegisteredCase Cases::register_concern(const Actor& actor, const RegisterConcern& in, std::int64_t now_ms) {
  if (!is_case_staff(actor)) throw Forbidden("Kun fagpersoner kan registrere en bekymring");
  return m_db.transaction([&](storage::Connection& conn) {
    if (!in.idempotency_key.empty()) {
      if (auto done = storage::find_idempotency_key(conn, actor.tenant, actor.user_id, in.idempotency_key)) {
        const auto existing = storage::find_case(conn, actor.tenant, *done);
        return RegisteredCase{*done, existing ? existing->child_id : "", true, ""};
      }
    }
    FieldErrors errors;
    if (in.title.empty() || in.title.size() > kMaxTitle) {
      errors["title"] = "Skriv en kort overskrift for bekymringen (højst 120 tegn, uden CPR-nummer)";
    } else if (domain::check_cpr(in.title).valid) {
      errors["title"] = "Overskriften må ikke indeholde et CPR-nummer";
    }
    if (in.tried.size() > kMaxText) errors["tried"] = "Beskrivelsen er for lang (højst 8000 tegn)";
    RegisteredCase out;
    std::optional<storage::ChildRecord> created;
    std::string unit_id;
    if (in.child_id.empty()) {
      created = new_child(conn, m_config, actor, in, errors, out.cpr_warning, now_ms);
      unit_id = created->unit_id;
    } else {
      const auto child = reach_child(conn, actor, in.child_id);
      unit_id = child.unit_id;
      out.child_id = child.id;
    }
    if (!errors.empty()) throw Invalid(errors);

    if (created) {
      storage::insert_child(conn, *created);
      for (const auto& g : in.guardians) {
        storage::upsert_guardianship(conn, actor.tenant, {created->id, g.user_id, g.relation, g.has_custody, now_ms});
      }
      out.child_id = created->id;
      audit::record(conn, actor, entry(audit::Action::create, "child", created->id, created->id, "Registrering af bekymring"),
                    now_ms);
    }
    // A new case runs under the municipality's chosen model from now on (cases.model_id).
    const auto config = config_for_new_case(conn, m_config, actor.tenant);
    storage::CaseRecord c;
    c.id = crypto::random_id();
    c.tenant = actor.tenant;
    c.child_id = out.child_id;
    c.model_id = model_of(config).id;
    c.state = model_of(config).case_machine.initial;
    c.title = in.title;
    c.unit_id = unit_id;
    c.created_by = actor.user_id;
    if (!in.tried.empty()) {
      c.tried_encrypted = m_config.cipher->seal(in.tried);
      c.tried_recorded_at_ms = now_ms;
    }
    c.opened_at_ms = c.created_at_ms = c.updated_at_ms = now_ms;
    storage::insert_case(conn, c);
    storage::upsert_participant(conn, actor.tenant, {c.id, actor.user_id, "initiator", now_ms});
    add_case_event(conn, actor, c.id, "registered", json{{"state", c.state}}, now_ms);
    if (!in.tried.empty()) add_case_event(conn, actor, c.id, "tried_recorded", json::object(), now_ms);
    audit::record(conn, actor, entry(audit::Action::create, "case", c.id, c.child_id, "Registrering af bekymring"), now_ms);
    if (!in.idempotency_key.empty()) {
      storage::insert_idempotency_key(conn, actor.tenant, actor.user_id, in.idempotency_key, c.id, now_ms);
    }
    out.case_id = c.id;
    return out;
  });
}

void Cases::record_tried(const Actor& actor, const std::string& case_id, const std::string& text, std::int64_t now_ms) {
  if (text.empty() || text.size() > kMaxText) {
    throw Invalid(FieldErrors{{"tried", "Beskriv, hvad I har afprøvet (højst 8000 tegn)"}});
  }
  m_db.transaction([&](storage::Connection& conn) {
    auto reached = reach_case(conn, actor, case_id);
    if (!may_change_case(reached.relation)) throw Forbidden("Du kan ikke ændre denne sag");
    if (reached.record.closed_at_ms) throw Conflict(kClosedReadOnly);  // F9: closed cases are read-only
    reached.record.tried_encrypted = m_config.cipher->seal(text);
    reached.record.tried_recorded_at_ms = now_ms;
    reached.record.updated_at_ms = now_ms;
    storage::update_case(conn, reached.record);
    add_case_event(conn, actor, case_id, "tried_recorded", json::object(), now_ms);
    audit::record(conn, actor, entry(audit::Action::change, "case", case_id, reached.record.child_id, "Sagsbehandling"),
                  now_ms);
  });
}

CaseView Cases::move(const Actor& actor, const std::string& case_id, const MoveRequest& request, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    auto reached = reach_case(conn, actor, case_id);
    if (!may_change_case(reached.relation)) throw Forbidden("Du kan ikke ændre sagens forløb");
    // The case keeps the model it was opened under, whatever the municipality uses now.
    const auto config = config_for_case(conn, m_config, actor.tenant, reached.record.model_id);
    const auto& model = model_of(config);
    const auto* target = model.case_machine.state(request.to_state);
    const auto* from = model.case_machine.state(reached.record.state);
    FieldErrors errors;
    if (target == nullptr) errors["to_state"] = "Vælg en tilstand fra kommunens model";
    if (target != nullptr && target->closed && request.reason.empty()) {
      errors["reason"] = "Angiv en begrundelse for at afslutte sagen";
    }
    if (request.reason.size() > 1000) errors["reason"] = "Begrundelsen er for lang (højst 1000 tegn)";
    if (!request.ppr_unit_id.empty()) {
      const auto unit = storage::find_unit(conn, actor.tenant, request.ppr_unit_id);
      if (!unit || unit->kind != "ppr") errors["ppr_unit_id"] = "Vælg et PPR-distrikt";
    }
    if (!errors.empty()) throw Invalid(errors);
    const auto history = history_of(conn, config, reached.record, now_ms);
    const auto check = domain::check_move(model, history, request.to_state, request.via);
    if (!check.allowed) throw Conflict(join_reasons(check.refusals));

    auto& c = reached.record;
    const std::string from_state = c.state;
    const bool reopening = from != nullptr && from->closed && !target->closed;
    c.state = request.to_state;
    c.updated_at_ms = now_ms;
    if (!request.ppr_unit_id.empty()) {
      c.ppr_unit_id = request.ppr_unit_id;
      c.ppr_requested_at_ms = now_ms;
    }
    json detail{{"from", from_state}, {"to", c.state}, {"via", request.via}};
    if (!request.ppr_unit_id.empty()) detail["ppr_unit_id"] = request.ppr_unit_id;
    if (target->closed) {
      c.closed_at_ms = now_ms;
      c.close_reason = request.reason;
      c.retention_until_ms = now_ms + static_cast<std::int64_t>(config.retention_days) * kDayMs;
    } else if (reopening) {
      c.closed_at_ms.reset();
      c.close_reason.clear();
      c.retention_until_ms.reset();
    }
    storage::update_case(conn, c);
    add_case_event(conn, actor, case_id, target->closed ? "closed" : (reopening ? "reopened" : "moved"), detail, now_ms);
    audit::record(conn, actor, entry(audit::Action::change, "case", case_id, c.child_id, "Sagsbehandling"), now_ms);
    if (target->closed) {
      // The guardians are told that the course has ended (issue 5 item 7).
      for (const auto& g : storage::guardianships_of_child(conn, actor.tenant, c.child_id)) {
        mail_outbox::enqueue_to_user(conn, actor.tenant, g.user_id, "Forløbet om dit barn er afsluttet",
                                "Forløbet \"" + c.title + "\" er afsluttet. Log ind i Samspil for at se begrundelsen.",
                                now_ms);
      }
    }
    return build_view(conn, config, reached, now_ms);
  });
}

int Cases::retention_days(const std::string& tenant) {
  return m_db.transaction([&](storage::Connection& conn) { return retention_days_for(conn, m_config, tenant); });
}

void Cases::assign(const Actor& actor, const std::string& case_id, const std::string& user_id, std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    auto reached = reach_case(conn, actor, case_id);
    if (reached.relation == CaseRelation::guardian) throw Forbidden("Du kan ikke ændre sagens forløb");
    const bool may_assign = reached.relation == CaseRelation::district_queue ||
                            (actor.role == Role::ppr_district_lead && reached.relation != CaseRelation::none) ||
                            (!reached.record.child_unit_id.empty() && actor.leads(reached.record.child_unit_id));
    if (!may_assign) throw Forbidden("Kun PPR-distriktslederen eller barnets leder kan fordele sagen");
    if (reached.record.closed_at_ms) throw Conflict(kClosedReadOnly);  // F9: closed cases are read-only
    if (!is_active_staff(conn, actor.tenant, user_id)) throw Invalid(FieldErrors{{"user_id", "Vælg en medarbejder"}});
    reached.record.assigned_to = user_id;
    reached.record.updated_at_ms = now_ms;
    storage::update_case(conn, reached.record);
    storage::upsert_participant(conn, actor.tenant, {case_id, user_id, "ppr_staff", now_ms});
    add_case_event(conn, actor, case_id, "assigned", json{{"user_id", user_id}}, now_ms);
    audit::record(conn, actor, entry(audit::Action::change, "case", case_id, reached.record.child_id, "Fordeling af sag"),
                  now_ms);
    // P1: the assignee contacts the institution and agrees a start-up meeting.
    mail_outbox::enqueue_to_user(conn, actor.tenant, user_id, "Du har fået en sag i Samspil",
                            "Du er tildelt sagen \"" + reached.record.title +
                                "\". Kontakt institutionen og aftal et opstartsmøde.",
                            now_ms);
  });
}

void Cases::add_participant(const Actor& actor, const std::string& case_id, const std::string& user_id,
                            const std::string& role, std::int64_t now_ms) {
  const bool role_ok = !role.empty() && role.size() <= 40 &&
                       std::all_of(role.begin(), role.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; });
  if (!role_ok) throw Invalid(FieldErrors{{"role", "Vælg deltagerens rolle i sagen"}});
  m_db.transaction([&](storage::Connection& conn) {
    auto reached = reach_case(conn, actor, case_id);
    if (!may_change_case(reached.relation)) throw Forbidden("Du kan ikke ændre denne sag");
    if (reached.record.closed_at_ms) throw Conflict(kClosedReadOnly);  // F9: closed cases are read-only
    if (!is_active_staff(conn, actor.tenant, user_id)) throw Invalid(FieldErrors{{"user_id", "Vælg en medarbejder"}});
    storage::upsert_participant(conn, actor.tenant, {case_id, user_id, role, now_ms});
    add_case_event(conn, actor, case_id, "participant_added", json{{"user_id", user_id}, {"role", role}}, now_ms);
    audit::record(conn, actor, entry(audit::Action::change, "case", case_id, reached.record.child_id, "Sagsbehandling"),
                  now_ms);
  });
}

CaseView Cases::get(const Actor& actor, const std::string& case_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    const std::string purpose = reached.relation == CaseRelation::guardian ? "Forælders indsigt" : "Sagsbehandling";
    audit::record(conn, actor, entry(audit::Action::read, "case", case_id, reached.record.child_id, purpose), now_ms);
    return build_view(conn, config_for_case(conn, m_config, actor.tenant, reached.record.model_id), reached, now_ms);
  });
}

std::vector<storage::CaseRecord> Cases::list(const Actor& actor, const std::string& after, int limit,
                                             std::int64_t now_ms) {
  limit = std::clamp(limit, 1, 200);
  return m_db.transaction([&](storage::Connection& conn) {
    auto rows = storage::list_cases(conn, actor.tenant, case_list_scope(actor), after, limit);
    for (auto& r : rows) r.tried_encrypted.clear();
    audit::Entry e{audit::Action::search, "case", "", "", "Oversigt over egne sager", "mine sager"};
    audit::record(conn, actor, e, now_ms);
    return rows;
  });
}

std::vector<storage::CaseEventRow> Cases::timeline(const Actor& actor, const std::string& case_id,
                                                   const std::string& kind, const std::string& after, int limit,
                                                   std::int64_t now_ms) {
  limit = std::clamp(limit, 1, 200);
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    const bool guardian = reached.relation == CaseRelation::guardian;
    audit::record(conn, actor,
                  entry(audit::Action::read, "case_timeline", case_id, reached.record.child_id,
                        guardian ? "Forælders indsigt" : "Sagsbehandling"),
                  now_ms);
    std::vector<storage::CaseEventRow> out;
    if (guardian && !kind.empty() && !guardian_visible_event(kind)) return out;
    std::string cursor = after;
    // Guardians see only shared kinds: keep reading pages until this one is full.
    while (static_cast<int>(out.size()) < limit) {
      const auto page = storage::case_events(conn, actor.tenant, case_id, kind, cursor, limit);
      for (const auto& e : page) {
        if (guardian && !guardian_visible_event(e.kind)) continue;
        if (static_cast<int>(out.size()) < limit) out.push_back(e);
      }
      if (static_cast<int>(page.size()) < limit) break;
      cursor = page.back().id;
    }
    return out;
  });
}

}  // namespace samspil::service
