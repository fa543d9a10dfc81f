// Consent use cases. Whether a scope is in force is decided in domain/consent; here we
// check who may record what, and write consent + audit + timeline + mails in one transaction.
#include "service/consents.hpp"

#include <set>

#include "crypto/random.hpp"
#include "domain/consent.hpp"
#include "service/audit.hpp"
#include "service/case_access.hpp"
#include "service/cases_internal.hpp"
#include "service/errors.hpp"
#include "storage/case_store.hpp"
#include "storage/guardian_store.hpp"

namespace samspil::service {
namespace {

using nlohmann::json;

const char* kConsentNotFound = "Samtykket findes ikke, eller du har ikke adgang til det";

ConsentView view_of(const CasesConfig& config, const storage::ConsentRow& row, std::int64_t now_ms) {
  const auto* scope = domain::find_consent_scope(*config.model, row.scope);
  const domain::ConsentRecord record{row.guardian_id, row.scope, row.given_at_ms, row.expires_at_ms, row.withdrawn_at_ms};
  return ConsentView{row, scope ? scope->name : row.scope, domain::record_in_force(record, now_ms)};
}

std::string purpose_for(const Actor& actor) {
  return actor.role == Role::guardian ? "Forælders samtykke" : "Sagsbehandling (samtykke)";
}

// The child's cases that are still open (their state is not a closed one).
std::vector<storage::CaseRecord> open_cases(storage::Connection& conn, const CasesConfig& config,
                                            const std::string& tenant, const std::string& child_id) {
  std::vector<storage::CaseRecord> out;
  for (auto& c : storage::cases_of_child(conn, tenant, child_id)) {
    const auto* state = config.model->case_machine.state(c.state);
    if (state == nullptr || !state->closed) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::string Consents::give(const Actor& actor, const GiveConsent& in, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    if (!in.idempotency_key.empty()) {
      if (auto done = storage::find_idempotency_key(conn, actor.tenant, actor.user_id, in.idempotency_key)) return *done;
    }
    const auto child = reach_child(conn, actor, in.child_id);
    FieldErrors errors;
    const auto* scope = domain::find_consent_scope(*m_config.model, in.scope);
    if (scope == nullptr) errors["scope"] = "Vælg, hvad samtykket omfatter";
    if (in.purpose.empty() || in.purpose.size() > 1000) errors["purpose"] = "Skriv formålet med samtykket";
    if (in.parties.empty() || in.parties.size() > 1000) errors["parties"] = "Skriv, hvem der må dele oplysninger og mødes";
    if (in.expires_at_ms && *in.expires_at_ms <= now_ms) errors["expires_at"] = "Udløbsdatoen skal ligge i fremtiden";
    const auto links = storage::guardianships_of_child(conn, actor.tenant, child.id);
    const storage::Guardianship* link = nullptr;
    for (const auto& g : links) {
      if (g.user_id == in.guardian_id) link = &g;
    }
    if (actor.role == Role::guardian) {
      // A guardian gives consent for themself, in the portal.
      if (in.guardian_id != actor.user_id) errors["guardian_id"] = "Du kan kun give samtykke på egne vegne";
      if (in.source != "portal") errors["source"] = "Samtykke fra forældre gives i portalen";
    } else if (in.source != "paper") {
      errors["source"] = "Fagpersoner kan kun registrere samtykke givet på papir";
    }
    if (link == nullptr) {
      errors["guardian_id"] = "Vælg en af barnets forældremyndighedsindehavere";
    } else if (!link->has_custody) {
      errors["guardian_id"] = "Kun forældremyndighedsindehavere kan give samtykke";
    }
    if (in.source == "portal" && !in.scan_attachment_id.empty()) errors["scan_attachment_id"] = "Kun samtykke på papir har en scanning";
    if (!errors.empty()) throw Invalid(errors);

    storage::ConsentRow row;
    row.id = crypto::random_id();
    row.tenant = actor.tenant;
    row.child_id = child.id;
    row.guardian_id = in.guardian_id;
    row.scope = in.scope;
    row.purpose = in.purpose;
    row.parties = in.parties;
    row.given_at_ms = now_ms;
    row.source = in.source;
    row.scan_attachment_id = in.scan_attachment_id;
    row.expires_at_ms = in.expires_at_ms;
    row.recorded_by = actor.user_id;
    row.created_at_ms = now_ms;
    storage::insert_consent(conn, row);
    for (const auto& c : open_cases(conn, m_config, actor.tenant, child.id)) {
      cases_detail::add_event(conn, actor, c.id, "consent_given", json{{"consent_id", row.id}, {"scope", row.scope}},
                              now_ms);
    }
    audit::record(conn, actor, audit::Entry{audit::Action::create, "consent", row.id, child.id, purpose_for(actor), ""},
                  now_ms);
    if (!in.idempotency_key.empty()) {
      storage::insert_idempotency_key(conn, actor.tenant, actor.user_id, in.idempotency_key, row.id, now_ms);
    }
    return row.id;
  });
}

void Consents::withdraw(const Actor& actor, const std::string& consent_id, std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    const auto row = storage::find_consent(conn, actor.tenant, consent_id);
    if (!row) throw NotFound(kConsentNotFound);
    try {
      reach_child(conn, actor, row->child_id);
    } catch (const NotFound&) {
      throw NotFound(kConsentNotFound);
    }
    // A guardian withdraws their own consent; staff record a withdrawal they were given.
    if (actor.role == Role::guardian && row->guardian_id != actor.user_id) {
      throw Forbidden("Du kan kun trække dit eget samtykke tilbage");
    }
    if (!storage::withdraw_consent(conn, actor.tenant, consent_id, now_ms)) {
      throw Conflict("Samtykket er allerede trukket tilbage");
    }
    const auto* scope = domain::find_consent_scope(*m_config.model, row->scope);
    const std::string scope_name = scope ? scope->name : row->scope;
    std::set<std::string> told;
    for (const auto& c : open_cases(conn, m_config, actor.tenant, row->child_id)) {
      cases_detail::add_event(conn, actor, c.id, "consent_withdrawn",
                              json{{"consent_id", consent_id}, {"scope", row->scope}}, now_ms);
      std::vector<std::string> people;
      for (const auto& p : storage::case_participants(conn, actor.tenant, c.id)) people.push_back(p.user_id);
      if (!c.assigned_to.empty()) people.push_back(c.assigned_to);
      for (const auto& user_id : people) {
        if (user_id == actor.user_id || !told.insert(user_id).second) continue;
        cases_detail::mail_user(conn, actor.tenant, user_id, "Et samtykke er trukket tilbage",
                                "Et samtykke i sagen \"" + c.title + "\" er trukket tilbage: " + scope_name +
                                    ". Det, samtykket dækkede, kan ikke længere ske. Se sagen i Samspil.",
                                now_ms);
      }
    }
    audit::record(conn, actor,
                  audit::Entry{audit::Action::change, "consent", consent_id, row->child_id, purpose_for(actor), ""},
                  now_ms);
  });
}

std::vector<ConsentView> Consents::for_child(const Actor& actor, const std::string& child_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto child = reach_child(conn, actor, child_id);
    audit::record(conn, actor, audit::Entry{audit::Action::read, "consent", "", child.id, purpose_for(actor), ""}, now_ms);
    std::vector<ConsentView> out;
    for (const auto& row : storage::consents_of_child(conn, actor.tenant, child.id)) {
      out.push_back(view_of(m_config, row, now_ms));
    }
    return out;
  });
}

ConsentView Consents::get(const Actor& actor, const std::string& consent_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto row = storage::find_consent(conn, actor.tenant, consent_id);
    if (!row) throw NotFound(kConsentNotFound);
    try {
      reach_child(conn, actor, row->child_id);
    } catch (const NotFound&) {
      throw NotFound(kConsentNotFound);
    }
    audit::record(conn, actor, audit::Entry{audit::Action::read, "consent", row->id, row->child_id, purpose_for(actor), ""},
                  now_ms);
    return view_of(m_config, *row, now_ms);
  });
}

}  // namespace samspil::service
