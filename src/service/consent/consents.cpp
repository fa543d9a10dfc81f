// Consent use cases. Whether a scope is in force is decided in domain/consent; here we
// check who may record what, and write consent + audit + timeline + mails in one transaction.
// Scopes are always those of the case's own model (cases.model_id), never the default's.
#include "service/consent/consents.hpp"

#include <set>

#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "domain/calendar.hpp"
#include "domain/consent.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/cases/case_access.hpp"
#include "service/cases/case_events.hpp"
#include "service/base/mail_outbox.hpp"
#include "service/organisation/settings.hpp"
#include "service/request_forms/attachments.hpp"
#include "storage/case_store.hpp"
#include "storage/guardian_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service {
namespace {

using nlohmann::json;

const char* kConsentNotFound = "Samtykket findes ikke, eller du har ikke adgang til det";
const char* kScanNotFound = "Scanningen findes ikke, eller du har ikke adgang til den";
const char* kClosedCase = "Sagen er afsluttet og kan kun læses. Et nyt behov starter med et nyt møde (F9).";

// The model a case runs under: the registry's by cases.model_id, else the fallback.
const domain::Model& model_by_id(const CasesConfig& config, const std::string& model_id) {
  if (config.models != nullptr) {
    if (const auto* m = config.models->find(model_id)) return *m;
  }
  return *config.model;
}

bool is_closed(const CasesConfig& config, const storage::CaseRecord& c) {
  const auto* state = model_by_id(config, c.model_id).case_machine.state(c.state);
  return state != nullptr && state->closed;
}

// The child's cases that are still open (their state is not a closed one in their own model).
std::vector<storage::CaseRecord> open_cases(storage::Connection& conn, const CasesConfig& config,
                                            const std::string& tenant, const std::string& child_id) {
  std::vector<storage::CaseRecord> out;
  for (auto& c : storage::cases_of_child(conn, tenant, child_id)) {
    if (!is_closed(config, c)) out.push_back(std::move(c));
  }
  return out;
}

void add_scopes(std::vector<domain::ConsentScope>& out, const domain::Model& model) {
  for (const auto& s : model.consent_scopes) {
    bool known = false;
    for (const auto& have : out) known = known || have.id == s.id;
    if (!known) out.push_back(s);
  }
}

// The scopes a consent about the child may have: those of the models of its open cases, or
// (no open case) of the model the municipality opens new cases under.
std::vector<domain::ConsentScope> child_scopes(storage::Connection& conn, const CasesConfig& config,
                                               const std::string& tenant, const std::string& child_id) {
  std::vector<domain::ConsentScope> out;
  for (const auto& c : open_cases(conn, config, tenant, child_id)) add_scopes(out, model_by_id(config, c.model_id));
  if (out.empty()) {
    const auto fresh = config_for_new_case(conn, config, tenant);
    if (fresh.model != nullptr) add_scopes(out, *fresh.model);
  }
  return out;
}

// Names for every scope a consent of the child may carry (closed cases' models included, so
// an old record keeps its name).
std::vector<domain::ConsentScope> named_scopes(storage::Connection& conn, const CasesConfig& config,
                                               const std::string& tenant, const std::string& child_id) {
  auto out = child_scopes(conn, config, tenant, child_id);
  for (const auto& c : storage::cases_of_child(conn, tenant, child_id)) add_scopes(out, model_by_id(config, c.model_id));
  return out;
}

const domain::ConsentScope* find_scope(const std::vector<domain::ConsentScope>& scopes, const std::string& id) {
  for (const auto& s : scopes) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

ConsentView view_of(const std::vector<domain::ConsentScope>& scopes, const storage::ConsentRow& row,
                    std::int64_t now_ms) {
  const auto* scope = find_scope(scopes, row.scope);
  const domain::ConsentRecord record{row.guardian_id, row.scope, row.given_at_ms, row.expires_at_ms, row.withdrawn_at_ms};
  return ConsentView{row, scope ? scope->name : row.scope, domain::record_in_force(record, now_ms)};
}

std::string purpose_for(const Actor& actor) {
  return actor.role == Role::guardian ? "Forælders samtykke" : "Sagsbehandling (samtykke)";
}

ConsentScanInfo info_of(const CasesConfig& config, const storage::ConsentScanRecord& s) {
  return ConsentScanInfo{s.id, s.case_id, config.cipher->open(s.name_encrypted).value_or("samtykke"), s.content_type,
                         s.size_bytes, s.sha256, s.uploaded_at_ms};
}

// The Danish error for a scan that is not acceptable, "" when it is.
std::string scan_error(const std::string& bytes) {
  if (bytes.empty()) return "Vælg den scannede samtykkeerklæring";
  if (static_cast<std::int64_t>(bytes.size()) > kMaxConsentScanBytes) {
    return "Filen er for stor. Den må højst fylde " + std::to_string(kMaxConsentScanBytes / (1024 * 1024)) + " MB";
  }
  const auto type = sniff_attachment_type(bytes);
  if (type != "application/pdf" && type != "image/png" && type != "image/jpeg") {
    return "Scanningen skal være en PDF, PNG eller JPEG";
  }
  return "";
}

storage::ConsentScanRecord insert_scan(storage::Connection& conn, const CasesConfig& config, const Actor& actor,
                                       const storage::CaseRecord& c, const std::string& file_name,
                                       const std::string& bytes, std::int64_t now_ms) {
  storage::ConsentScanRecord s;
  s.id = crypto::random_id();
  s.tenant = actor.tenant;
  s.case_id = c.id;
  s.child_id = c.child_id;
  s.name_encrypted = config.cipher->seal(safe_file_name(file_name));
  s.content_type = sniff_attachment_type(bytes);
  s.size_bytes = static_cast<std::int64_t>(bytes.size());
  s.sha256 = crypto::sha256_hex(bytes);
  s.content_encrypted = config.cipher->seal(bytes);
  s.uploaded_by = actor.user_id;
  s.uploaded_at_ms = now_ms;
  storage::insert_consent_scan(conn, s);
  audit::record(conn, actor, audit::Entry{audit::Action::create, "consent_scan", s.id, c.child_id, purpose_for(actor), ""},
                now_ms);
  return s;
}

// A staff member who may change the case, which is still open.
ReachedCase reach_case_to_record(storage::Connection& conn, const CasesConfig& config, const Actor& actor,
                                 const std::string& case_id) {
  auto reached = reach_case(conn, actor, case_id);
  if (!may_change_case(reached.relation)) throw Forbidden("Du kan ikke registrere samtykke i denne sag");
  if (is_closed(config, reached.record)) throw Conflict(kClosedCase);
  return reached;
}

// The Copenhagen midnight starting a date, in ms UTC.
std::int64_t midnight_ms(const domain::Date& d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(domain::to_utc(domain::local_at(d, 0)).time_since_epoch())
      .count();
}

// The checks of one consent to record; the field errors (none: it may be saved).
FieldErrors check_give(storage::Connection& conn, const CasesConfig& config, const Actor& actor,
                       const storage::ChildRecord& child, const GiveConsent& in, std::int64_t now_ms) {
  FieldErrors errors;
  std::vector<domain::ConsentScope> scopes;
  if (!in.case_id.empty()) {
    const auto reached = reach_case(conn, actor, in.case_id);
    if (reached.record.child_id != child.id) {
      errors["case_id"] = "Sagen handler ikke om dette barn";
    } else {
      scopes = model_by_id(config, reached.record.model_id).consent_scopes;
    }
  } else {
    scopes = child_scopes(conn, config, actor.tenant, child.id);
  }
  if (find_scope(scopes, in.scope) == nullptr) errors["scope"] = "Vælg, hvad samtykket omfatter";
  if (in.purpose.empty() || in.purpose.size() > 1000) errors["purpose"] = "Skriv formålet med samtykket";
  if (in.parties.empty() || in.parties.size() > 1000) errors["parties"] = "Skriv, hvem der må dele oplysninger og mødes";
  const std::int64_t given = in.given_at_ms.value_or(now_ms);
  if (in.given_at_ms && in.source != "paper") errors["given_at"] = "Kun samtykke på papir kan have en tidligere dato";
  if (in.given_at_ms && *in.given_at_ms > now_ms) errors["given_at"] = "Datoen for samtykket må ikke ligge i fremtiden";
  if (in.expires_at_ms && (*in.expires_at_ms <= now_ms || *in.expires_at_ms <= given)) {
    errors["expires_at"] = "Udløbsdatoen skal ligge i fremtiden";
  }
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
  if (in.source == "portal" && !in.scan_attachment_id.empty()) {
    errors["scan_attachment_id"] = "Kun samtykke på papir har en scanning";
  }
  if (in.source == "paper") {
    // The paper's scan must already be on a case about this child in this municipality.
    if (in.scan_attachment_id.empty()) {
      errors["scan_attachment_id"] = "Vedhæft scanningen af samtykkeerklæringen (scan_attachment_id mangler)";
    } else {
      const auto scan = storage::find_consent_scan(conn, actor.tenant, in.scan_attachment_id);
      if (!scan || scan->child_id != child.id) {
        errors["scan_attachment_id"] = "Scanningen findes ikke på en sag om dette barn. Upload den først på sagen";
      }
    }
  }
  return errors;
}

}  // namespace

std::string Consents::give_in(storage::Connection& conn, const Actor& actor, const GiveConsent& in,
                              std::int64_t now_ms) {
  const auto child = reach_child(conn, actor, in.child_id);
  const auto errors = check_give(conn, m_config, actor, child, in, now_ms);
  if (!errors.empty()) throw Invalid(errors);

  storage::ConsentRow row;
  row.id = crypto::random_id();
  row.tenant = actor.tenant;
  row.child_id = child.id;
  row.guardian_id = in.guardian_id;
  row.scope = in.scope;
  row.purpose = in.purpose;
  row.parties = in.parties;
  row.given_at_ms = in.given_at_ms.value_or(now_ms);
  row.source = in.source;
  row.scan_attachment_id = in.scan_attachment_id;
  row.expires_at_ms = in.expires_at_ms;
  row.recorded_by = actor.user_id;
  row.created_at_ms = now_ms;
  storage::insert_consent(conn, row);
  json detail{{"consent_id", row.id}, {"scope", row.scope}};
  if (row.source == "paper") detail["source"] = "paper";  // "Samtykke registreret fra papir"
  for (const auto& c : open_cases(conn, m_config, actor.tenant, child.id)) {
    add_case_event(conn, actor, c.id, "consent_given", detail, now_ms);
  }
  audit::record(conn, actor, audit::Entry{audit::Action::create, "consent", row.id, child.id, purpose_for(actor), ""},
                now_ms);
  return row.id;
}

std::string Consents::give(const Actor& actor, const GiveConsent& in, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    if (!in.idempotency_key.empty()) {
      if (auto done = storage::find_idempotency_key(conn, actor.tenant, actor.user_id, in.idempotency_key)) return *done;
    }
    const std::string id = give_in(conn, actor, in, now_ms);
    if (!in.idempotency_key.empty()) {
      storage::insert_idempotency_key(conn, actor.tenant, actor.user_id, in.idempotency_key, id, now_ms);
    }
    return id;
  });
}

