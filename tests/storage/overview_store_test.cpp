// "Mit overblik" and perspectives storage on both engines: each list's order, keyset paging
// across page boundaries, the owner/tenant scoping, the compliance counts, one perspective
// per guardian and meeting, and that every list's statement is served by an index.
#include <gtest/gtest.h>

#include <filesystem>

#include "storage/actor_store.hpp"
#include "storage/case_store.hpp"
#include "storage/child_store.hpp"
#include "storage/migrations.hpp"
#include "storage/overview_store.hpp"
#include "storage/perspective_store.hpp"
#include "storage/tenant_store.hpp"
#include "storage/unit_store.hpp"
#include "storage/user_store.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::storage::testing {
namespace {

class OverviewStoreTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(*m_db, load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam()));
    m_db->transaction([&](Connection& c) {
      insert_tenant(c, {"a", "Kommune A", 1});
      insert_tenant(c, {"b", "Kommune B", 1});
      insert_unit(c, {"ua", "a", "", "school", "Skolen", 1});
      insert_unit(c, {"ub", "b", "", "school", "Skolen B", 1});
      insert_user(c, {"p1", "a", "p1@x.dk", "Bente", "", "professional", 1});
      insert_user(c, {"p2", "a", "p2@x.dk", "Anders", "", "professional", 1});
      insert_user(c, {"g1", "a", "g1@x.dk", "Carla", "", "guardian", 1});
      insert_user(c, {"pb", "b", "pb@x.dk", "Berit", "", "professional", 1});
      insert_child(c, {"ch", "a", "Ida", "Hansen", "2018-01-01", "", "", "ua", "", 1, 1});
      insert_child(c, {"chb", "b", "Ole", "Berg", "2018-01-01", "", "", "ub", "", 1, 1});
      add_case(c, "c1", "a", "ch", "Bekymring 1", "", 10, false);
      add_case(c, "c2", "a", "ch", "Bekymring 2", "p1", 30, false);
      add_case(c, "c3", "a", "ch", "Bekymring 3", "p1", 20, false);
      add_case(c, "c4", "a", "ch", "Lukket", "p1", 40, true);
      add_case(c, "cb", "b", "chb", "Anden kommune", "pb", 50, false);
      c.query("INSERT INTO case_participants (case_id, user_id, tenant, role, added_at) VALUES ('c1', 'p1', 'a', "
              "'participant', 1)");
      // Assigned and taking part: listed once.
      c.query("INSERT INTO case_participants (case_id, user_id, tenant, role, added_at) VALUES ('c2', 'p1', 'a', "
              "'participant', 1)");
    });
  }

  static void add_case(Connection& c, const std::string& id, const std::string& tenant, const std::string& child,
                       const std::string& title, const std::string& assigned, std::int64_t updated, bool closed) {
    CaseRecord r;
    r.id = id;
    r.tenant = tenant;
    r.child_id = child;
    r.model_id = "ppr-vejen-ind";
    r.state = "registered";
    r.title = title;
    r.unit_id = tenant == "a" ? "ua" : "ub";
    r.created_by = tenant == "a" ? "p2" : "pb";
    r.assigned_to = assigned;
    r.opened_at_ms = 1;
    if (closed) r.closed_at_ms = 41;
    r.created_at_ms = 1;
    r.updated_at_ms = updated;
    insert_case(c, r);
  }

  static void add_meeting(Connection& c, const std::string& id, const std::string& tenant, const std::string& case_id,
                          const std::string& status, std::int64_t starts) {
    c.query("INSERT INTO meetings (id, tenant, case_id, model_id, type_id, status, course, starts_at, ends_at, "
            "ical_uid, convened_by, convened_at, created_at, updated_at) VALUES ($1, $2, $3, 'ppr-vejen-ind', "
            "'dialogmoede', $4, 'same', $5, $6, $7, $8, 1, 1, 1)",
            {id, tenant, case_id, status, starts, starts + 60, id + "@uid", tenant == "a" ? "p2" : "pb"});
  }

  static void invite(Connection& c, const std::string& id, const std::string& tenant, const std::string& meeting,
                     const std::string& user, const std::string& kind) {
    c.query("INSERT INTO meeting_participants (id, tenant, meeting_id, kind, user_id, role_in_case, added_at) "
            "VALUES ($1, $2, $3, $4, $5, 'x', 1)",
            {id, tenant, meeting, kind, user});
  }

  static void add_task(Connection& c, const std::string& id, const std::string& owner, std::optional<std::int64_t> due,
                       const std::string& status) {
    c.query("INSERT INTO tasks (id, tenant, owner_id, case_id, kind, label, due_at, status, created_at, updated_at) "
            "VALUES ($1, 'a', $2, 'c1', 'triage_contact', $3, $4, $5, 1, 1)",
            {id, owner, "Opgave " + id, due ? Value(*due) : Value(nullptr), status});
  }

  static void add_obligation(Connection& c, const std::string& id, const std::string& meeting, const std::string& owner,
                             const std::string& kind, std::int64_t due, std::optional<std::int64_t> done) {
    c.query("INSERT INTO obligations (id, tenant, meeting_id, case_id, unit_id, obligation_id, participant_id, "
            "anchor, owner_role, owner_id, due_at, done_at, created_at, updated_at) VALUES ($1, 'a', $2, 'c1', 'ua', "
            "$3, $1, 'meeting_start', 'convener', $4, $5, $6, 1, 1)",
            {id, meeting, kind, owner, due, done ? Value(*done) : Value(nullptr)});
  }
};

