#include "test_database.hpp"

#include <cstdlib>
#include <random>

namespace samspil::storage::testing {

namespace {
std::string random_suffix() {
  static std::mt19937_64 rng{std::random_device{}()};
  static const char* alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string s;
  for (int i = 0; i < 12; ++i) s.push_back(alphabet[rng() % 36]);
  return s;
}
}  // namespace

std::string engine_name(const ::testing::TestParamInfo<Dialect>& info) {
  return info.param == Dialect::sqlite ? "sqlite" : "postgresql";
}

std::string with_database(const std::string& url, const std::string& name) {
  const std::size_t authority = url.find("://") + 3;
  const std::size_t slash = url.find('/', authority);
  const std::size_t query = url.find('?', authority);
  const std::string head = url.substr(0, slash == std::string::npos ? std::min(query, url.size()) : slash);
  const std::string tail = query == std::string::npos ? "" : url.substr(query);
  return head + "/" + name + tail;
}

bool TestDatabase::create(Dialect dialect) {
  m_dialect = dialect;
  if (dialect == Dialect::sqlite) {
    m_dir = std::filesystem::temp_directory_path() / ("samspil-storage-" + random_suffix());
    m_url = "sqlite://" + (m_dir / "test.db").string();  // absolute: sqlite:///tmp/…
    return true;
  }
  const char* env = std::getenv("SAMSPIL_TEST_POSTGRES_URL");
  if (env == nullptr || *env == '\0') {
    m_missing = "SAMSPIL_TEST_POSTGRES_URL is not set: the PostgreSQL cases need a server. "
                     "Run the tests via `make test`, which starts a throwaway cluster "
                "(tests/pg_cluster.sh start DIR prints the URL).";
    return false;
  }
  m_admin_url = env;
  m_pg_name = "samspil_test_" + random_suffix();
  auto admin = Database::open({.url = m_admin_url, .pool_size = 1});
  admin->acquire()->execute_script("CREATE DATABASE " + m_pg_name);
  m_url = with_database(m_admin_url, m_pg_name);
  return true;
}

TestDatabase::~TestDatabase() {
  if (!m_pg_name.empty()) {
    try {
      auto admin = Database::open({.url = m_admin_url, .pool_size = 1});
      admin->acquire()->execute_script("DROP DATABASE IF EXISTS " + m_pg_name + " WITH (FORCE)");
    } catch (const DatabaseError& e) {
      ADD_FAILURE() << "could not drop test database " << m_pg_name << ": " << e.what();
    }
  }
  if (!m_dir.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }
}

std::unique_ptr<Database> TestDatabase::open(int pool_size) const {
  return Database::open({.url = m_url, .pool_size = pool_size});
}

void EngineTest::SetUp() {
  // A fatal failure in SetUp keeps the body from running and marks the test failed.
  if (!m_test_db.create(GetParam())) FAIL() << m_test_db.missing();
  m_db = m_test_db.open();
}

}  // namespace samspil::storage::testing
