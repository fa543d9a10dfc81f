// The database layer on both engines: parameters, types, transactions, typed errors, the
// pool under concurrent use, SQLite's PRAGMAs and PostgreSQL's loss and recovery.
#include <gtest/gtest.h>

#include <atomic>
#include <limits>
#include <thread>

#include "storage/statement_count.hpp"
#include "storage/url.hpp"
#include "test_database.hpp"

namespace samspil::storage::testing {
namespace {

class DatabaseTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    m_db->acquire()->execute_script(
        "CREATE TABLE things (id TEXT PRIMARY KEY, n BIGINT, r DOUBLE PRECISION, t TEXT);"
        "CREATE TABLE parts (id TEXT PRIMARY KEY, thing TEXT NOT NULL REFERENCES things(id));");
  }
};

TEST_P(DatabaseTest, BoundParametersRoundTripEveryType) {
  auto lease = m_db->acquire();
  const std::string tricky = "it's \"quoted\"; DROP TABLE things; -- æøå ÆØÅ 👶";
  const std::int64_t lo = std::numeric_limits<std::int64_t>::min();
  const std::int64_t hi = std::numeric_limits<std::int64_t>::max();
  lease->query("INSERT INTO things (id, n, r, t) VALUES ($1, $2, $3, $4)", {std::string("a"), lo, 1.5, tricky});
  lease->query("INSERT INTO things (id, n, r, t) VALUES ($1, $2, $3, $4)", {std::string("b"), hi, nullptr, nullptr});
  auto rows = lease->query("SELECT id, n, r, t FROM things ORDER BY id").rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text(0), "a");
  EXPECT_EQ(rows[0].integer(1), lo);
  EXPECT_DOUBLE_EQ(rows[0].real(2), 1.5);
  EXPECT_EQ(rows[0].text(3), tricky);
  EXPECT_EQ(rows[1].integer(1), hi);
  EXPECT_TRUE(rows[1].is_null(2));
  EXPECT_EQ(rows[1].optional_text(3), std::nullopt);
  EXPECT_EQ(rows[1].optional_integer(1), hi);
  // A parameter used twice and compared with text: the same SQL on both engines.
  auto found = lease->query("SELECT count(*) FROM things WHERE t = $1 OR id = $1", {tricky});
  EXPECT_EQ(found.rows.at(0).integer(0), 1);
  EXPECT_EQ(lease->query("SELECT id FROM things WHERE t LIKE $1", {std::string("%æøå%")}).rows.size(), 1u);
}

TEST_P(DatabaseTest, AffectedRowsAndReturning) {
  auto lease = m_db->acquire();
  for (const char* id : {"a", "b", "c"}) {
    lease->query("INSERT INTO things (id, n) VALUES ($1, $2)", {std::string(id), std::int64_t{1}});
  }
  EXPECT_EQ(lease->query("UPDATE things SET n = n + 1 WHERE id <> $1", {std::string("a")}).affected, 2);
  auto returned = lease->query("UPDATE things SET n = 10 WHERE id = $1 RETURNING id, n", {std::string("c")});
  ASSERT_EQ(returned.rows.size(), 1u);
  EXPECT_EQ(returned.rows[0].integer(1), 10);
  EXPECT_EQ(lease->query("SELECT id FROM things").affected, 0);
}

TEST_P(DatabaseTest, WrongParameterCountIsAnError) {
  auto lease = m_db->acquire();
  EXPECT_THROW(lease->query("SELECT id FROM things WHERE id = $1", {}), DatabaseError);
  EXPECT_THROW(lease->query("SELECT id FROM things WHERE id = $1", {std::string("a"), std::string("b")}),
               DatabaseError);
  EXPECT_TRUE(lease->ping());  // the connection is still usable
}