TEST_P(OverviewStoreTest, MeetingsOfUserAreTheirPlannedOnesSoonestFirstAndPaged) {
  m_db->transaction([&](Connection& c) {
    add_meeting(c, "m1", "a", "c1", "invited", 300);
    add_meeting(c, "m2", "a", "c1", "invited", 100);
    add_meeting(c, "m3", "a", "c2", "draft", 200);
    add_meeting(c, "m4", "a", "c2", "cancelled", 150);
    add_meeting(c, "m5", "a", "c2", "invited", 50);   // before the lower bound
    add_meeting(c, "m6", "a", "c3", "invited", 120);  // p2's only
    for (const char* m : {"m1", "m2", "m3", "m4", "m5"}) invite(c, std::string("pp-") + m, "a", m, "p1", "professional");
    invite(c, "pp-m6", "a", "m6", "p2", "professional");
    invite(c, "pg-m1", "a", "m1", "g1", "guardian");
    invite(c, "pg-m3", "a", "m3", "g1", "guardian");
    add_meeting(c, "mb", "b", "cb", "invited", 100);
    invite(c, "pp-mb", "b", "mb", "pb", "professional");
  });
  auto lease = m_db->acquire();
  auto first = meetings_of_user(*lease, "a", "p1", true, {60, ""}, 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].id, "m2");
  EXPECT_EQ(first[0].case_title, "Bekymring 1");
  EXPECT_EQ(first[0].response, "pending");
  EXPECT_EQ(first[1].id, "m3");
  auto second = meetings_of_user(*lease, "a", "p1", true, {first.back().starts_at_ms, first.back().id}, 2);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].id, "m1");
  // A guardian never sees drafts; another tenant's user id is not a key into tenant a.
  auto guardian = meetings_of_user(*lease, "a", "g1", false, {0, ""}, 10);
  ASSERT_EQ(guardian.size(), 1u);
  EXPECT_EQ(guardian[0].id, "m1");
  EXPECT_EQ(guardian[0].child_id, "ch");
  EXPECT_TRUE(meetings_of_user(*lease, "a", "pb", true, {0, ""}, 10).empty());
  EXPECT_TRUE(meeting_of_user(*lease, "a", "p1", "m4"));
  EXPECT_FALSE(meeting_of_user(*lease, "a", "p2", "m1"));
  EXPECT_FALSE(meeting_of_user(*lease, "b", "pb", "m1"));
}

