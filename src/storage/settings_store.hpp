#pragma once
// A municipality's settings (migration 0011): the model new cases use and the retention
// period of closed cases. No row means the defaults.
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

struct TenantSettingsRow {
  std::string tenant;
  std::string case_model_id;
  int retention_days = 0;
  std::string updated_by;  // "" when unknown
  std::int64_t updated_at_ms = 0;
};

// The tenant's stored settings, if any were saved.
std::optional<TenantSettingsRow> find_tenant_settings(Connection& conn, const std::string& tenant);
// Inserts or replaces the tenant's settings.
void upsert_tenant_settings(Connection& conn, const TenantSettingsRow& row);

}  // namespace samspil::storage