TEST_P(DatabaseTest, TransactionCommitsAndRollsBack) {
  m_db->transaction([](Connection& c) { c.query("INSERT INTO things (id) VALUES ('kept')"); });
  EXPECT_THROW(m_db->transaction([](Connection& c) {
    c.query("INSERT INTO things (id) VALUES ('dropped')");
    throw std::runtime_error("handler failed");
  }),
               std::runtime_error);
  const auto value = m_db->transaction([](Connection& c) {
    return c.query("SELECT count(*) FROM things WHERE id = 'kept'").rows.at(0).integer(0);
  });
  EXPECT_EQ(value, 1);
  EXPECT_EQ(m_db->acquire()->query("SELECT count(*) FROM things WHERE id = 'dropped'").rows.at(0).integer(0), 0);
  EXPECT_EQ(m_db->pool_in_use(), 0);
}

// Database::read: the statements of one read see one snapshot (a row committed meanwhile by
// another connection appears only after it), and the connection comes back outside any
// transaction.
TEST_P(DatabaseTest, ReadSeesOneSnapshotAndEndsIt) {
  auto db = m_test_db.open(2);
  db->transaction([](Connection& c) { c.query("INSERT INTO things (id) VALUES ('first')"); });
  const auto counts = db->read([&](Connection& c) {
    const auto before = c.query("SELECT count(*) FROM things").rows.at(0).integer(0);
    db->transaction([](Connection& w) { w.query("INSERT INTO things (id) VALUES ('meanwhile')"); });
    const auto after = c.query("SELECT count(*) FROM things").rows.at(0).integer(0);
    return std::pair{before, after};
  });
  EXPECT_EQ(counts.first, 1);
  EXPECT_EQ(counts.second, 1);
  EXPECT_EQ(db->pool_in_use(), 0);
  EXPECT_EQ(db->read([](Connection& c) { return c.query("SELECT count(*) FROM things").rows.at(0).integer(0); }), 2);
  // A failing read ends its transaction too; the pooled connection stays usable.
  EXPECT_THROW(db->read([](Connection& c) { c.query("SELECT nonsense FROM nowhere"); }), DatabaseError);
  EXPECT_TRUE(db->acquire()->reusable());
}

// ReadScope: consecutive reads on the thread share one read transaction (one snapshot, one
// connection); a write by this thread ends it, so later reads see the write; the scope's end
// gives the connection back outside any transaction.
TEST_P(DatabaseTest, ReadScopeSharesOneSnapshotUntilThisThreadWrites) {
  auto db = m_test_db.open(3);
  const auto count = [&] {
    return db->read([](Connection& c) { return c.query("SELECT count(*) FROM things").rows.at(0).integer(0); });
  };
  db->transaction([](Connection& c) { c.query("INSERT INTO things (id) VALUES ('first')"); });
  {
    ReadScope scope(*db);
    EXPECT_EQ(db->pool_in_use(), 0);  // begun by the first read, not by the scope
    EXPECT_EQ(count(), 1);
    EXPECT_EQ(db->pool_in_use(), 1);
    // Another thread commits a row: this request's later reads still see its snapshot.
    std::thread([&] { db->transaction([](Connection& w) { w.query("INSERT INTO things (id) VALUES ('other')"); }); })
        .join();
    EXPECT_EQ(count(), 1);
    EXPECT_EQ(db->pool_in_use(), 1);
    // This thread writes: the shared read ends first, the next read sees both rows. A read
    // inside the transaction gets its own (not the shared one, whose snapshot would miss
    // the write for the rest of the scope).
    db->transaction([&](Connection& w) {
      EXPECT_EQ(db->pool_in_use(), 1);
      w.query("INSERT INTO things (id) VALUES ('mine')");
      EXPECT_EQ(count(), 2);
      EXPECT_EQ(db->pool_in_use(), 1);
    });
    EXPECT_EQ(db->pool_in_use(), 0);
    EXPECT_EQ(count(), 3);
    {
      ReadScope nested(*db);  // nested: the outer scope's transaction goes on
      EXPECT_EQ(count(), 3);
      EXPECT_EQ(db->pool_in_use(), 1);
    }
    EXPECT_EQ(db->pool_in_use(), 1);
    // acquire() ends it too, and while its lease lives reads get their own transactions
    // (its holder may write without one and read the write back).
    {
      auto lease = db->acquire();
      EXPECT_EQ(db->pool_in_use(), 1);
      lease->query("INSERT INTO things (id) VALUES ('plain')");
      EXPECT_EQ(count(), 4);
      lease->query("INSERT INTO things (id) VALUES ('plain 2')");
      EXPECT_EQ(count(), 5);
    }
    EXPECT_EQ(count(), 5);
  }
  EXPECT_EQ(db->pool_in_use(), 0);
  EXPECT_TRUE(db->acquire()->reusable());
}

