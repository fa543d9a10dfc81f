#pragma once
// The migration runner: numbered SQL files (NNNN_name.sql, or NNNN_name.sqlite.sql plus
// NNNN_name.postgresql.sql where the engines differ), append-only, each applied in its own
// transaction, with a SHA-256 checksum recorded so an edited old migration is refused.
#include <filesystem>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct MigrationFile {
  int number = 0;
  std::string name;        // file name
  std::string sql;
  std::string checksum;    // hex SHA-256 of sql
};

struct MigrationStatus {
  int applied = 0;   // highest applied number
  int available = 0; // highest number on disk
  bool current() const { return applied == available; }
};

// A migration failed or the recorded history does not match the files.
class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads the migrations for a dialect from a directory, sorted by number.
std::vector<MigrationFile> load_migrations(const std::filesystem::path& dir, Dialect dialect);
// Applies every pending migration; returns how many were applied. Throws MigrationError
// naming the file (and statement) on failure, after rolling that migration back.
int migrate(Database& db, const std::vector<MigrationFile>& files);
// Compares the applied history with the files; throws MigrationError on an edited or
// missing migration.
MigrationStatus migration_status(Database& db, const std::vector<MigrationFile>& files);

}  // namespace samspil::storage
