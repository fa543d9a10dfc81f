#include "storage/query_plan.hpp"

namespace samspil::storage {

std::string query_plan(Connection& conn, std::string_view sql, const std::vector<Value>& params) {
  const bool sqlite = conn.dialect() == Dialect::sqlite;
  const Result r = conn.query((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + std::string(sql), params);
  std::string plan;
  for (const Row& row : r.rows) {
    plan += row.text(row.size() - 1);  // SQLite: the detail column; PostgreSQL: the one line
    plan += '\n';
  }
  return plan;
}

}  // namespace samspil::storage
