#include "storage/child_store.hpp"

#include "storage/sql_values.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kColumns =
    "id, tenant, first_name, last_name, birth_date, cpr_encrypted, cpr_hash, unit_id, group_name, created_at, "
    "updated_at";

ChildRecord child_from(const Row& r) {
  ChildRecord c;
  c.id = r.text(0);
  c.tenant = r.text(1);
  c.first_name = r.text(2);
  c.last_name = r.text(3);
  c.birth_date = r.text(4);
  c.cpr_encrypted = r.optional_text(5).value_or("");
  c.cpr_hash = r.optional_text(6).value_or("");
  c.unit_id = r.optional_text(7).value_or("");
  c.group_name = r.optional_text(8).value_or("");
  c.created_at_ms = r.integer(9);
  c.updated_at_ms = r.optional_integer(10).value_or(c.created_at_ms);
  return c;
}

std::optional<ChildRecord> one(const Result& r) {
  if (r.rows.empty()) return std::nullopt;
  return child_from(r.rows.front());
}

}  // namespace

void insert_child(Connection& conn, const ChildRecord& c) {
  conn.query(
      "INSERT INTO children (id, tenant, first_name, last_name, birth_date, cpr_encrypted, cpr_hash, unit_id, "
      "group_name, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {c.id, c.tenant, c.first_name, c.last_name, c.birth_date, or_null(c.cpr_encrypted), or_null(c.cpr_hash),
       or_null(c.unit_id), or_null(c.group_name), c.created_at_ms, c.updated_at_ms ? c.updated_at_ms : c.created_at_ms});
}

std::optional<ChildRecord> find_child(Connection& conn, const std::string& tenant, const std::string& id) {
  return one(conn.query(std::string("SELECT ") + kColumns + " FROM children WHERE tenant = $1 AND id = $2",
                        {tenant, id}));
}

std::optional<ChildRecord> find_child_by_cpr_hash(Connection& conn, const std::string& tenant,
                                                  const std::string& cpr_hash) {
  if (cpr_hash.empty()) return std::nullopt;
  return one(conn.query(std::string("SELECT ") + kColumns +
                            " FROM children WHERE tenant = $1 AND cpr_hash = $2 ORDER BY created_at, id LIMIT 1",
                        {tenant, cpr_hash}));
}

bool move_child(Connection& conn, const std::string& tenant, const std::string& id, const std::string& unit_id,
                const std::string& group_name, std::int64_t now_ms) {
  return conn.query("UPDATE children SET unit_id = $3, group_name = $4, updated_at = $5 WHERE tenant = $1 AND id = $2",
                    {tenant, id, or_null(unit_id), or_null(group_name), now_ms})
             .affected > 0;
}

std::vector<ChildRecord> children_in_units(Connection& conn, const std::string& tenant,
                                           const std::vector<std::string>& unit_ids, int limit) {
  std::vector<ChildRecord> out;
  if (unit_ids.empty()) return out;
  std::vector<Value> params{tenant, std::int64_t{limit}};
  std::string in;
  for (const auto& id : unit_ids) {
    params.emplace_back(id);
    in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  const Result r = conn.query(std::string("SELECT ") + kColumns + " FROM children WHERE tenant = $1 AND unit_id IN (" +
                                  in + ") ORDER BY last_name, first_name, id LIMIT $2",
                              params);
  for (const Row& row : r.rows) out.push_back(child_from(row));
  return out;
}

}  // namespace samspil::storage
