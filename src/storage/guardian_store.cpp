#include "storage/guardian_store.hpp"

namespace samspil::storage {

namespace {

constexpr const char* kChildColumns = "id, tenant, first_name, last_name, birth_date, unit_id, created_at";

ChildSummary child_from(const Row& row) {
  return ChildSummary{row.text(0), row.text(1), row.text(2), row.text(3),
                      row.text(4), row.optional_text(5).value_or(""), row.integer(6)};
}

Guardianship guardianship_from(const Row& row) {
  return Guardianship{row.text(0), row.text(1), row.text(2), row.integer(3) != 0, row.integer(4)};
}

}  // namespace

void insert_child_summary(Connection& conn, const ChildSummary& c) {
  conn.query(
      "INSERT INTO children (id, tenant, first_name, last_name, birth_date, unit_id, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {c.id, c.tenant, c.first_name, c.last_name, c.birth_date, c.unit_id.empty() ? Value{nullptr} : Value{c.unit_id},
       c.created_at_ms});
}

std::optional<ChildSummary> find_child_summary(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(std::string("SELECT ") + kChildColumns + " FROM children WHERE tenant = $1 AND id = $2",
                              {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return child_from(r.rows.front());
}

std::vector<ChildSummary> list_child_summaries(Connection& conn, const std::string& tenant, const std::string& after,
                                               int limit) {
  const Result r = conn.query(
      std::string("SELECT ") + kChildColumns +
          " FROM children c WHERE tenant = $1 AND ($2 = '' OR (last_name, first_name, id) > "
          "(SELECT p.last_name, p.first_name, p.id FROM children p WHERE p.tenant = $1 AND p.id = $2)) "
          "ORDER BY last_name, first_name, id LIMIT $3",
      {tenant, after, std::int64_t{limit}});
  std::vector<ChildSummary> out;
  for (const Row& row : r.rows) out.push_back(child_from(row));
  return out;
}

void upsert_guardianship(Connection& conn, const std::string& tenant, const Guardianship& g) {
  // The same statement on both engines: ON CONFLICT … DO UPDATE (SQLite ≥ 3.24).
  conn.query(
      "INSERT INTO guardianships (tenant, child_id, user_id, relation, has_custody, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (child_id, user_id) DO UPDATE SET relation = excluded.relation, "
      "has_custody = excluded.has_custody",
      {tenant, g.child_id, g.user_id, g.relation, std::int64_t{g.has_custody ? 1 : 0}, g.created_at_ms});
}

bool delete_guardianship(Connection& conn, const std::string& tenant, const std::string& child_id,
                         const std::string& user_id) {
  return conn.query("DELETE FROM guardianships WHERE tenant = $1 AND child_id = $2 AND user_id = $3",
                    {tenant, child_id, user_id})
             .affected > 0;
}

std::vector<Guardianship> guardianships_of_user(Connection& conn, const std::string& tenant,
                                                const std::string& user_id) {
  const Result r = conn.query(
      "SELECT child_id, user_id, relation, has_custody, created_at FROM guardianships "
      "WHERE tenant = $1 AND user_id = $2 ORDER BY created_at, child_id",
      {tenant, user_id});
  std::vector<Guardianship> out;
  for (const Row& row : r.rows) out.push_back(guardianship_from(row));
  return out;
}

std::vector<Guardianship> guardianships_of_child(Connection& conn, const std::string& tenant,
                                                 const std::string& child_id) {
  const Result r = conn.query(
      "SELECT child_id, user_id, relation, has_custody, created_at FROM guardianships "
      "WHERE tenant = $1 AND child_id = $2 ORDER BY created_at, user_id",
      {tenant, child_id});
  std::vector<Guardianship> out;
  for (const Row& row : r.rows) out.push_back(guardianship_from(row));
  return out;
}

}  // namespace samspil::storage
