#pragma once
// A municipality's settings (issue 5 item 8): the collaboration model new cases are opened
// under and how long a closed case is kept. Whose consent counts (one or every custody
// holder) is the model's setting (consent.required_from), shown here but not changeable:
// the seeds give the municipality no say in it. Changes are audited; only administrators.
#include <cstdint>
#include <string>

#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "service/cases/cases.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// Closed cases are kept five years unless the municipality chose otherwise.
inline constexpr int kDefaultRetentionDays = 5 * 365;
inline constexpr int kMinRetentionDays = 30;
inline constexpr int kMaxRetentionDays = 10 * 365;

struct TenantSettings {
  std::string case_model_id;   // the model new cases use
  int retention_days = kDefaultRetentionDays;
  bool saved = false;          // false: nothing saved yet, these are the defaults
  std::int64_t updated_at_ms = 0;
};

// What the form or API sends; retention_days as text so "abc" is a field error.
struct SettingsChange {
  std::string case_model_id;
  std::string retention_days;
};

// The tenant's settings in force (defaults filled in), read inside the caller's transaction.
TenantSettings effective_settings(storage::Connection& conn, const ModelRegistry& models, const std::string& tenant);

// The retention days a case closed now in the tenant gets: the tenant's setting
// (kDefaultRetentionDays when none is saved); base.retention_days when base has no registry.
int retention_days_for(storage::Connection& conn, const CasesConfig& base, const std::string& tenant);

// The cases configuration for one case: the case's own model (cases.model_id; base.model
// when the registry lacks it), that model's consent rule and the tenant's retention period.
CasesConfig config_for_case(storage::Connection& conn, const CasesConfig& base, const std::string& tenant,
                            const std::string& model_id);
// The same for a case about to be opened: the tenant's chosen model.
CasesConfig config_for_new_case(storage::Connection& conn, const CasesConfig& base, const std::string& tenant);
// The engine's consent requirement as the model states it.
domain::ConsentRequirement consent_requirement_of(const domain::Model& model);

class Settings {
 public:
  Settings(storage::Database& db, const ModelRegistry& models) : m_db(db), m_models(models) {}

  // The settings in force (administrators only).
  TenantSettings get(const Actor& actor);
  // Validates and saves (administrators only; audited); Invalid with Danish field errors.
  TenantSettings update(const Actor& actor, const SettingsChange& change, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  const ModelRegistry& m_models;
};

}  // namespace samspil::service
