#pragma once
// Opening the database for a sub-command: connect, and check or apply migrations.
#include <filesystem>
#include <memory>
#include <string>

#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace samspil::app {

enum class MigrationPolicy { require_current, apply_pending };

// Opens the database and makes sure its schema matches migrations/ in data_dir; throws
// CommandError with one clear line (no password) when it cannot.
std::unique_ptr<storage::Database> open_database(const std::string& url, const std::filesystem::path& data_dir,
                                                 MigrationPolicy policy, int pool_size = 4);

// The migration files for the database's dialect.
std::vector<storage::MigrationFile> migration_files(const storage::Database& db, const std::filesystem::path& data_dir);

}  // namespace samspil::app