TEST_P(OverviewStoreTest, OpenCasesOfUserAreAssignedOrParticipatedNewestChangeFirst) {
  auto lease = m_db->acquire();
  auto first = open_cases_of_user(*lease, "a", "p1", std::nullopt, 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].id, "c2");
  EXPECT_EQ(first[1].id, "c3");
  auto second = open_cases_of_user(*lease, "a", "p1", Keyset{first.back().updated_at_ms, first.back().id}, 2);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].id, "c1");  // as participant; c4 is closed
  EXPECT_TRUE(open_cases_of_user(*lease, "a", "p2", std::nullopt, 10).empty());
  EXPECT_TRUE(open_cases_of_user(*lease, "a", "pb", std::nullopt, 10).empty());
}

TEST_P(OverviewStoreTest, OpenTasksComeDueFirstUndatedLastAcrossPages) {
  m_db->transaction([&](Connection& c) {
    add_task(c, "t1", "p1", 500, "open");
    add_task(c, "t2", "p1", std::nullopt, "open");
    add_task(c, "t3", "p1", 100, "open");
    add_task(c, "t4", "p1", std::nullopt, "open");
    add_task(c, "t5", "p1", 50, "done");
    add_task(c, "t6", "p2", 10, "open");
  });
  auto lease = m_db->acquire();
  std::vector<std::string> seen;
  TaskKeyset after;
  for (int guard = 0; guard < 10; ++guard) {
    auto page = open_tasks_of_user(*lease, "a", "p1", after, 1);
    if (page.empty()) break;
    seen.push_back(page[0].id);
    after = {page[0].due_at_ms, page[0].id};
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"t3", "t1", "t2", "t4"}));
  auto all = open_tasks_of_user(*lease, "a", "p1", {}, 10);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].label, "Opgave t3");
  EXPECT_EQ(all[0].case_id, "c1");
}

TEST_P(OverviewStoreTest, ObligationsAndComplianceCounts) {
  m_db->transaction([&](Connection& c) {
    add_meeting(c, "m1", "a", "c1", "invited", 1000);
    add_meeting(c, "mx", "a", "c1", "cancelled", 1000);
    add_obligation(c, "o1", "m1", "p1", "send_agenda", 900, std::nullopt);   // open
    add_obligation(c, "o2", "m1", "p1", "send_brief", 800, 700);             // done in time
    add_obligation(c, "o3", "m1", "p1", "send_minutes", 100, std::nullopt);  // open, oldest
    add_obligation(c, "o4", "m1", "p2", "send_agenda", 400, 450);            // done late
    add_obligation(c, "o5", "mx", "p1", "send_agenda", 200, std::nullopt);   // cancelled meeting
  });
  auto lease = m_db->acquire();
  auto page = open_obligations_of_user(*lease, "a", "p1", {0, ""}, 1);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, "o3");
  EXPECT_EQ(page[0].case_title, "Bekymring 1");
  auto rest = open_obligations_of_user(*lease, "a", "p1", {page[0].due_at_ms, page[0].id}, 10);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].id, "o1");
  // Window [0, 850): o2 met; o3 open and due = missed; o4 late = missed; o1 is not due yet.
  auto counts = compliance_of_units(*lease, "a", {"ua"}, 0, 850);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_kind;
  for (const auto& r : counts) {
    EXPECT_EQ(r.unit_name, "Skolen");
    by_kind[r.obligation_id] = {r.met, r.missed};
  }
  EXPECT_EQ(by_kind["send_brief"], (std::pair<std::int64_t, std::int64_t>{1, 0}));
  EXPECT_EQ(by_kind["send_minutes"], (std::pair<std::int64_t, std::int64_t>{0, 1}));
  EXPECT_EQ(by_kind["send_agenda"], (std::pair<std::int64_t, std::int64_t>{0, 2}));  // o4 late, o5 open
  EXPECT_TRUE(compliance_of_units(*lease, "b", {"ua"}, 0, 850).empty());
}

