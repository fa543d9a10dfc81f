#pragma once
// Factories for the two engines; only the pool calls them.
#include <chrono>
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

// Opens a SQLite connection with the project's PRAGMAs (WAL, synchronous=FULL, foreign
// keys, busy timeout). An empty path opens a private in-memory database.
std::unique_ptr<Connection> connect_sqlite(const std::string& path,
                                           std::chrono::milliseconds busy_timeout);

// Opens a PostgreSQL connection; throws Unavailable (message without the password).
std::unique_ptr<Connection> connect_postgres(const std::string& url, const std::string& redacted_url);

// Counts one statement for statements_run_on_this_thread(); each engine's query() calls it.
void note_statement();

}  // namespace samspil::storage
