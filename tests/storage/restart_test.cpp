// A PostgreSQL server that goes away while the program runs and comes back: callers get
// Unavailable (the HTTP layer answers 503) and the same pool works again afterwards,
// without a restart. Runs its own throwaway cluster via tests/pg_cluster.sh.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "storage/database.hpp"
#include "source_dir.hpp"

namespace samspil::storage {
namespace {

const std::string kScript = std::string(samspil::test::source_dir()) + "/tests/pg_cluster.sh";

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
  const int status = ::pclose(pipe);
  if (status != 0) ADD_FAILURE() << command << " exited with " << status;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class OwnCluster {
 public:
  OwnCluster() {
    char dir[] = "/tmp/samspil-pg-restart-XXXXXX";
    m_dir = ::mkdtemp(dir) ? dir : "";
    m_url = run(kScript + " start " + m_dir + "/pg");
  }
  ~OwnCluster() { run(kScript + " stop " + m_dir + "/pg && rm -rf " + m_dir); }
  void halt() { run(kScript + " halt " + m_dir + "/pg"); }
  void resume() { run(kScript + " resume " + m_dir + "/pg"); }
  const std::string& url() const { return m_url; }

 private:
  std::string m_dir;
  std::string m_url;
};

TEST(PostgresRestart, ServerGoesAwayThenServiceRecoversWithoutRestart) {
  OwnCluster cluster;
  ASSERT_EQ(cluster.url().rfind("postgresql://", 0), 0u) << "cluster did not start: " << cluster.url();
  auto db = Database::open({.url = cluster.url(), .pool_size = 2});
  db->transaction([](Connection& c) {
    c.execute_script("CREATE TABLE kept (id TEXT PRIMARY KEY)");
    c.query("INSERT INTO kept (id) VALUES ($1)", {std::string("før nedbrud")});
  });
  { auto a = db->acquire(); auto b = db->acquire(); }  // two idle connections in the pool

  cluster.halt();
  EXPECT_FALSE(db->ping());
  EXPECT_THROW(db->transaction([](Connection& c) { c.query("SELECT 1"); }), Unavailable);
  EXPECT_THROW(Database::open({.url = cluster.url()}), Unavailable);
  EXPECT_EQ(db->pool_in_use(), 0);

  cluster.resume();
  EXPECT_TRUE(db->ping());
  const auto kept = db->transaction([](Connection& c) { return c.query("SELECT id FROM kept").rows.at(0).text(0); });
  EXPECT_EQ(kept, "før nedbrud");
}

}  // namespace
}  // namespace samspil::storage