TEST_P(OverviewStoreTest, OnePerspectivePerGuardianAndMeetingReplacedOnSave) {
  m_db->transaction([&](Connection& c) {
    add_meeting(c, "m1", "a", "c1", "invited", 1000);
    EXPECT_TRUE(upsert_perspective(c, {"x1", "a", "m1", "g1", "", "sealed-1", 5, 5}));
    EXPECT_FALSE(upsert_perspective(c, {"x2", "a", "m1", "g1", "", "sealed-2", 9, 9}));
  });
  auto lease = m_db->acquire();
  auto mine = find_perspective(*lease, "a", "m1", "g1");
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->id, "x1");
  EXPECT_EQ(mine->text_encrypted, "sealed-2");
  EXPECT_EQ(mine->author_name, "Carla");
  EXPECT_EQ(mine->created_at_ms, 5);
  EXPECT_EQ(mine->updated_at_ms, 9);
  EXPECT_EQ(perspectives_of_meeting(*lease, "a", "m1").size(), 1u);
  EXPECT_TRUE(perspectives_of_meeting(*lease, "b", "m1").empty());
  EXPECT_EQ(case_of_meeting(*lease, "a", "m1"), "c1");
  EXPECT_FALSE(case_of_meeting(*lease, "b", "m1"));
}

// Each list is served by an index: SQLite's plan names the index; PostgreSQL (tables this
// small are cheaper to scan, and its choice among indexes follows statistics) is asked with
// sequential scans priced out and must then need none.
TEST_P(OverviewStoreTest, EveryListStatementUsesAnIndex) {
  auto lease = m_db->acquire();
  if (GetParam() == Dialect::postgresql) lease->query("SET enable_seqscan = off");
  const auto plans = overview_query_plans(*lease, "a", "p1", {"ua"});
  ASSERT_EQ(plans.size(), 5u);
  const std::vector<std::vector<std::string>> expected{
      {"meeting_participants_user"},
      {"cases_tenant_assigned_updated", "case_participants_user"},
      {"tasks_owner_open"},
      {"obligations_owner"},
      {"obligations_unit"}};
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (GetParam() == Dialect::postgresql) {
      EXPECT_EQ(plans[i].find("Seq Scan"), std::string::npos) << "list " << i << ":\n" << plans[i];
      EXPECT_NE(plans[i].find("Index"), std::string::npos) << "list " << i << ":\n" << plans[i];
      continue;
    }
    // My meetings start from my participations, not from the tenant's meetings by time.
    if (i == 0) {
      EXPECT_EQ(plans[i].rfind("SEARCH p ", 0), 0u) << plans[i];
    }
    // No list walks a whole tenant: every search is narrowed by more than the tenant.
    EXPECT_EQ(plans[i].find("(tenant=?)"), std::string::npos) << "list " << i << ":\n" << plans[i];
    for (const auto& index : expected[i]) {
      EXPECT_NE(plans[i].find(index), std::string::npos) << "list " << i << " lacks " << index << ":\n" << plans[i];
    }
  }
  if (GetParam() == Dialect::postgresql) lease->query("SET enable_seqscan = on");
}

// Every signed-in request loads its user, professions and unit memberships: none of the
// three may walk the tenant (the memberships did, before unit_memberships_user).
TEST_P(OverviewStoreTest, TheSignedInUserIsLoadedByIndex) {
  auto lease = m_db->acquire();
  if (GetParam() == Dialect::postgresql) lease->query("SET enable_seqscan = off");
  const auto plans = actor_query_plans(*lease, "a", "p1");
  ASSERT_EQ(plans.size(), 3u);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (GetParam() == Dialect::postgresql) {
      EXPECT_EQ(plans[i].find("Seq Scan"), std::string::npos) << "statement " << i << ":\n" << plans[i];
      continue;
    }
    EXPECT_EQ(plans[i].find("(tenant=?)"), std::string::npos) << "statement " << i << ":\n" << plans[i];
    EXPECT_EQ(plans[i].find("SCAN"), std::string::npos) << "statement " << i << ":\n" << plans[i];
  }
  EXPECT_NE(plans[2].find("unit_memberships_user"), std::string::npos) << plans[2];
  if (GetParam() == Dialect::postgresql) lease->query("SET enable_seqscan = on");
}

INSTANTIATE_TEST_SUITE_P(Engines, OverviewStoreTest,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql), engine_name);

}  // namespace
}  // namespace samspil::storage::testing
