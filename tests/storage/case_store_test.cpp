// The cases stores on both engines: round trips, list scopes, the timeline's keyset pages,
// consent withdrawal, idempotency keys and tenant isolation.
#include <gtest/gtest.h>

#include "cases_world.hpp"
#include "storage/case_store.hpp"
#include "storage/child_store.hpp"
#include "storage/consent_store.hpp"
#include "storage/event_store.hpp"

namespace samspil::storage::testing {
namespace {

using cases_testing::World;

class CasesStorageTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    m_world = cases_testing::seed_world(*m_db);
  }

  CaseRecord make_case(const std::string& id, const std::string& child) {
    CaseRecord c;
    c.id = id;
    c.tenant = "t1";
    c.child_id = child;
    c.model_id = "ppr-vejen-ind";
    c.state = "bekymring";
    c.title = "Trivsel i klassen";
    c.unit_id = m_world.school;
    c.created_by = m_world.teacher;
    c.opened_at_ms = 100;
    c.created_at_ms = 100;
    c.updated_at_ms = 100;
    return c;
  }

  World m_world;
};

TEST_P(CasesStorageTest, ChildWithSealedCprRoundTripsAndMoves) {
  auto lease = m_db->acquire();
  ChildRecord child{"c-9", "t1", "Carl", "Nielsen", "2018-01-02", "v1:sealed", "hash-1", m_world.school, "0.A", 5, 5};
  insert_child(*lease, child);
  auto found = find_child(*lease, "t1", "c-9");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->cpr_encrypted, "v1:sealed");
  EXPECT_EQ(found->group_name, "0.A");
  EXPECT_EQ(find_child_by_cpr_hash(*lease, "t1", "hash-1")->id, "c-9");
  EXPECT_FALSE(find_child_by_cpr_hash(*lease, "t2", "hash-1"));
  EXPECT_FALSE(find_child_by_cpr_hash(*lease, "t1", ""));
  EXPECT_FALSE(find_child(*lease, "t2", "c-9"));
  EXPECT_TRUE(move_child(*lease, "t1", "c-9", m_world.other_school, "1.B", 50));
  EXPECT_FALSE(move_child(*lease, "t2", "c-9", m_world.other_school, "1.B", 50));
  found = find_child(*lease, "t1", "c-9");
  EXPECT_EQ(found->unit_id, m_world.other_school);
  EXPECT_EQ(found->updated_at_ms, 50);
}

TEST_P(CasesStorageTest, ChildrenOfUnitsForTheRegistrationForm) {
  auto lease = m_db->acquire();
  auto names = [&](const std::string& tenant, const std::vector<std::string>& units) {
    std::vector<std::string> out;
    for (const auto& c : children_in_units(*lease, tenant, units, 10)) out.push_back(c.first_name);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names("t1", {m_world.school}), (V{"Bo", "Alma"}));  // by last name: Hansen, Jensen
  EXPECT_EQ(names("t1", {m_world.other_school}), V{});
  EXPECT_EQ(names("t1", {}), V{});
  EXPECT_EQ(names("t2", {m_world.school}), V{});
}

TEST_P(CasesStorageTest, CaseRoundTripAndUpdate) {
  auto lease = m_db->acquire();
  insert_case(*lease, make_case("k-1", "c-1"));
  auto c = find_case(*lease, "t1", "k-1");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->state, "bekymring");
  EXPECT_EQ(c->child_unit_id, m_world.school);
  EXPECT_FALSE(c->closed_at_ms);
  EXPECT_FALSE(find_case(*lease, "t2", "k-1"));
  c->state = "lukket";
  c->closed_at_ms = 200;
  c->close_reason = "Bekymringen er løst";
  c->retention_until_ms = 999;
  c->assigned_to = m_world.psychologist;
  c->ppr_unit_id = m_world.ppr_unit;
  c->ppr_requested_at_ms = 150;
  c->updated_at_ms = 200;
  update_case(*lease, *c);
  auto again = find_case(*lease, "t1", "k-1");
  EXPECT_EQ(again->state, "lukket");
  EXPECT_EQ(again->closed_at_ms, 200);
  EXPECT_EQ(again->close_reason, "Bekymringen er løst");
  EXPECT_EQ(again->retention_until_ms, 999);
  EXPECT_EQ(again->assigned_to, m_world.psychologist);
  EXPECT_EQ(again->ppr_requested_at_ms, 150);
  EXPECT_EQ(cases_of_child(*lease, "t1", "c-1").size(), 1u);
  EXPECT_TRUE(cases_of_child(*lease, "t2", "c-1").empty());
}

