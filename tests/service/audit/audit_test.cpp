// The access log on both engines: the hash chain, its verification against edits and
// deletions, rollback with the caller's transaction, concurrent appenders for one
// municipality, and the guardian's extract query.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "service/audit/audit.hpp"
#include "service/audit/audit_chain.hpp"
#include "storage/audit_store.hpp"
#include "storage/migrations.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::storage::testing {
namespace {

namespace audit = service::audit;

class AuditTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(*m_db, load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam()));
    auto lease = m_db->acquire();
    for (const char* t : {"ta", "tb"}) {
      lease->query("INSERT INTO tenants (id, name, created_at) VALUES ($1, $2, 1)",
                   {std::string(t), std::string("Kommune ") + t});
    }
  }

  service::Actor actor(const std::string& tenant, const std::string& user) {
    service::Actor a;
    a.tenant = tenant;
    a.user_id = user;
    a.role = service::Role::professional;
    a.unit_ids = {"unit-1", "unit-2"};
    a.led_unit_ids = {"unit-2"};
    a.request_id = "req-1";
    return a;
  }

  void append(const std::string& tenant, int n, const std::string& purpose = "Sagsbehandling") {
    for (int i = 0; i < n; ++i) {
      m_db->transaction([&](Connection& c) {
        audit::record(c, actor(tenant, "u1"),
                      {audit::Action::read, "child", "c" + std::to_string(i), "c1", purpose, ""}, 1000 + i);
      });
    }
  }

  std::int64_t count(const std::string& tenant) {
    return m_db->acquire()->query("SELECT COUNT(*) FROM audit_log WHERE tenant = $1", {tenant}).rows.at(0).integer(0);
  }
};

TEST_P(AuditTest, EntriesFormAContiguousChainPerMunicipality) {
  append("ta", 5);
  append("tb", 3);
  m_db->transaction([&](Connection& c) {
    audit::record_system(c, "ta", "anonymous", "", {audit::Action::sign_in_failed, "session", "", "", "Log-ind", ""},
                         "req-9", 2000);
  });
  auto lease = m_db->acquire();
  const auto rows = list_audit_records(*lease, "ta", 0, 100);
  ASSERT_EQ(rows.size(), 6u);
  std::string prev(64, '0');
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].seq, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(rows[i].prev_hash, prev);
    EXPECT_EQ(rows[i].hash, audit::entry_hash(rows[i]));
    prev = rows[i].hash;
  }
  // The actor's unit is the first unit they lead; the role is its code.
  EXPECT_EQ(rows[0].actor_unit, std::optional<std::string>("unit-2"));
  EXPECT_EQ(rows[0].actor_role, "professional");
  EXPECT_EQ(rows[0].action, "read");
  EXPECT_EQ(rows[0].request_id, std::optional<std::string>("req-1"));
  // Anonymous entries: no actor id, no unit, empty fields stored as NULL.
  EXPECT_EQ(rows[5].actor_role, "anonymous");
  EXPECT_EQ(rows[5].actor_id, std::nullopt);
  EXPECT_EQ(rows[5].actor_unit, std::nullopt);
  EXPECT_EQ(rows[5].object_id, std::nullopt);
  EXPECT_EQ(rows[5].action, "sign_in_failed");
  const auto head = find_audit_head(*lease, "ta");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->seq, 6);
  EXPECT_EQ(head->hash, prev);
  const auto result = audit::verify_chains(*m_db, std::nullopt, 2);  // small pages on purpose
  EXPECT_TRUE(result.ok) << result.tenant << " " << result.seq << " " << result.what;
  EXPECT_EQ(result.entries, 9);
  EXPECT_EQ(result.tenants, 2);
}

TEST_P(AuditTest, AnEntryRollsBackWithTheCallersTransaction) {
  append("ta", 2);
  EXPECT_THROW(m_db->transaction([&](Connection& c) {
    audit::record(c, actor("ta", "u1"), {audit::Action::change, "unit", "x", "", "Administration", ""}, 5000);
    throw std::runtime_error("change failed");
  }),
               std::runtime_error);
  EXPECT_EQ(count("ta"), 2);
  append("ta", 1);
  EXPECT_TRUE(audit::verify_chains(*m_db, std::string("ta")).ok);
}

TEST_P(AuditTest, AnEditedEntryIsNamed) {
  append("ta", 5);
  append("tb", 2);
  m_db->acquire()->query("UPDATE audit_log SET purpose = 'Nysgerrighed' WHERE tenant = 'ta' AND seq = 3");
  const auto r = audit::verify_chains(*m_db, std::nullopt);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.tenant, "ta");
  EXPECT_EQ(r.seq, 3);
  EXPECT_EQ(r.what, "edited");
  // The other municipality's chain is intact on its own.
  EXPECT_TRUE(audit::verify_chains(*m_db, std::string("tb")).ok);
}

