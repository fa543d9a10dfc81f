// The task store on both engines: round trip, the owner's open tasks in due order with keyset
// pages (tasks without a due date last), status changes, per case and per source, tenants.
#include <gtest/gtest.h>

#include "cases_world.hpp"
#include "storage/case_store.hpp"
#include "storage/task_store.hpp"

namespace samspil::storage::testing {
namespace {

class TasksStorageTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    m_world = cases_testing::seed_world(*m_db);
    auto lease = m_db->acquire();
    CaseRecord c;
    c.id = "case-1";
    c.tenant = "t1";
    c.child_id = m_world.child;
    c.model_id = "ppr-vejen-ind";
    c.state = "henvendelse";
    c.title = "Trivsel";
    c.created_by = m_world.teacher;
    c.opened_at_ms = c.created_at_ms = c.updated_at_ms = 1;
    insert_case(*lease, c);
  }

  TaskRow task(const std::string& id, std::optional<std::int64_t> due, const std::string& owner = "p-psych") {
    TaskRow t;
    t.id = id;
    t.tenant = "t1";
    t.owner_id = owner;
    t.kind = "triage_contact";
    t.label = "Kontakt institutionen";
    t.due_at_ms = due;
    t.created_at_ms = t.updated_at_ms = 10;
    return t;
  }

  std::vector<std::string> ids(const std::vector<TaskRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.id);
    return out;
  }

  cases_testing::World m_world;
};

TEST_P(TasksStorageTest, RoundTripKeepsEveryField) {
  auto lease = m_db->acquire();
  TaskRow t = task("t-a", 500);
  t.case_id = "case-1";
  t.source_id = "dec-1";
  t.title_encrypted = "v1:sealed";
  t.created_by = m_world.district_lead;
  insert_task(*lease, t);
  const auto found = find_task(*lease, "t1", "t-a");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->owner_id, "p-psych");
  EXPECT_EQ(found->case_id, "case-1");
  EXPECT_EQ(found->meeting_id, "");
  EXPECT_EQ(found->source_id, "dec-1");
  EXPECT_EQ(found->title_encrypted, "v1:sealed");
  EXPECT_EQ(found->due_at_ms, 500);
  EXPECT_EQ(found->status, "open");
  EXPECT_FALSE(found->done_at_ms);
  EXPECT_EQ(found->created_by, m_world.district_lead);
  EXPECT_FALSE(find_task(*lease, "t2", "t-a")) << "another municipality must not find the task";
}

TEST_P(TasksStorageTest, OpenTasksInDueOrderWithKeysetPagesAndUndatedLast) {
  auto lease = m_db->acquire();
  insert_task(*lease, task("t-c", 300));
  insert_task(*lease, task("t-a", 100));
  insert_task(*lease, task("t-z", std::nullopt));
  insert_task(*lease, task("t-b", 100));
  insert_task(*lease, task("t-y", std::nullopt));
  insert_task(*lease, task("t-other", 50, m_world.teacher));
  EXPECT_EQ(ids(open_tasks_of(*lease, "t1", "p-psych", std::nullopt, "", 10)),
            (std::vector<std::string>{"t-a", "t-b", "t-c", "t-y", "t-z"}));
  const auto first = open_tasks_of(*lease, "t1", "p-psych", std::nullopt, "", 2);
  EXPECT_EQ(ids(first), (std::vector<std::string>{"t-a", "t-b"}));
  const auto second = open_tasks_of(*lease, "t1", "p-psych", first.back().due_at_ms, first.back().id, 2);
  EXPECT_EQ(ids(second), (std::vector<std::string>{"t-c", "t-y"}));
  const auto third = open_tasks_of(*lease, "t1", "p-psych", second.back().due_at_ms, second.back().id, 2);
  EXPECT_EQ(ids(third), (std::vector<std::string>{"t-z"}));
}

TEST_P(TasksStorageTest, DoneTasksLeaveTheOpenListAndRecordWhen) {
  auto lease = m_db->acquire();
  insert_task(*lease, task("t-a", 100));
  insert_task(*lease, task("t-b", 200));
  set_task_status(*lease, "t1", "t-a", "done", 777);
  EXPECT_EQ(ids(open_tasks_of(*lease, "t1", "p-psych", std::nullopt, "", 10)), (std::vector<std::string>{"t-b"}));
  const auto done = find_task(*lease, "t1", "t-a");
  EXPECT_EQ(done->status, "done");
  EXPECT_EQ(done->done_at_ms, 777);
  EXPECT_EQ(done->updated_at_ms, 777);
  set_task_status(*lease, "t2", "t-b", "done", 800);  // another municipality changes nothing
  EXPECT_EQ(find_task(*lease, "t1", "t-b")->status, "open");
}

TEST_P(TasksStorageTest, TasksOfCaseAndOfSource) {
  auto lease = m_db->acquire();
  TaskRow a = task("t-a", 100);
  a.case_id = "case-1";
  a.source_id = "dec-1";
  TaskRow b = task("t-b", 100);
  b.kind = "agreement_action";
  b.source_id = "agr-1";
  b.created_at_ms = 20;
  TaskRow c = task("t-c", 100);
  c.kind = "agreement_action";
  c.source_id = "agr-1";
  c.case_id = "case-1";
  c.created_at_ms = 30;
  insert_task(*lease, a);
  insert_task(*lease, b);
  insert_task(*lease, c);
  EXPECT_EQ(ids(tasks_of_case(*lease, "t1", "case-1")), (std::vector<std::string>{"t-a", "t-c"}));
  EXPECT_EQ(ids(tasks_from_source(*lease, "t1", "agreement_action", "agr-1")), (std::vector<std::string>{"t-b", "t-c"}));
  EXPECT_TRUE(tasks_from_source(*lease, "t1", "triage_contact", "agr-1").empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, TasksStorageTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         engine_name);

}  // namespace
}  // namespace samspil::storage::testing
