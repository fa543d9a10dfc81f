#pragma once
// Splits an SQL script into statements so the migration runner can run them one by one
// and name the one that failed.
#include <string>
#include <string_view>
#include <vector>

namespace samspil::storage {

struct SqlStatement {
  std::string text;  // without the closing semicolon, trimmed
  int line = 1;      // line of the statement's first character in the script
};

// Splits at semicolons outside '…' strings, "…" identifiers, -- and /* */ comments,
// PostgreSQL $tag$…$tag$ bodies and SQLite CREATE TRIGGER … BEGIN … END blocks.
// Statements that hold only comments are dropped.
std::vector<SqlStatement> split_sql(std::string_view script);

}  // namespace samspil::storage