TEST_P(DatabaseTest, ReadScopeStatementsAndFailures) {
  auto db = m_test_db.open(2);
  db->transaction([](Connection& c) { c.query("INSERT INTO things (id) VALUES ('a')"); });
  const auto one_read = [&] { db->read([](Connection& c) { c.query("SELECT count(*) FROM things"); }); };
  // Without a scope: BEGIN, SELECT, COMMIT per read; with one: BEGIN and COMMIT once.
  std::uint64_t before = statements_run_on_this_thread();
  one_read();
  one_read();
  EXPECT_EQ(statements_run_on_this_thread() - before, 6u);
  before = statements_run_on_this_thread();
  {
    ReadScope scope(*db);
    one_read();
    one_read();
  }
  EXPECT_EQ(statements_run_on_this_thread() - before, 4u);
  {
    ReadScope scope(*db);
    // A failing statement ends the shared transaction (PostgreSQL would refuse every later
    // statement in it); the next read begins a new one and works.
    EXPECT_THROW(db->read([](Connection& c) { c.query("SELECT nonsense FROM nowhere"); }), DatabaseError);
    EXPECT_EQ(db->pool_in_use(), 0);
    EXPECT_EQ(db->read([](Connection& c) { return c.query("SELECT count(*) FROM things").rows.at(0).integer(0); }), 1);
    // A read inside a read gets a transaction of its own, as without scopes.
    db->read([&](Connection& outer) {
      db->read([&](Connection& inner) { EXPECT_NE(&inner, &outer); });
      EXPECT_EQ(db->pool_in_use(), 1);
    });
  }
  EXPECT_EQ(db->pool_in_use(), 0);
}

TEST_P(DatabaseTest, ConstraintViolationsAreTyped) {
  auto lease = m_db->acquire();
  lease->query("INSERT INTO things (id) VALUES ('a')");
  EXPECT_THROW(lease->query("INSERT INTO things (id) VALUES ('a')"), ConstraintViolation);
  EXPECT_THROW(lease->query("INSERT INTO parts (id, thing) VALUES ('p', 'missing')"), ConstraintViolation);
  EXPECT_THROW(lease->query("INSERT INTO parts (id, thing) VALUES ('p', NULL)"), ConstraintViolation);
  EXPECT_THROW(lease->query("SELECT nonsense FROM nowhere"), DatabaseError);
  // A constraint failure inside a transaction rolls back the whole transaction.
  EXPECT_THROW(m_db->transaction([](Connection& c) {
    c.query("INSERT INTO things (id) VALUES ('b')");
    c.query("INSERT INTO things (id) VALUES ('a')");
  }),
               ConstraintViolation);
  EXPECT_EQ(lease->query("SELECT count(*) FROM things").rows.at(0).integer(0), 1);
}

