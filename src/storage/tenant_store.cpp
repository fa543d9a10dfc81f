#include "storage/tenant_store.hpp"

namespace samspil::storage {

std::optional<Tenant> find_tenant(Connection& conn, const std::string& id) {
  const Result r = conn.query("SELECT id, name, created_at FROM tenants WHERE id = $1", {id});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  return Tenant{row.text(0), row.text(1), row.integer(2)};
}

std::int64_t count_tenants(Connection& conn) {
  return conn.query("SELECT count(*) FROM tenants").rows.at(0).integer(0);
}

void insert_tenant(Connection& conn, const Tenant& t) {
  conn.query("INSERT INTO tenants (id, name, created_at) VALUES ($1, $2, $3)", {t.id, t.name, t.created_at_ms});
}

}  // namespace samspil::storage