TEST_P(AuditTest, ARecomputedHashStillBreaksTheNextLink) {
  append("ta", 4);
  auto lease = m_db->acquire();
  auto rows = list_audit_records(*lease, "ta", 1, 1);
  ASSERT_EQ(rows.size(), 1u);
  rows[0].purpose = "Andet";
  lease->query("UPDATE audit_log SET purpose = $1, hash = $2 WHERE tenant = 'ta' AND seq = 2",
               {rows[0].purpose, audit::entry_hash(rows[0])});
  const auto r = audit::verify_chains(*m_db, std::nullopt);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.seq, 3);
  EXPECT_EQ(r.what, "edited");
}

TEST_P(AuditTest, DeletedEntriesAreNamed) {
  append("ta", 5);
  m_db->acquire()->query("DELETE FROM audit_log WHERE tenant = 'ta' AND seq = 2");
  auto r = audit::verify_chains(*m_db, std::nullopt);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.seq, 2);
  EXPECT_EQ(r.what, "missing");
  // The last entry deleted: the head still points past the end.
  append("tb", 3);
  m_db->acquire()->query("DELETE FROM audit_log WHERE tenant = 'tb' AND seq = 3");
  r = audit::verify_chains(*m_db, std::string("tb"));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.seq, 3);
  EXPECT_EQ(r.what, "missing");
  // The head rewritten as well: still caught as a head that does not match.
  m_db->acquire()->query("UPDATE audit_heads SET seq = 2, hash = 'x' WHERE tenant = 'tb'");
  r = audit::verify_chains(*m_db, std::string("tb"));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.what, "head mismatch");
}

TEST_P(AuditTest, TheEncodingIsUnambiguous) {
  AuditRecord a;
  a.tenant = "t";
  a.actor_role = "r";
  a.object_type = "ab";
  a.purpose = "c";
  a.prev_hash = std::string(64, '0');
  AuditRecord b = a;
  b.object_type = "a";
  b.purpose = "bc";
  EXPECT_NE(audit::entry_hash(a), audit::entry_hash(b));
  AuditRecord c = a;
  c.object_id = "";  // "" differs from NULL
  EXPECT_NE(audit::entry_hash(a), audit::entry_hash(c));
  EXPECT_EQ(audit::entry_hash(a).size(), 64u);
}

TEST_P(AuditTest, ConcurrentAppendersYieldOneValidChain) {
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  auto db = m_test_db.open(kThreads);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        try {
          db->transaction([&](Connection& c) {
            audit::record(c, actor("ta", "u" + std::to_string(t)),
                          {audit::Action::read, "child", std::to_string(i), "", "Sagsbehandling", ""}, 1);
          });
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count("ta"), kThreads * kEach);
  const auto r = audit::verify_chains(*m_db, std::nullopt);
  EXPECT_TRUE(r.ok) << r.tenant << " " << r.seq << " " << r.what;
  EXPECT_EQ(r.entries, kThreads * kEach);
}

TEST_P(AuditTest, TheGuardianExtractShowsOnlyTheirChildrenWithUnitNames) {
  auto lease = m_db->acquire();
  lease->query("INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('unit-2', 'ta', 'daycare', 'Solsikken', 1)");
  for (const char* u : {"g1", "g2"}) {
    lease->query("INSERT INTO users (id, tenant, email, display_name, role, created_at) VALUES ($1, 'ta', $2, 'G', "
                 "'guardian', 1)",
                 {std::string(u), std::string(u) + "@x.dk"});
  }
  for (const char* c : {"c1", "c2"}) {
    lease->query("INSERT INTO children (id, tenant, first_name, last_name, birth_date, created_at) VALUES ($1, 'ta', "
                 "'A', 'B', '2020-01-01', 1)",
                 {std::string(c)});
  }
  lease->query("INSERT INTO guardianships (tenant, child_id, user_id, relation, created_at) VALUES ('ta', 'c1', 'g1', "
               "'parent', 1)");
  lease->query("INSERT INTO guardianships (tenant, child_id, user_id, relation, created_at) VALUES ('ta', 'c2', 'g2', "
               "'parent', 1)");
  for (int i = 0; i < 3; ++i) {
    m_db->transaction([&](Connection& c) {
      audit::record(c, actor("ta", "u1"), {audit::Action::read, "child", "c1", "c1", "Sagsbehandling", ""}, 100 + i);
      audit::record(c, actor("ta", "u1"), {audit::Action::read, "child", "c2", "c2", "Sagsbehandling", ""}, 100 + i);
    });
  }
  const auto rows = list_child_access(*lease, "ta", "g1", 0, 2);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at_ms, 102);  // newest first
  EXPECT_EQ(rows[0].unit_name, "Solsikken");
  EXPECT_EQ(rows[0].child_id, "c1");
  EXPECT_EQ(count_child_access(*lease, "ta", "g1"), 3);
  EXPECT_EQ(list_child_access(*lease, "ta", "g1", 2, 2).size(), 1u);
  // Another municipality sees nothing of it.
  EXPECT_EQ(count_child_access(*lease, "tb", "g1"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql), engine_name);

}  // namespace
}  // namespace samspil::storage::testing