TEST_P(DatabaseTest, PoolReusesConnectionsAndServesThreads) {
  auto db = m_test_db.open(3);
  { auto a = db->acquire(); auto b = db->acquire(); EXPECT_EQ(db->pool_in_use(), 2); }
  EXPECT_EQ(db->pool_in_use(), 0);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        try {
          db->transaction([&](Connection& c) {
            c.query("INSERT INTO things (id, n) VALUES ($1, $2)",
                    {std::to_string(t) + "-" + std::to_string(i), std::int64_t{i}});
          });
        } catch (const std::exception& e) {
          ADD_FAILURE() << e.what();
          ++failures;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(db->acquire()->query("SELECT count(*) FROM things").rows.at(0).integer(0), 150);
  EXPECT_EQ(db->pool_in_use(), 0);
  EXPECT_EQ(db->pool_size(), 3);
}

TEST_P(DatabaseTest, PoolTimesOutWhenExhausted) {
  auto db = Database::open({.url = m_test_db.url(), .pool_size = 1, .acquire_timeout = std::chrono::milliseconds(100)});
  auto held = db->acquire();
  EXPECT_THROW(db->acquire(), Unavailable);
}

TEST_P(DatabaseTest, PingAnswers) { EXPECT_TRUE(m_db->ping()); }

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         engine_name);

// --- SQLite only -------------------------------------------------------------------------

TEST(SqliteDatabase, PragmasAreInForceOnEveryConnection) {
  TestDatabase test_db;
  ASSERT_TRUE(test_db.create(Dialect::sqlite));
  auto db = Database::open({.url = test_db.url(), .pool_size = 2, .busy_timeout = std::chrono::milliseconds(1234)});
  auto a = db->acquire();
  auto b = db->acquire();  // a second, separately opened connection
  for (Connection* c : {&*a, &*b}) {
    EXPECT_EQ(c->query("PRAGMA journal_mode").rows.at(0).text(0), "wal");
    EXPECT_EQ(c->query("PRAGMA synchronous").rows.at(0).integer(0), 2);  // FULL
    EXPECT_EQ(c->query("PRAGMA foreign_keys").rows.at(0).integer(0), 1);
    EXPECT_EQ(c->query("PRAGMA busy_timeout").rows.at(0).integer(0), 1234);
  }
}

TEST(SqliteDatabase, CreatesTheParentDirectory) {
  TestDatabase test_db;
  ASSERT_TRUE(test_db.create(Dialect::sqlite));
  const std::string url = test_db.url();
  const std::string nested = url.substr(0, url.rfind('/')) + "/var/deeper/samspil.db";
  auto db = Database::open({.url = nested});
  EXPECT_TRUE(std::filesystem::exists(nested.substr(9)));
}

TEST(SqliteDatabase, BusyWriterGivesAClearError) {
  TestDatabase test_db;
  ASSERT_TRUE(test_db.create(Dialect::sqlite));
  auto db = Database::open({.url = test_db.url(), .pool_size = 2, .busy_timeout = std::chrono::milliseconds(50)});
  auto writer = db->acquire();
  writer->query("BEGIN IMMEDIATE");
  try {
    db->transaction([](Connection&) {});
    FAIL() << "expected the second writer to time out";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("busy"), std::string::npos) << e.what();
  }
  writer->query("ROLLBACK");
}

TEST(SqliteDatabase, MemoryDatabaseUsesOneConnection) {
  auto db = Database::open({.url = "sqlite::memory:", .pool_size = 4});
  EXPECT_EQ(db->pool_size(), 1);
  db->acquire()->execute_script("CREATE TABLE t (x BIGINT); INSERT INTO t VALUES (7);");
  EXPECT_EQ(db->acquire()->query("SELECT x FROM t").rows.at(0).integer(0), 7);
}

