// The migration runner on both engines: order, idempotence, checksums, complete rollback
// of a failing migration, and the project's own migrations/ directory.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "storage/migrations.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::storage::testing {
namespace {

class MigrationsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) {
      if (c == '/') c = '_';  // parameterised names are "Case/sqlite"
    }
    m_dir = std::filesystem::temp_directory_path() /
            ("samspil-migrations-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  void write(const std::string& name, const std::string& sql) {
    std::ofstream(m_dir / name, std::ios::binary) << sql;
  }
  std::vector<MigrationFile> files() { return load_migrations(m_dir, GetParam()); }
  bool table_exists(const std::string& table) {
    auto lease = m_db->acquire();
    const char* sql = GetParam() == Dialect::sqlite
                          ? "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=$1"
                          : "SELECT count(*) FROM information_schema.tables WHERE table_name=$1";
    return lease->query(sql, {table}).rows.at(0).integer(0) > 0;
  }

  std::filesystem::path m_dir;
};

TEST_P(MigrationsTest, AppliesInOrderThenNothing) {
  write("0002_second.sql", "INSERT INTO first (id) VALUES ('from 2');\nCREATE TABLE second (id TEXT);");
  write("0001_first.sql", "-- the first\nCREATE TABLE first (id TEXT PRIMARY KEY);");
  write("README.md", "not a migration");
  EXPECT_EQ(migration_status(*m_db, files()).applied, 0);
  EXPECT_EQ(migrate(*m_db, files()), 2);
  EXPECT_EQ(migrate(*m_db, files()), 0);
  const auto status = migration_status(*m_db, files());
  EXPECT_TRUE(status.current());
  EXPECT_EQ(status.applied, 2);
  auto rows = m_db->acquire()->query("SELECT number, name, checksum, applied_at FROM schema_migrations ORDER BY number").rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text(1), "0001_first.sql");
  EXPECT_EQ(rows[0].text(2).size(), 64u);  // hex SHA-256
  EXPECT_GT(rows[1].integer(3), 1'600'000'000'000);  // milliseconds
  // A new migration is picked up later.
  write("0003_third.sql", "CREATE TABLE third (id TEXT);");
  EXPECT_FALSE(migration_status(*m_db, files()).current());
  EXPECT_EQ(migrate(*m_db, files()), 1);
  EXPECT_TRUE(table_exists("third"));
}

TEST_P(MigrationsTest, EditedMigrationIsRefused) {
  write("0001_foundation.sql", "CREATE TABLE first (id TEXT);");
  migrate(*m_db, files());
  write("0001_foundation.sql", "CREATE TABLE first (id TEXT, extra TEXT);");
  try {
    migration_status(*m_db, files());
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("0001_foundation.sql"), std::string::npos) << message;
    EXPECT_NE(message.find("changed after it was applied"), std::string::npos) << message;
  }
  EXPECT_THROW(migrate(*m_db, files()), MigrationError);
}

TEST_P(MigrationsTest, MissingOrLateMigrationsAreRefused) {
  write("0001_a.sql", "CREATE TABLE a (id TEXT);");
  write("0003_c.sql", "CREATE TABLE c (id TEXT);");
  migrate(*m_db, files());
  write("0002_b.sql", "CREATE TABLE b (id TEXT);");
  EXPECT_THROW(migrate(*m_db, files()), MigrationError);
  EXPECT_FALSE(table_exists("b"));
  std::filesystem::remove(m_dir / "0002_b.sql");
  std::filesystem::remove(m_dir / "0003_c.sql");
  try {
    migration_status(*m_db, files());
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("0003_c.sql"), std::string::npos) << e.what();
  }
}

