// Stores for units, users, guardianships and API tokens on both engines: keyset paging,
// and tenant isolation (another municipality's rows are never returned or changed).
#include <gtest/gtest.h>

#include <filesystem>

#include "storage/guardian_store.hpp"
#include "storage/migrations.hpp"
#include "storage/tenant_store.hpp"
#include "storage/token_store.hpp"
#include "storage/unit_store.hpp"
#include "storage/user_store.hpp"
#include "storage/user_store_admin.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::storage::testing {
namespace {

class PeopleStoreTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(*m_db, load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam()));
    m_db->transaction([](Connection& c) {
      insert_tenant(c, {"a", "Kommune A", 1});
      insert_tenant(c, {"b", "Kommune B", 1});
    });
  }
};

TEST_P(PeopleStoreTest, UnitsArePagedByNameWithinOneTenant) {
  m_db->transaction([](Connection& c) {
    for (const char* name : {"Delta", "Alfa", "Charlie", "Bravo", "Echo"}) {
      insert_unit(c, {std::string("a-") + name, "a", "", "school", name, 1});
    }
    insert_unit(c, {"b-alfa", "b", "", "school", "Alfa B", 1});
  });
  auto lease = m_db->acquire();
  auto first = list_units(*lease, "a", "", 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].name, "Alfa");
  EXPECT_EQ(first[1].name, "Bravo");
  auto second = list_units(*lease, "a", first.back().id, 2);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].name, "Charlie");
  EXPECT_EQ(second[1].name, "Delta");
  auto third = list_units(*lease, "a", second.back().id, 2);
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].name, "Echo");
  EXPECT_EQ(all_units(*lease, "a").size(), 5u);
  // Tenant isolation: B's unit is invisible to A and cannot be renamed or moved through A.
  EXPECT_FALSE(find_unit(*lease, "a", "b-alfa"));
  EXPECT_TRUE(find_unit(*lease, "b", "b-alfa"));
  EXPECT_FALSE(rename_unit(*lease, "a", "b-alfa", "Hacked"));
  EXPECT_FALSE(set_unit_parent(*lease, "a", "b-alfa", "a-Alfa"));
  EXPECT_EQ(find_unit(*lease, "b", "b-alfa")->name, "Alfa B");
  EXPECT_TRUE(rename_unit(*lease, "a", "a-Echo", "Ekko"));
  EXPECT_TRUE(set_unit_parent(*lease, "a", "a-Echo", "a-Alfa"));
  EXPECT_EQ(find_unit(*lease, "a", "a-Echo")->parent_id, "a-Alfa");
}

TEST_P(PeopleStoreTest, UsersFilterByRoleAndUnitAndStayInTheirTenant) {
  m_db->transaction([](Connection& c) {
    insert_unit(c, {"u1", "a", "", "school", "Skole", 1});
    insert_user(c, {"p1", "a", "p1@x.dk", "Bente", "", "professional", 1});
    insert_user(c, {"p2", "a", "p2@x.dk", "Anders", "", "professional", 1});
    insert_user(c, {"g1", "a", "g1@x.dk", "Carla", "", "guardian", 1});
    insert_user(c, {"x1", "b", "p1@x.dk", "Anders B", "", "professional", 1});
    replace_user_memberships(c, "a", "p1", {{"u1", true}});
    replace_user_professions(c, "a", "p1", {"teacher", "leader"});
  });
  auto lease = m_db->acquire();
  auto all = list_user_records(*lease, "a", {});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].display_name, "Anders");
  auto pros = list_user_records(*lease, "a", {.role = "professional"});
  EXPECT_EQ(pros.size(), 2u);
  auto members = list_user_records(*lease, "a", {.unit_id = "u1"});
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].id, "p1");
  auto page2 = list_user_records(*lease, "a", {.after = all[0].id, .limit = 1});
  ASSERT_EQ(page2.size(), 1u);
  EXPECT_EQ(page2[0].display_name, "Bente");
  EXPECT_EQ(user_professions(*lease, "a", "p1"), (std::vector<std::string>{"leader", "teacher"}));
  ASSERT_EQ(user_memberships(*lease, "a", "p1").size(), 1u);
  EXPECT_TRUE(user_memberships(*lease, "a", "p1")[0].is_leader);
  // Another tenant: not found, not changeable.
  EXPECT_FALSE(find_user_record(*lease, "a", "x1"));
  EXPECT_FALSE(update_user_profile(*lease, "a", "x1", "Hacked", "administrator"));
  EXPECT_FALSE(set_user_disabled(*lease, "a", "x1", 5));
  EXPECT_EQ(find_user_record(*lease, "b", "x1")->role, "professional");
  EXPECT_TRUE(set_user_disabled(*lease, "a", "p2", 5));
  EXPECT_EQ(find_user_record(*lease, "a", "p2")->disabled_at_ms, 5);
  EXPECT_TRUE(user_professions(*lease, "b", "p1").empty());
}