TEST_P(CasesStorageTest, ListScopesFollowTheRelations) {
  auto lease = m_db->acquire();
  insert_case(*lease, make_case("k-1", "c-1"));
  insert_case(*lease, make_case("k-2", "c-2"));
  auto k3 = make_case("k-3", "c-2");
  k3.assigned_to = m_world.psychologist;
  k3.ppr_unit_id = m_world.ppr_unit;
  k3.ppr_requested_at_ms = 120;
  insert_case(*lease, k3);
  upsert_participant(*lease, "t1", {"k-1", m_world.teacher, "participant", 1});
  upsert_participant(*lease, "t1", {"k-1", m_world.teacher, "chair", 1});
  ASSERT_EQ(case_participants(*lease, "t1", "k-1").size(), 1u);
  EXPECT_EQ(case_participants(*lease, "t1", "k-1")[0].role, "chair");
  EXPECT_TRUE(is_participant(*lease, "t1", "k-1", m_world.teacher));
  EXPECT_FALSE(is_participant(*lease, "t2", "k-1", m_world.teacher));

  auto ids = [&](const CaseListScope& scope, const std::string& after = "", int limit = 10) {
    std::vector<std::string> out;
    for (const auto& c : list_cases(*lease, "t1", scope, after, limit)) out.push_back(c.id);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids({m_world.teacher, {}, {}, false}), (V{"k-1"}));
  EXPECT_EQ(ids({m_world.psychologist, {}, {}, false}), (V{"k-3"}));
  EXPECT_EQ(ids({m_world.leader, {m_world.school}, {}, false}), (V{"k-1", "k-2", "k-3"}));
  EXPECT_EQ(ids({m_world.leader, {m_world.school}, {}, false}, "k-1", 1), (V{"k-2"}));
  EXPECT_EQ(ids({m_world.other_leader, {m_world.other_school}, {}, false}), V{});
  EXPECT_EQ(ids({m_world.district_lead, {}, {m_world.ppr_unit}, false}), (V{"k-3"}));
  EXPECT_EQ(ids({m_world.stranger, {}, {}, false}), V{});
  EXPECT_EQ(ids({m_world.mother, {}, {}, true}), (V{"k-1"}));
  EXPECT_EQ(ids({m_world.other_parent, {}, {}, true}), (V{"k-2", "k-3"}));
  EXPECT_TRUE(list_cases(*lease, "t2", {m_world.leader, {m_world.school}, {}, false}, "", 10).empty());
}

TEST_P(CasesStorageTest, TimelinePagesByTimeAndFiltersByKind) {
  auto lease = m_db->acquire();
  insert_case(*lease, make_case("k-1", "c-1"));
  append_case_event(*lease, {"e-b", "t1", "k-1", 10, m_world.teacher, "registered", "{}"});
  append_case_event(*lease, {"e-a", "t1", "k-1", 20, m_world.teacher, "moved", R"({"to":"x"})"});
  append_case_event(*lease, {"e-c", "t1", "k-1", 20, "", "moved", "{}"});
  auto all = case_events(*lease, "t1", "k-1", "", "", 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, "e-b");
  EXPECT_EQ(all[1].id, "e-a");
  EXPECT_EQ(all[2].id, "e-c");
  EXPECT_EQ(all[2].actor_id, "");
  auto page = case_events(*lease, "t1", "k-1", "", "e-a", 10);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, "e-c");
  EXPECT_EQ(case_events(*lease, "t1", "k-1", "moved", "", 10).size(), 2u);
  EXPECT_TRUE(case_events(*lease, "t2", "k-1", "", "", 10).empty());
}

TEST_P(CasesStorageTest, ConsentWithdrawalOnceAndIsolation) {
  auto lease = m_db->acquire();
  ConsentRow c{"s-1", "t1", "c-1", m_world.mother, "ppr_request_single_child", "Henvendelse til PPR",
               "PPR, skolen", 100, "paper", "", 5000, std::nullopt, m_world.leader, 100};
  insert_consent(*lease, c);
  auto found = find_consent(*lease, "t1", "s-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->expires_at_ms, 5000);
  EXPECT_FALSE(found->withdrawn_at_ms);
  EXPECT_FALSE(find_consent(*lease, "t2", "s-1"));
  EXPECT_FALSE(withdraw_consent(*lease, "t2", "s-1", 300));
  EXPECT_TRUE(withdraw_consent(*lease, "t1", "s-1", 300));
  EXPECT_FALSE(withdraw_consent(*lease, "t1", "s-1", 400));  // not twice: the first moment stays
  EXPECT_EQ(find_consent(*lease, "t1", "s-1")->withdrawn_at_ms, 300);
  EXPECT_EQ(consents_of_child(*lease, "t1", "c-1").size(), 1u);
  EXPECT_TRUE(consents_of_child(*lease, "t2", "c-1").empty());
}

TEST_P(CasesStorageTest, IdempotencyKeyIsUniquePerUser) {
  auto lease = m_db->acquire();
  EXPECT_FALSE(find_idempotency_key(*lease, "t1", m_world.teacher, "key-1"));
  insert_idempotency_key(*lease, "t1", m_world.teacher, "key-1", "k-1", 10);
  EXPECT_EQ(find_idempotency_key(*lease, "t1", m_world.teacher, "key-1"), "k-1");
  EXPECT_FALSE(find_idempotency_key(*lease, "t1", m_world.leader, "key-1"));
  EXPECT_THROW(insert_idempotency_key(*lease, "t1", m_world.teacher, "key-1", "k-2", 11), ConstraintViolation);
}

INSTANTIATE_TEST_SUITE_P(Engines, CasesStorageTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         engine_name);

}  // namespace
}  // namespace samspil::storage::testing