ConsentScanInfo Consents::add_scan(const Actor& actor, const std::string& case_id, const std::string& file_name,
                                   const std::string& bytes, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case_to_record(conn, m_config, actor, case_id);  // 404/403 before the file's errors
    if (const auto e = scan_error(bytes); !e.empty()) throw Invalid(FieldErrors{{"file", e}});
    return info_of(m_config, insert_scan(conn, m_config, actor, reached.record, file_name, bytes, now_ms));
  });
}

std::vector<std::string> Consents::record_from_paper(const Actor& actor, const RecordPaperConsent& in,
                                                     std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) -> std::vector<std::string> {
    if (!in.idempotency_key.empty()) {
      if (auto done = storage::find_idempotency_key(conn, actor.tenant, actor.user_id, in.idempotency_key)) {
        return {*done};
      }
    }
    const auto reached = reach_case_to_record(conn, m_config, actor, in.case_id);
    const auto child = reach_child(conn, actor, reached.record.child_id);
    FieldErrors errors;
    std::optional<std::int64_t> given_at, expires_at;
    if (const auto d = domain::parse_date(in.given_on); !d) {
      errors["given_on"] = "Skriv datoen på samtykkeerklæringen som ÅÅÅÅ-MM-DD";
    } else if (midnight_ms(*d) > now_ms) {
      errors["given_on"] = "Datoen for samtykket må ikke ligge i fremtiden";
    } else {
      given_at = midnight_ms(*d);
    }
    if (!in.expires_on.empty()) {
      if (const auto d = domain::parse_date(in.expires_on); !d) {
        errors["expires_on"] = "Skriv udløbsdatoen som ÅÅÅÅ-MM-DD, eller lad feltet stå tomt";
      } else {
        // In force through the last day: it ends at the next Copenhagen midnight.
        const auto end = midnight_ms(domain::Date{std::chrono::sys_days{*d} + std::chrono::days{1}});
        if (end <= now_ms) errors["expires_on"] = "Udløbsdatoen skal ligge i fremtiden";
        else expires_at = end;
      }
    }
    if (const auto e = scan_error(in.file_bytes); !e.empty()) errors["file"] = e;
    if (in.scopes.empty()) errors["scopes"] = "Vælg mindst ét område, samtykket omfatter";
    std::set<std::string> unique(in.scopes.begin(), in.scopes.end());
    // The scan goes in first so each consent's checks see it; an error rolls everything back.
    std::string scan_id;
    if (!errors.count("file")) scan_id = insert_scan(conn, m_config, actor, reached.record, in.file_name, in.file_bytes, now_ms).id;
    // With no scope chosen the other fields are still checked (against an empty scope).
    std::vector<std::string> probes(unique.begin(), unique.end());
    if (probes.empty()) probes.push_back("");
    std::vector<GiveConsent> gives;
    for (const auto& scope : probes) {
      GiveConsent g;
      g.child_id = child.id;
      g.guardian_id = in.guardian_id;
      g.scope = scope;
      g.purpose = in.purpose;
      g.parties = in.parties;
      g.source = "paper";
      g.scan_attachment_id = scan_id;
      g.given_at_ms = given_at;
      g.expires_at_ms = expires_at;
      g.case_id = in.case_id;
      // The form's field names: a bad scope is "scopes", the dates are the form's own.
      for (const auto& [field, message] : check_give(conn, m_config, actor, child, g, now_ms)) {
        if (field == "scope") errors.emplace("scopes", message);
        else if (field == "given_at") errors.emplace("given_on", message);
        else if (field == "expires_at") errors.emplace("expires_on", message);
        else if (field == "scan_attachment_id") errors.emplace("file", message);
        else errors.emplace(field, message);
      }
      if (!scope.empty()) gives.push_back(std::move(g));
    }
    if (!errors.empty()) throw Invalid(errors);
    std::vector<std::string> ids;
    for (const auto& g : gives) ids.push_back(give_in(conn, actor, g, now_ms));
    if (!in.idempotency_key.empty() && !ids.empty()) {
      storage::insert_idempotency_key(conn, actor.tenant, actor.user_id, in.idempotency_key, ids.front(), now_ms);
    }
    return ids;
  });
}

