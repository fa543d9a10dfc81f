#include "app/commands/basic_commands.hpp"

#include <iostream>
#include <memory>

#include "app/cli_support.hpp"
#include "app/clock.hpp"
#include "app/database_setup.hpp"

namespace samspil::app {

namespace {

struct MigrateOptions {
  std::string database_url;
  bool status_only = false;
};

void run_migrate(const MigrateOptions& o) {
  std::unique_ptr<storage::Database> db;
  try {
    db = storage::Database::open({.url = o.database_url, .pool_size = 1});
  } catch (const storage::DatabaseError& e) {
    throw CommandError(std::string("database unavailable: ") + e.what());
  }
  try {
    const auto files = migration_files(*db, data_dir());
    if (o.status_only) {
      const auto status = storage::migration_status(*db, files);
      std::cout << "migrations: " << status.applied << " of " << status.available << " applied\n";
      if (!status.current()) throw CommandError("database is not current: run `samspil migrate`");
      return;
    }
    const int applied = storage::migrate(*db, files);
    const auto status = storage::migration_status(*db, files);
    std::cout << "migrations: applied " << applied << ", schema at " << status.applied << " of " << status.available
              << "\n";
  } catch (const storage::MigrationError& e) {
    throw CommandError(e.what());
  } catch (const storage::DatabaseError& e) {
    throw CommandError(std::string("database error: ") + e.what());
  }
}

}  // namespace

void add_migrate_command(CLI::App& app) {
  auto options = std::make_shared<MigrateOptions>();
  CLI::App* cmd = app.add_subcommand("migrate", "Apply pending database migrations (each in its own transaction)");
  add_database_option(cmd, options->database_url);
  cmd->add_flag("--status", options->status_only, "Only report; exit 1 when migrations are pending or edited");
  cmd->callback([options] { run_migrate(*options); });
}

}  // namespace samspil::app
