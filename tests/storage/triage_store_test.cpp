// The triage store on both engines: the district queue (only undecided requests of the
// given districts, oldest first, back after the request is sent again), decisions, staff
// of a district, waiting facts with the first start-up meeting, tenant isolation.
#include <gtest/gtest.h>

#include "cases_world.hpp"
#include "storage/case_store.hpp"
#include "storage/triage_store.hpp"

namespace samspil::storage::testing {
namespace {

class TriageStorageTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    w = cases_testing::seed_world(*m_db);
    auto lease = m_db->acquire();
    lease->query("INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('u-ppr2', 't1', 'ppr', 'Distrikt 2', 1)");
    add_case(*lease, "case-a", 300, "u-ppr");
    add_case(*lease, "case-b", 100, "u-ppr");
    add_case(*lease, "case-c", 200, "u-ppr2");
    add_case(*lease, "case-d", std::nullopt, "");
  }

  void add_case(Connection& conn, const std::string& id, std::optional<std::int64_t> requested, const std::string& unit) {
    CaseRecord c;
    c.id = id;
    c.tenant = "t1";
    c.child_id = w.child;
    c.model_id = "ppr-vejen-ind";
    c.state = "henvendelse";
    c.title = "Titel " + id;
    c.created_by = w.teacher;
    c.ppr_unit_id = unit;
    c.ppr_requested_at_ms = requested;
    c.opened_at_ms = c.created_at_ms = c.updated_at_ms = 1;
    insert_case(conn, c);
  }

  TriageDecisionRow decision(const std::string& id, const std::string& case_id, std::int64_t requested,
                             std::int64_t decided, const std::string& unit = "u-ppr") {
    TriageDecisionRow d;
    d.id = id;
    d.tenant = "t1";
    d.case_id = case_id;
    d.ppr_unit_id = unit;
    d.decision = "assign";
    d.decided_by = w.district_lead;
    d.decided_at_ms = decided;
    d.requested_at_ms = requested;
    d.waited_ms = decided - requested;
    d.assignee_id = w.psychologist;
    d.reason_encrypted = "v1:x";
    d.created_at_ms = decided;
    return d;
  }

  std::vector<std::string> queue_ids(Connection& conn, const std::vector<std::string>& units) {
    std::vector<std::string> out;
    for (const auto& q : triage_queue(conn, "t1", units, 50)) out.push_back(q.case_id);
    return out;
  }

  cases_testing::World w;
};

TEST_P(TriageStorageTest, QueueHoldsUndecidedRequestsOfTheDistrictsOldestFirst) {
  auto lease = m_db->acquire();
  EXPECT_EQ(queue_ids(*lease, {"u-ppr"}), (std::vector<std::string>{"case-b", "case-a"}));
  EXPECT_EQ(queue_ids(*lease, {"u-ppr", "u-ppr2"}), (std::vector<std::string>{"case-b", "case-c", "case-a"}));
  EXPECT_TRUE(queue_ids(*lease, {}).empty());
  const auto items = triage_queue(*lease, "t1", {"u-ppr"}, 50);
  EXPECT_EQ(items[0].ppr_unit_name, "Enhed u-ppr");
  EXPECT_EQ(items[0].child_unit_name, "Enhed u-school");
  EXPECT_EQ(items[0].requested_at_ms, 100);
  EXPECT_TRUE(triage_queue(*lease, "t2", {"u-ppr"}, 50).empty());
}

TEST_P(TriageStorageTest, DecidedRequestLeavesQueueAndReturnsWhenSentAgain) {
  auto lease = m_db->acquire();
  insert_triage_decision(*lease, decision("d-1", "case-b", 100, 1000));
  EXPECT_TRUE(request_decided(*lease, "t1", "case-b", 100));
  EXPECT_FALSE(request_decided(*lease, "t1", "case-b", 5000));
  EXPECT_EQ(queue_ids(*lease, {"u-ppr"}), (std::vector<std::string>{"case-a"}));
  lease->query("UPDATE cases SET ppr_requested_at = 5000 WHERE id = 'case-b'");
  EXPECT_EQ(queue_ids(*lease, {"u-ppr"}), (std::vector<std::string>{"case-a", "case-b"}));
  const auto rows = decisions_of_case(*lease, "t1", "case-b");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].waited_ms, 900);
  EXPECT_EQ(rows[0].assignee_id, w.psychologist);
  EXPECT_EQ(rows[0].reason_encrypted, "v1:x");
  EXPECT_EQ(rows[0].task_id, "");
  EXPECT_EQ(rows[0].decided_by_name, "Navn p-district");
  EXPECT_TRUE(decisions_of_case(*lease, "t2", "case-b").empty());
}

TEST_P(TriageStorageTest, StaffOfUnitAreActiveMembersNotGuardiansOrDisabled) {
  auto lease = m_db->acquire();
  lease->query("INSERT INTO users (id, tenant, email, display_name, role, created_at, disabled_at) VALUES "
               "('p-gone', 't1', 'g@x.dk', 'Aage Gone', 'professional', 1, 5)");
  lease->query("INSERT INTO unit_memberships (tenant, user_id, unit_id, is_leader) VALUES ('t1', 'p-gone', 'u-ppr', 0)");
  std::vector<std::string> ids;
  for (const auto& s : staff_of_unit(*lease, "t1", "u-ppr")) ids.push_back(s.user_id);
  EXPECT_EQ(ids, (std::vector<std::string>{w.district_lead, w.psychologist}));
  EXPECT_TRUE(staff_of_unit(*lease, "t2", "u-ppr").empty());
}

TEST_P(TriageStorageTest, WaitingFactsFindTheFirstStartupMeetingAfterTheRequest) {
  auto lease = m_db->acquire();
  insert_triage_decision(*lease, decision("d-1", "case-b", 100, 1000));
  insert_triage_decision(*lease, decision("d-2", "case-c", 200, 400, "u-ppr2"));
  auto meeting = [&](const std::string& id, const std::string& type, std::int64_t starts, const std::string& status) {
    lease->query(
        "INSERT INTO meetings (id, tenant, case_id, model_id, type_id, status, course, starts_at, ical_uid, "
        "convened_by, convened_at, created_at, updated_at) VALUES ($1, 't1', 'case-b', 'ppr-vejen-ind', $2, $3, "
        "'same', $4, $5, 'p-psych', 1, 1, 1)",
        {id, type, status, starts, id + "@uid"});
  };
  meeting("m-early", "opstartsmoede", 50, "held");       // before the request: ignored
  meeting("m-cancel", "opstartsmoede", 2000, "cancelled");
  meeting("m-other", "formoede", 2500, "invited");
  meeting("m-start", "opstartsmoede", 3000, "invited");
  meeting("m-later", "opstartsmoede", 9000, "invited");
  const auto facts = waiting_facts(*lease, "t1", {"u-ppr"}, "opstartsmoede");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].case_id, "case-b");
  EXPECT_EQ(facts[0].waited_ms, 900);
  EXPECT_EQ(facts[0].first_meeting_at_ms, 3000);
  EXPECT_EQ(first_meeting_of_type(*lease, "t1", "case-b", "opstartsmoede", 100), 3000);
  EXPECT_FALSE(first_meeting_of_type(*lease, "t1", "case-c", "opstartsmoede", 0));
  EXPECT_EQ(waiting_facts(*lease, "t1", {"u-ppr", "u-ppr2"}, "opstartsmoede").size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, TriageStorageTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         engine_name);

}  // namespace
}  // namespace samspil::storage::testing
