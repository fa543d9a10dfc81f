#pragma once
// Parsing and redacting database URLs. Kept apart from the engines so both the pool and
// the error messages agree on what a URL means.
#include <filesystem>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace samspil::storage {

struct ParsedUrl {
  Dialect dialect = Dialect::sqlite;
  // SQLite: the file path, or empty for an in-memory database. PostgreSQL: the URL as given.
  std::string target;
  bool memory = false;
};

// Splits a URL into engine and target; throws DatabaseError on an unknown scheme.
// SQLite forms: sqlite:///abs/path.db (absolute), sqlite://rel/path.db (relative to the
// working directory) and sqlite::memory:.
ParsedUrl parse_database_url(std::string_view url);

// The URL with the password (user:PASSWORD@ and password=… parameters) replaced by ***.
std::string redact_database_url(std::string_view url);

}  // namespace samspil::storage