TEST_P(PeopleStoreTest, GuardianshipsAreUpsertedAndScopedByTenant) {
  m_db->transaction([](Connection& c) {
    insert_user(c, {"g1", "a", "g1@x.dk", "Carla", "", "guardian", 1});
    insert_child_summary(c, {"c1", "a", "Emma", "Test", "2020-01-01", "", 1});
    insert_child_summary(c, {"c2", "a", "Adam", "Test", "2019-01-01", "", 1});
    insert_child_summary(c, {"cb", "b", "Bo", "Andet", "2019-01-01", "", 1});
    upsert_guardianship(c, "a", {"c1", "g1", "parent", true, 2});
    upsert_guardianship(c, "a", {"c1", "g1", "foster_parent", false, 3});
  });
  auto lease = m_db->acquire();
  auto links = guardianships_of_user(*lease, "a", "g1");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].relation, "foster_parent");
  EXPECT_FALSE(links[0].has_custody);
  EXPECT_TRUE(guardianships_of_user(*lease, "b", "g1").empty());
  auto children = list_child_summaries(*lease, "a", "", 10);
  ASSERT_EQ(children.size(), 2u);
  EXPECT_EQ(children[0].first_name, "Adam");
  EXPECT_FALSE(find_child_summary(*lease, "a", "cb"));
  EXPECT_EQ(list_child_summaries(*lease, "a", children[0].id, 10).size(), 1u);
  EXPECT_TRUE(delete_guardianship(*lease, "a", "c1", "g1"));
  EXPECT_TRUE(guardianships_of_child(*lease, "a", "c1").empty());
}

TEST_P(PeopleStoreTest, TokensAreListedNewestFirstAndRevokedOnlyInTheirTenant) {
  m_db->transaction([](Connection& c) {
    insert_user(c, {"p1", "a", "p1@x.dk", "Bente", "", "professional", 1});
    insert_user(c, {"x1", "b", "x1@x.dk", "B", "", "professional", 1});
    insert_api_token(c, {"t1", "a", "p1", "hash1", "Første", 10, std::nullopt, std::nullopt, std::nullopt});
    insert_api_token(c, {"t2", "a", "p1", "hash2", "Anden", 20, 99, std::nullopt, std::nullopt});
    insert_api_token(c, {"tb", "b", "x1", "hash3", "B", 30, std::nullopt, std::nullopt, std::nullopt});
  });
  auto lease = m_db->acquire();
  auto tokens = list_api_tokens(*lease, "a", "", "", 10);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].id, "t2");
  EXPECT_EQ(tokens[0].expires_at_ms, 99);
  EXPECT_EQ(list_api_tokens(*lease, "a", "", "t2", 10).size(), 1u);
  EXPECT_EQ(list_api_tokens(*lease, "a", "x1", "", 10).size(), 0u);
  EXPECT_FALSE(find_api_token(*lease, "a", "tb"));
  EXPECT_FALSE(revoke_api_token(*lease, "a", "tb", 50));
  EXPECT_FALSE(find_api_token(*lease, "b", "tb")->revoked_at_ms);
  EXPECT_EQ(api_token_tenant(*lease, "tb"), "b");
  EXPECT_TRUE(revoke_api_token(*lease, "a", "t1", 50));
  EXPECT_FALSE(revoke_api_token(*lease, "a", "t1", 60));  // once
  EXPECT_EQ(find_api_token(*lease, "a", "t1")->revoked_at_ms, 50);
}

INSTANTIATE_TEST_SUITE_P(Engines, PeopleStoreTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         engine_name);

}  // namespace
}  // namespace samspil::storage::testing