ConsentScanContent Consents::scan(const Actor& actor, const std::string& case_id, const std::string& scan_id,
                                  std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    // Staff only: the scan may show more than the guardian's own signature.
    if (!may_change_case(reached.relation)) throw NotFound(kScanNotFound);
    const auto row = storage::find_consent_scan_content(conn, actor.tenant, scan_id);
    if (!row || row->child_id != reached.record.child_id) throw NotFound(kScanNotFound);
    auto bytes = m_config.cipher->open(row->content_encrypted);
    if (!bytes) throw Conflict("Scanningen kunne ikke dekrypteres");
    audit::record(conn, actor,
                  audit::Entry{audit::Action::read, "consent_scan", row->id, row->child_id, purpose_for(actor), ""},
                  now_ms);
    return ConsentScanContent{info_of(m_config, *row), std::move(*bytes)};
  });
}

std::vector<domain::ConsentScope> Consents::scopes_for_case(const Actor& actor, const std::string& case_id) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    return model_by_id(m_config, reached.record.model_id).consent_scopes;
  });
}

std::vector<domain::ConsentScope> Consents::scopes_for_child(const Actor& actor, const std::string& child_id) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto child = reach_child(conn, actor, child_id);
    return child_scopes(conn, m_config, actor.tenant, child.id);
  });
}

