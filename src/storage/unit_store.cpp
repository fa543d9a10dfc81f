#include "storage/unit_store.hpp"

namespace samspil::storage {

namespace {

constexpr const char* kColumns = "id, tenant, parent_id, kind, name, created_at";

Unit unit_from(const Row& row) {
  return Unit{row.text(0), row.text(1), row.optional_text(2).value_or(""), row.text(3), row.text(4), row.integer(5)};
}

Value nullable(const std::string& s) { return s.empty() ? Value{nullptr} : Value{s}; }

}  // namespace

std::optional<Unit> find_unit(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(std::string("SELECT ") + kColumns + " FROM units WHERE tenant = $1 AND id = $2",
                              {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return unit_from(r.rows.front());
}

void insert_unit(Connection& conn, const Unit& u) {
  conn.query("INSERT INTO units (id, tenant, parent_id, kind, name, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
             {u.id, u.tenant, nullable(u.parent_id), u.kind, u.name, u.created_at_ms});
}

bool rename_unit(Connection& conn, const std::string& tenant, const std::string& id, const std::string& name) {
  return conn.query("UPDATE units SET name = $3 WHERE tenant = $1 AND id = $2", {tenant, id, name}).affected > 0;
}

bool set_unit_parent(Connection& conn, const std::string& tenant, const std::string& id, const std::string& parent_id) {
  return conn.query("UPDATE units SET parent_id = $3 WHERE tenant = $1 AND id = $2", {tenant, id, nullable(parent_id)})
             .affected > 0;
}

std::vector<Unit> list_units(Connection& conn, const std::string& tenant, const std::string& after, int limit) {
  // Keyset paging on (name, id), served by the index units_tenant_name (migration 0004).
  const Result r =
      after.empty()
          ? conn.query(std::string("SELECT ") + kColumns + " FROM units WHERE tenant = $1 ORDER BY name, id LIMIT $2",
                       {tenant, std::int64_t{limit}})
          : conn.query(std::string("SELECT ") + kColumns +
                           " FROM units WHERE tenant = $1 AND (name, id) > "
                           "(SELECT name, id FROM units WHERE tenant = $1 AND id = $2) ORDER BY name, id LIMIT $3",
                       {tenant, after, std::int64_t{limit}});
  std::vector<Unit> out;
  for (const Row& row : r.rows) out.push_back(unit_from(row));
  return out;
}

std::vector<Unit> all_units(Connection& conn, const std::string& tenant) {
  const Result r =
      conn.query(std::string("SELECT ") + kColumns + " FROM units WHERE tenant = $1 ORDER BY name, id", {tenant});
  std::vector<Unit> out;
  for (const Row& row : r.rows) out.push_back(unit_from(row));
  return out;
}

}  // namespace samspil::storage