TEST_P(MigrationsTest, FailingMigrationRollsBackCompletelyAndNamesFileAndStatement) {
  write("0001_ok.sql", "CREATE TABLE ok (id TEXT);");
  write("0002_broken.sql",
        "CREATE TABLE made_first (id TEXT);\n"
        "INSERT INTO ok (id) VALUES ('x;y');\n"
        "CREATE TABLE made_second (id TEXT);\n"
        "INSERT INTO no_such_table (id) VALUES ('z');\n"
        "CREATE TABLE never (id TEXT);\n");
  try {
    migrate(*m_db, files());
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("0002_broken.sql"), std::string::npos) << message;
    EXPECT_NE(message.find("statement 4 (line 4)"), std::string::npos) << message;
    EXPECT_NE(message.find("INSERT INTO no_such_table"), std::string::npos) << message;
    EXPECT_NE(message.find("no_such_table"), std::string::npos) << message;
  }
  EXPECT_TRUE(table_exists("ok"));
  EXPECT_FALSE(table_exists("made_first"));
  EXPECT_FALSE(table_exists("made_second"));
  EXPECT_EQ(m_db->acquire()->query("SELECT count(*) FROM ok").rows.at(0).integer(0), 0);
  const auto status = migration_status(*m_db, files());
  EXPECT_EQ(status.applied, 1);
  EXPECT_EQ(m_db->pool_in_use(), 0);
}

TEST_P(MigrationsTest, MigrationThatControlsItsOwnTransactionIsRefusedBeforeAnythingRuns) {
  write("0001_ok.sql", "CREATE TABLE ok (id TEXT);");
  write("0002_commits.sql",
        "CREATE TABLE half (id TEXT);\n"
        "-- a comment before the keyword does not hide it\n"
        "commit;\n"
        "CREATE TABLE other (id TEXT);\n");
  try {
    migrate(*m_db, files());
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("0002_commits.sql"), std::string::npos) << message;
    EXPECT_NE(message.find("COMMIT"), std::string::npos) << message;
  }
  EXPECT_FALSE(table_exists("ok"));  // refused before the first migration ran
  EXPECT_FALSE(table_exists("half"));
}

TEST_P(MigrationsTest, DialectSpecificFiles) {
  write("0001_base.sql", "CREATE TABLE base (id TEXT);");
  write("0002_engine.sqlite.sql", "CREATE TABLE only_sqlite (id INTEGER PRIMARY KEY);");
  write("0002_engine.postgresql.sql", "CREATE TABLE only_pg (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY);");
  const auto loaded = files();
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(migrate(*m_db, loaded), 2);
  EXPECT_EQ(table_exists("only_sqlite"), GetParam() == Dialect::sqlite);
  EXPECT_EQ(table_exists("only_pg"), GetParam() == Dialect::postgresql);
}

TEST_P(MigrationsTest, BadFileNamesAndDuplicateNumbersAreRefused) {
  write("0001_a.sql", "SELECT 1;");
  write("0001_b.sql", "SELECT 1;");
  EXPECT_THROW(files(), MigrationError);
  std::filesystem::remove(m_dir / "0001_b.sql");
  write("1_bad name.sql", "SELECT 1;");
  EXPECT_THROW(files(), MigrationError);
  EXPECT_THROW(load_migrations(m_dir / "absent", GetParam()), MigrationError);
}

TEST_P(MigrationsTest, ProjectMigrationsApply) {
  const auto project = load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam());
  ASSERT_FALSE(project.empty());
  EXPECT_EQ(migrate(*m_db, project), static_cast<int>(project.size()));
  EXPECT_TRUE(migration_status(*m_db, project).current());
  for (const char* table : {"tenants", "users", "jobs", "job_probe_runs"}) EXPECT_TRUE(table_exists(table)) << table;
  auto lease = m_db->acquire();
  lease->query("INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Demo Kommune', 1)");
  lease->query(
      "INSERT INTO users (id, tenant, email, display_name, role, created_at) VALUES ('u1', 't1', 'a@b.dk', 'Åse', 'admin', 1)");
  EXPECT_THROW(lease->query("INSERT INTO users (id, tenant, email, display_name, role, created_at) "
                            "VALUES ('u2', 't1', 'a@b.dk', 'Åse', 'admin', 1)"),
               ConstraintViolation);
  EXPECT_THROW(lease->query("INSERT INTO users (id, tenant, email, display_name, role, created_at) "
                            "VALUES ('u3', 'nope', 'c@b.dk', 'C', 'admin', 1)"),
               ConstraintViolation);
  EXPECT_THROW(lease->query("INSERT INTO jobs (kind, payload, state, max_attempts, run_at, created_at) "
                            "VALUES ('k', '{}', 'bogus', 1, 1, 1)"),
               ConstraintViolation);
}

INSTANTIATE_TEST_SUITE_P(Engines, MigrationsTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         engine_name);

}  // namespace
}  // namespace samspil::storage::testing