TEST(DatabaseUrl, FormsAndRedaction) {
  EXPECT_EQ(parse_database_url("sqlite:///abs/x.db").target, "/abs/x.db");
  EXPECT_EQ(parse_database_url("sqlite://var/x.db").target, "var/x.db");
  EXPECT_TRUE(parse_database_url("sqlite::memory:").memory);
  EXPECT_EQ(parse_database_url("postgres://u@h/db").dialect, Dialect::postgresql);
  EXPECT_THROW(parse_database_url("mysql://u:secret@h/db"), DatabaseError);
  try {
    parse_database_url("mysql://u:secret@h/db");
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos);
  }
  EXPECT_EQ(redact_database_url("postgresql://app:s3cr3t@db:5432/samspil"), "postgresql://app:***@db:5432/samspil");
  EXPECT_EQ(redact_database_url("postgresql://db/samspil?user=a&password=x&sslmode=require"),
            "postgresql://db/samspil?user=a&password=***&sslmode=require");
  EXPECT_EQ(redact_database_url("postgresql://app@db/samspil"), "postgresql://app@db/samspil");
}

// --- PostgreSQL only ---------------------------------------------------------------------

TEST(PostgresDatabase, UnreachableServerIsUnavailableWithoutPassword) {
  // Port 1 on loopback refuses at once.
  try {
    Database::open({.url = "postgresql://samspil:topsecret@127.0.0.1:1/samspil"});
    FAIL() << "expected Unavailable";
  } catch (const Unavailable& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.find("topsecret"), std::string::npos) << message;
    EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
    EXPECT_NE(message.find("cannot connect"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
  }
}

TEST(PostgresDatabase, KilledConnectionIsUnavailableThenThePoolReconnects) {
  TestDatabase test_db;
  ASSERT_TRUE(test_db.create(Dialect::postgresql)) << test_db.missing();
  auto db = test_db.open(2);
  std::int64_t victim_pid = 0;
  {
    auto lease = db->acquire();
    victim_pid = lease->query("SELECT pg_backend_pid()").rows.at(0).integer(0);
    auto killer = Database::open({.url = test_db.url(), .pool_size = 1});
    EXPECT_EQ(killer->acquire()->query("SELECT pg_terminate_backend($1::int)", {victim_pid}).rows.at(0).integer(0), 1);
    EXPECT_THROW(lease->query("SELECT 1"), Unavailable);
  }
  // The lost connection went back to the pool broken; the next lease is a new backend.
  auto lease = db->acquire();
  EXPECT_NE(lease->query("SELECT pg_backend_pid()").rows.at(0).integer(0), victim_pid);
  EXPECT_EQ(db->pool_in_use(), 1);
}

TEST(PostgresDatabase, IdleConnectionsKilledByTheServerAreReplacedOnAcquire) {
  TestDatabase test_db;
  ASSERT_TRUE(test_db.create(Dialect::postgresql)) << test_db.missing();
  auto db = test_db.open(2);
  { auto a = db->acquire(); auto b = db->acquire(); }
  // Kill every backend of this database while the pool holds them idle (a server restart
  // looks the same), then every caller still gets a working connection.
  auto killer = Database::open({.url = test_db.url(), .pool_size = 1});
  auto k = killer->acquire();
  k->query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(db->ping());
  EXPECT_EQ(db->transaction([](Connection& c) { return c.query("SELECT 41 + 1").rows.at(0).integer(0); }), 42);
}

TEST(PostgresDatabase, TransactionOnLostConnectionDiscardsIt) {
  TestDatabase test_db;
  ASSERT_TRUE(test_db.create(Dialect::postgresql)) << test_db.missing();
  auto db = test_db.open(1);
  auto killer = Database::open({.url = test_db.url(), .pool_size = 1});
  EXPECT_THROW(db->transaction([&](Connection& c) {
    const auto pid = c.query("SELECT pg_backend_pid()").rows.at(0).integer(0);
    killer->acquire()->query("SELECT pg_terminate_backend($1::int)", {pid});
    c.query("SELECT 1");
  }),
               Unavailable);
  EXPECT_EQ(db->pool_in_use(), 0);
  EXPECT_TRUE(db->ping());
}

}  // namespace
}  // namespace samspil::storage::testing
