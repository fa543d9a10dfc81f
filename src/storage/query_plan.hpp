#pragma once
// The engine's plan for a statement, for tests that assert a query is served by an index.
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

// SQLite: EXPLAIN QUERY PLAN's detail lines; PostgreSQL: EXPLAIN's lines; one per line.
std::string query_plan(Connection& conn, std::string_view sql, const std::vector<Value>& params);

}  // namespace samspil::storage
