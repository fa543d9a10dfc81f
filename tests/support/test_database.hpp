#pragma once
// A fresh database per test, on either engine. SQLite: a file in a temporary directory.
// PostgreSQL: CREATE DATABASE samspil_test_<random> on the server named by
// SAMSPIL_TEST_POSTGRES_URL (set by `make test`), dropped afterwards.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage::testing {

// Prints as "sqlite" / "postgresql" in test names.
std::string engine_name(const ::testing::TestParamInfo<Dialect>& info);

class TestDatabase {
 public:
  // Creates the database; returns false when PostgreSQL is wanted but
  // SAMSPIL_TEST_POSTGRES_URL is not set, and the caller FAILs with missing() — never a
  // silent skip.
  bool create(Dialect dialect);
  const std::string& missing() const { return m_missing; }
  ~TestDatabase();
  // The URL of the fresh database.
  const std::string& url() const { return m_url; }
  // Opens a pool on it.
  std::unique_ptr<Database> open(int pool_size = 4) const;

 private:
  Dialect m_dialect = Dialect::sqlite;
  std::string m_url;
  std::string m_admin_url;
  std::string m_pg_name;
  std::string m_missing;
  std::filesystem::path m_dir;
};

// The server URL with its database name replaced.
std::string with_database(const std::string& url, const std::string& name);

// A fixture parameterised over both engines with a fresh database in m_db.
class EngineTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override;
  TestDatabase m_test_db;
  std::unique_ptr<Database> m_db;
};

}  // namespace samspil::storage::testing