std::vector<ConsentGiver> Consents::givers_for_case(const Actor& actor, const std::string& case_id) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    if (!may_change_case(reached.relation)) throw Forbidden("Du kan ikke registrere samtykke i denne sag");
    std::vector<ConsentGiver> out;
    for (const auto& g : storage::guardianships_of_child(conn, actor.tenant, reached.record.child_id)) {
      if (!g.has_custody) continue;
      const auto user = storage::find_user_record(conn, actor.tenant, g.user_id);
      out.push_back({g.user_id, user ? user->display_name : g.user_id, g.relation});
    }
    return out;
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
    const auto scopes = named_scopes(conn, m_config, actor.tenant, row->child_id);
    const auto* scope = find_scope(scopes, row->scope);
    const std::string scope_name = scope ? scope->name : row->scope;
    std::set<std::string> told;
    for (const auto& c : open_cases(conn, m_config, actor.tenant, row->child_id)) {
      add_case_event(conn, actor, c.id, "consent_withdrawn",
                              json{{"consent_id", consent_id}, {"scope", row->scope}}, now_ms);
      std::vector<std::string> people;
      for (const auto& p : storage::case_participants(conn, actor.tenant, c.id)) people.push_back(p.user_id);
      if (!c.assigned_to.empty()) people.push_back(c.assigned_to);
      for (const auto& user_id : people) {
        if (user_id == actor.user_id || !told.insert(user_id).second) continue;
        mail_outbox::enqueue_to_user(conn, actor.tenant, user_id, "Et samtykke er trukket tilbage",
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
    const auto scopes = named_scopes(conn, m_config, actor.tenant, child.id);
    std::vector<ConsentView> out;
    for (const auto& row : storage::consents_of_child(conn, actor.tenant, child.id)) {
      out.push_back(view_of(scopes, row, now_ms));
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
    return view_of(named_scopes(conn, m_config, actor.tenant, row->child_id), *row, now_ms);
  });
}

}  // namespace samspil::service
