#include "storage/settings_store.hpp"

namespace samspil::storage {

std::optional<TenantSettingsRow> find_tenant_settings(Connection& conn, const std::string& tenant) {
  const Result r = conn.query(
      "SELECT tenant, case_model_id, retention_days, updated_by, updated_at FROM tenant_settings WHERE tenant = $1",
      {tenant});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  return TenantSettingsRow{row.text(0), row.text(1), static_cast<int>(row.integer(2)),
                           row.optional_text(3).value_or(""), row.integer(4)};
}

void upsert_tenant_settings(Connection& conn, const TenantSettingsRow& row) {
  conn.query(
      "INSERT INTO tenant_settings (tenant, case_model_id, retention_days, updated_by, updated_at) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant) DO UPDATE SET case_model_id = excluded.case_model_id, "
      "retention_days = excluded.retention_days, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      {row.tenant, row.case_model_id, std::int64_t{row.retention_days},
       row.updated_by.empty() ? Value{nullptr} : Value{row.updated_by}, row.updated_at_ms});
}

}  // namespace samspil::storage
