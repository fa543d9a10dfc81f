#include "service/organisation/settings.hpp"

#include <charconv>

#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "storage/settings_store.hpp"

namespace samspil::service {
namespace {

void require_admin(const Actor& actor) {
  if (actor.role != Role::administrator) throw Forbidden("Kun administratorer kan ændre kommunens indstillinger");
}

}  // namespace

TenantSettings effective_settings(storage::Connection& conn, const ModelRegistry& models, const std::string& tenant) {
  TenantSettings out;
  out.case_model_id = models.default_id();
  if (const auto row = storage::find_tenant_settings(conn, tenant)) {
    // A saved model that is no longer installed falls back to the default rather than
    // leaving the municipality unable to open cases.
    if (models.find(row->case_model_id) != nullptr) out.case_model_id = row->case_model_id;
    out.retention_days = row->retention_days;
    out.saved = true;
    out.updated_at_ms = row->updated_at_ms;
  }
  return out;
}

domain::ConsentRequirement consent_requirement_of(const domain::Model& model) {
  return model.consent.every_custody_holder ? domain::ConsentRequirement::every_custody_holder
                                            : domain::ConsentRequirement::any_custody_holder;
}

int retention_days_for(storage::Connection& conn, const CasesConfig& base, const std::string& tenant) {
  if (base.models == nullptr) return base.retention_days;
  return effective_settings(conn, *base.models, tenant).retention_days;
}

CasesConfig config_for_case(storage::Connection& conn, const CasesConfig& base, const std::string& tenant,
                            const std::string& model_id) {
  CasesConfig out = base;
  if (base.models != nullptr) {
    if (const auto* m = base.models->find(model_id)) out.model = m;
  }
  out.retention_days = retention_days_for(conn, base, tenant);
  if (out.model != nullptr) out.consent_requirement = consent_requirement_of(*out.model);
  return out;
}

CasesConfig config_for_new_case(storage::Connection& conn, const CasesConfig& base, const std::string& tenant) {
  if (base.models == nullptr) return config_for_case(conn, base, tenant, base.model ? base.model->id : "");
  return config_for_case(conn, base, tenant, effective_settings(conn, *base.models, tenant).case_model_id);
}

TenantSettings Settings::get(const Actor& actor) {
  require_admin(actor);
  return m_db.transaction([&](storage::Connection& conn) { return effective_settings(conn, m_models, actor.tenant); });
}

TenantSettings Settings::update(const Actor& actor, const SettingsChange& change, std::int64_t now_ms) {
  require_admin(actor);
  FieldErrors errors;
  if (m_models.find(change.case_model_id) == nullptr) errors["case_model_id"] = "Vælg en af de installerede samarbejdsmodeller";
  int days = 0;
  const auto& text = change.retention_days;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || days < kMinRetentionDays ||
      days > kMaxRetentionDays) {
    errors["retention_days"] = "Skriv et helt antal dage mellem " + std::to_string(kMinRetentionDays) + " og " +
                               std::to_string(kMaxRetentionDays);
  }
  if (!errors.empty()) throw Invalid(errors);
  return m_db.transaction([&](storage::Connection& conn) {
    storage::upsert_tenant_settings(conn, {actor.tenant, change.case_model_id, days, actor.user_id, now_ms});
    audit::record(conn, actor,
                  audit::Entry{audit::Action::change, "tenant_settings", actor.tenant, "", "Administration", ""}, now_ms);
    return effective_settings(conn, m_models, actor.tenant);
  });
}

}  // namespace samspil::service
