#include "app/database_setup.hpp"

#include "app/cli_support.hpp"

namespace samspil::app {

std::vector<storage::MigrationFile> migration_files(const storage::Database& db, const std::filesystem::path& data_dir) {
  return storage::load_migrations(data_dir / "migrations", db.dialect());
}

std::unique_ptr<storage::Database> open_database(const std::string& url, const std::filesystem::path& data_dir,
                                                 MigrationPolicy policy, int pool_size) {
  std::unique_ptr<storage::Database> db;
  try {
    db = storage::Database::open({.url = url, .pool_size = pool_size});
  } catch (const storage::DatabaseError& e) {
    throw CommandError(std::string("database unavailable: ") + e.what());
  }
  try {
    const auto files = migration_files(*db, data_dir);
    if (policy == MigrationPolicy::apply_pending) {
      storage::migrate(*db, files);
    }
    const storage::MigrationStatus status = storage::migration_status(*db, files);
    if (!status.current()) {
      throw CommandError("database schema is at migration " + std::to_string(status.applied) + " of " +
                         std::to_string(status.available) + ": run `samspil migrate` (or serve --migrate)");
    }
  } catch (const storage::MigrationError& e) {
    throw CommandError(e.what());
  } catch (const storage::DatabaseError& e) {
    throw CommandError(std::string("database error: ") + e.what());
  }
  return db;
}

}  // namespace samspil::app
