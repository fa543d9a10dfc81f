// service::Overview and service::Perspectives on both engines: a guardian invited to a
// meeting writes a perspective (sealed at rest, replaced on a second save, refused when empty
// or once the meeting is held), the meeting's staff read it, anyone else gets NotFound; the
// overview is for staff only and its page tokens walk the lists without repeats.
#include <gtest/gtest.h>

#include <filesystem>

#include "crypto/field_cipher.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/perspectives.hpp"
#include "service/overview/overview.hpp"
#include "storage/case_store.hpp"
#include "storage/child_store.hpp"
#include "storage/migrations.hpp"
#include "storage/tenant_store.hpp"
#include "storage/unit_store.hpp"
#include "storage/user_store.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::storage::testing {
namespace {

using service::Actor;
using service::Role;

class OverviewServiceTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(*m_db, load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam()));
    m_db->transaction([&](Connection& c) {
      insert_tenant(c, {"a", "Kommune A", 1});
      insert_unit(c, {"ua", "a", "", "school", "Skolen", 1});
      insert_user(c, {"p1", "a", "p1@x.dk", "Bente", "", "professional", 1});
      insert_user(c, {"p2", "a", "p2@x.dk", "Anders", "", "professional", 1});
      insert_user(c, {"g1", "a", "g1@x.dk", "Carla", "", "guardian", 1});
      insert_user(c, {"g2", "a", "g2@x.dk", "Dorte", "", "guardian", 1});
      insert_child(c, {"ch", "a", "Ida", "Hansen", "2018-01-01", "", "", "ua", "", 1, 1});
      CaseRecord r;
      r.id = "c1";
      r.tenant = "a";
      r.child_id = "ch";
      r.model_id = "ppr-vejen-ind";
      r.state = "registered";
      r.title = "Bekymring";
      r.unit_id = "ua";
      r.created_by = "p1";
      r.opened_at_ms = r.created_at_ms = r.updated_at_ms = 1;
      insert_case(c, r);
      meeting(c, "m1", "invited", 5000);
      meeting(c, "m2", "held", 100);
      for (const char* m : {"m1", "m2"}) {
        c.query("INSERT INTO meeting_participants (id, tenant, meeting_id, kind, user_id, role_in_case, added_at) "
                "VALUES ($1, 'a', $2, 'professional', 'p1', 'teacher', 1), ($3, 'a', $2, 'guardian', 'g1', 'parents', 2)",
                {std::string("p-") + m, std::string(m), std::string("g-") + m});
      }
    });
  }

  static void meeting(Connection& c, const std::string& id, const std::string& status, std::int64_t starts) {
    c.query("INSERT INTO meetings (id, tenant, case_id, model_id, type_id, status, course, starts_at, ical_uid, "
            "convened_by, convened_at, created_at, updated_at) VALUES ($1, 'a', 'c1', 'ppr-vejen-ind', "
            "'opstartsmoede', $2, 'same', $3, $4, 'p1', 1, 1, 1)",
            {id, status, starts, id + "@uid"});
  }

  static Actor who(const std::string& id, Role role) {
    Actor a;
    a.user_id = id;
    a.tenant = "a";
    a.role = role;
    a.unit_ids = {"ua"};
    return a;
  }

  crypto::FieldCipher m_cipher{std::string(32, 'k')};
};

TEST_P(OverviewServiceTest, GuardianPerspectiveIsSealedReadByStaffAndHiddenFromOthers) {
  service::Perspectives perspectives(*m_db, &m_cipher, nullptr);
  const Actor guardian = who("g1", Role::guardian);
  try {
    perspectives.save(guardian, "m1", "", 10);
    FAIL() << "an empty perspective was accepted";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.count("text"), 1u);
  }
  perspectives.save(guardian, "m1", "Ida er glad for skolen", 10);
  perspectives.save(guardian, "m1", "Ida er glad for skolen, men ikke for frikvarteret", 20);
  {
    auto lease = m_db->acquire();
    const auto rows = (*lease).query("SELECT text_encrypted FROM meeting_perspectives WHERE meeting_id = 'm1'").rows;
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].text(0).find("Ida"), std::string::npos);
  }
  const auto seen = perspectives.for_meeting(who("p1", Role::professional), "m1", 30);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].text, "Ida er glad for skolen, men ikke for frikvarteret");
  EXPECT_EQ(seen[0].author_name, "Carla");
  EXPECT_EQ(seen[0].updated_at_ms, 20);
  const auto form = perspectives.form(guardian, "m1", 30);
  EXPECT_TRUE(form.open);
  ASSERT_TRUE(form.mine);
  EXPECT_EQ(form.meeting.row.case_title, "Bekymring");
  EXPECT_THROW(perspectives.for_meeting(who("p2", Role::professional), "m1", 30), service::NotFound);
  EXPECT_THROW(perspectives.save(who("g2", Role::guardian), "m1", "x", 30), service::NotFound);
  EXPECT_THROW(perspectives.form(who("p1", Role::professional), "m1", 30), service::NotFound);
  EXPECT_THROW(perspectives.save(guardian, "m2", "for sent", 30), service::Conflict);
  EXPECT_TRUE(perspectives.for_meeting(guardian, "m2", 30).empty());
}

TEST_P(OverviewServiceTest, OverviewIsForStaffAndItsTokensWalkTheLists) {
  m_db->transaction([&](Connection& c) {
    for (int i = 0; i < 5; ++i) {
      c.query("INSERT INTO tasks (id, tenant, owner_id, kind, label, due_at, status, created_at, updated_at) "
              "VALUES ($1, 'a', 'p1', 'agreement_action', 'Handling', $2, 'open', 1, 1)",
              {"t" + std::to_string(i), i < 3 ? Value(std::int64_t{100 + i}) : Value(nullptr)});
    }
  });
  service::Overview overview(*m_db, nullptr);
  EXPECT_THROW(overview.of(who("g1", Role::guardian), {}, 10, 0), service::Forbidden);
  const Actor teacher = who("p1", Role::professional);
  std::vector<std::string> ids;
  std::string token;
  for (int guard = 0; guard < 10; ++guard) {
    auto page = overview.tasks(teacher, token, 2);
    for (const auto& t : page.items) ids.push_back(t.id);
    token = page.next;
    if (token.empty()) break;
    EXPECT_EQ(token.find("p1"), std::string::npos);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"t0", "t1", "t2", "t3", "t4"}));
  const auto all = overview.of(teacher, {"garbage", "x.y", "", ""}, 10, 1000);  // bad tokens: first page
  ASSERT_EQ(all.meetings.items.size(), 1u);
  EXPECT_EQ(all.meetings.items[0].row.id, "m1");
  EXPECT_EQ(all.meetings.items[0].type_name, "opstartsmoede");  // no model registry given: the id
  EXPECT_EQ(all.tasks.items.size(), 5u);
  EXPECT_FALSE(all.leader);
  ASSERT_EQ(overview.invitations(who("g1", Role::guardian), 1000).size(), 1u);
  EXPECT_THROW(overview.invitations(teacher, 1000), service::Forbidden);
}

INSTANTIATE_TEST_SUITE_P(Engines, OverviewServiceTest,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql), engine_name);

}  // namespace
}  // namespace samspil::storage::testing
