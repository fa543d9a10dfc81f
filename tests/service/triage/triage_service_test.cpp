// Triage decisions and tasks through the services on both engines: assign (task with due
// date, mails, waiting time, out of the queue), more information (back to KV, queue again
// after re-sending), decline without a reason (nothing changed), other districts kept out,
// tasks listed and completed only by their owner.
#include <gtest/gtest.h>

#include "cases_service_fixture.hpp"
#include "service/base/model_registry.hpp"
#include "service/tasks/tasks.hpp"
#include "service/triage/triage.hpp"
#include "storage/task_store.hpp"
#include "storage/triage_store.hpp"

namespace samspil::cases_testing {
namespace {

using storage::Dialect;

class TriageServiceTest : public CasesServiceTest {
 protected:
  void SetUp() override {
    CasesServiceTest::SetUp();
    if (HasFatalFailure()) return;
    m_registry = std::make_unique<service::ModelRegistry>(service::ModelRegistry::of({*m_model}, m_model->id));
    triage = std::make_unique<service::Triage>(
        *m_db, service::TriageConfig{m_registry.get(), m_cipher.get(), "https://samspil.test"});
    tasks = std::make_unique<service::Tasks>(*m_db, m_cipher.get());
    m_db->transaction([&](storage::Connection& c) {
      c.query("INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('u-ppr2', 't1', 'ppr', 'Distrikt 2', 1)");
      c.query("INSERT INTO users (id, tenant, email, display_name, role, created_at) VALUES "
              "('p-district2', 't1', 'd2@example.dk', 'Leder 2', 'ppr_district_lead', 1)");
      c.query("INSERT INTO unit_memberships (tenant, user_id, unit_id, is_leader) VALUES ('t1', 'p-district2', "
              "'u-ppr2', 1)");
    });
    district2 = actor("p-district2", service::Role::ppr_district_lead, {"u-ppr2"}, {"u-ppr2"});
    case_id = register_case();
    send_request(now - 3 * kDay);
  }

  // Puts the case in the district queue as if the school had sent the request (the moves
  // before it are the cases service's and tested there).
  void send_request(std::int64_t at) {
    m_db->acquire()->query("UPDATE cases SET state = 'henvendelse', ppr_unit_id = 'u-ppr', ppr_requested_at = $1 "
                           "WHERE id = $2",
                           {at, case_id});
  }

  std::string state() {
    return m_db->acquire()->query("SELECT state FROM cases WHERE id = $1", {case_id}).rows.at(0).text(0);
  }
  std::int64_t mails() { return count("SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send'"); }

  static constexpr std::int64_t kDay = 86'400'000;
  std::unique_ptr<service::ModelRegistry> m_registry;
  std::unique_ptr<service::Triage> triage;
  std::unique_ptr<service::Tasks> tasks;
  service::Actor district2;
  std::string case_id;
};

TEST_P(TriageServiceTest, AssignMakesATaskWithDueDateMailsAndRecordsTheWait) {
  const auto board = triage->board(district, now);
  ASSERT_EQ(board.queue.size(), 1u);
  EXPECT_EQ(board.queue[0].item.case_id, case_id);
  EXPECT_EQ(board.queue[0].waiting_days, 3);
  ASSERT_EQ(board.queue[0].staff.size(), 2u);  // the lead and the psychologist of u-ppr

  const auto mails_before = mails();
  const auto result = triage->decide(district, case_id, {"assign", w.psychologist, ""}, now);
  EXPECT_EQ(result.new_state, "distrikt");
  EXPECT_EQ(state(), "distrikt");
  ASSERT_TRUE(result.task_due_ms);
  // 1'700'000'000'000 is Tuesday 14.11.2023; five working days later is Tuesday 21.11 16:00 CET.
  EXPECT_EQ(*result.task_due_ms, 1'700'578'800'000);
  EXPECT_EQ(mails() - mails_before, 2) << "the requester and the assignee are mailed";
  const auto payloads = m_db->acquire()->query("SELECT payload FROM jobs WHERE kind = 'mail.send' ORDER BY id");
  for (const auto& row : payloads.rows) {
    EXPECT_EQ(row.text(0).find("Alma"), std::string::npos) << "no child data in mails";
  }

  const auto page = tasks->mine(psychologist, "", 10, now);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].row.id, result.task_id);
  EXPECT_EQ(page.items[0].row.kind, "triage_contact");
  EXPECT_EQ(page.items[0].title, "Kontakt institutionen og aftal opstartsmøde");
  EXPECT_TRUE(page.items[0].row.title_encrypted.empty());
  EXPECT_NE(m_db->acquire()->query("SELECT title_encrypted FROM tasks").rows.at(0).text(0).rfind("v1:", 0),
            std::string::npos);

  const auto waiting = triage->waiting(district, case_id, now);
  EXPECT_EQ(waiting.decision_wait_ms, 3 * kDay);
  ASSERT_EQ(waiting.decisions.size(), 1u);
  EXPECT_EQ(waiting.decisions[0].assignee_id, w.psychologist);
  EXPECT_EQ(waiting.startup_type_name, "Opstartsmøde");
  EXPECT_TRUE(triage->board(district, now).queue.empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE kind = 'triage_decision'"), 1);
  EXPECT_THROW(triage->decide(district, case_id, {"decline", "", "igen"}, now), service::Conflict);
  const auto stats = triage->board(district, now).districts;
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].decided, 1);
  EXPECT_DOUBLE_EQ(stats[0].median_decision_days.value_or(-1), 3.0);
}

TEST_P(TriageServiceTest, DeclineWithoutReasonChangesNothing) {
  const auto mails_before = mails();
  try {
    triage->decide(district, case_id, {"decline", "", ""}, now);
    FAIL() << "a decline without a reason must be refused";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.at("reason"), "Angiv en begrundelse for afvisningen");
  }
  EXPECT_EQ(state(), "henvendelse");
  EXPECT_EQ(count("SELECT COUNT(*) FROM triage_decisions"), 0);
  EXPECT_EQ(mails(), mails_before);
  EXPECT_THROW(triage->decide(district, case_id, {"assign", w.teacher, ""}, now), service::Invalid)
      << "only the district's staff can be assigned";
  triage->decide(district, case_id, {"decline", "", "Ikke en opgave for PPR"}, now);
  EXPECT_EQ(state(), "intern_sparring");
  const auto waiting = triage->waiting(district, case_id, now);
  ASSERT_EQ(waiting.decisions.size(), 1u);
  EXPECT_EQ(waiting.decisions[0].reason_encrypted, "Ikke en opgave for PPR") << "opened for staff";
  EXPECT_TRUE(triage->waiting(mother, case_id, now).decisions.at(0).reason_encrypted.empty());
}

TEST_P(TriageServiceTest, MoreInformationSendsTheCaseBackAndAResentRequestQueuesAgain) {
  triage->decide(district, case_id, {"more_info", "", "Send venligst skemaets afsnit 3"}, now);
  EXPECT_EQ(state(), "kv");
  EXPECT_TRUE(triage->board(district, now).queue.empty());
  send_request(now + kDay);
  EXPECT_EQ(triage->board(district, now + kDay).queue.size(), 1u);
  triage->decide(district, case_id, {"redirect_kv", "", ""}, now + 2 * kDay);
  EXPECT_EQ(state(), "kv");
  EXPECT_EQ(count("SELECT COUNT(*) FROM triage_decisions"), 2);
}

TEST_P(TriageServiceTest, OtherDistrictsAndOtherRolesCannotDecideOrSee) {
  EXPECT_TRUE(triage->board(district2, now).queue.empty());
  EXPECT_THROW(triage->decide(district2, case_id, {"assign", "p-district2", ""}, now), service::NotFound);
  EXPECT_THROW(triage->decide(teacher, case_id, {"decline", "", "x"}, now), service::NotFound);
  EXPECT_THROW(triage->decide(foreign, case_id, {"decline", "", "x"}, now), service::NotFound);
  EXPECT_THROW(triage->board(teacher, now), service::Forbidden);
  EXPECT_EQ(state(), "henvendelse");
}

TEST_P(TriageServiceTest, OnlyTheOwnerCompletesATaskOnce) {
  const auto result = triage->decide(district, case_id, {"assign", w.psychologist, ""}, now);
  EXPECT_THROW(tasks->complete(teacher, result.task_id, now), service::NotFound);
  EXPECT_THROW(tasks->complete(district, result.task_id, now), service::NotFound);
  const auto done = tasks->complete(psychologist, result.task_id, now + 1);
  EXPECT_EQ(done.row.status, "done");
  EXPECT_EQ(done.row.done_at_ms, now + 1);
  EXPECT_THROW(tasks->complete(psychologist, result.task_id, now + 2), service::Conflict);
  EXPECT_TRUE(tasks->mine(psychologist, "", 10, now).items.empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE kind = 'task_done'"), 1);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'task' AND action = 'change'"), 1);
}

TEST_P(TriageServiceTest, AddTaskSealsTheTitleAndPagesByCursor) {
  m_db->transaction([&](storage::Connection& c) {
    for (int i = 0; i < 3; ++i) {
      storage::TaskRow t;
      t.tenant = "t1";
      t.owner_id = w.teacher;
      t.kind = "agreement_action";
      t.label = "Handling fra aftale";
      t.title_encrypted = "Handling " + std::to_string(i);
      t.due_at_ms = now + i;
      t.created_at_ms = now;
      service::add_task(c, m_cipher.get(), t);
    }
  });
  const auto first = tasks->mine(teacher, "", 2, now);
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].title, "Handling 0");
  ASSERT_FALSE(first.next_cursor.empty());
  const auto second = tasks->mine(teacher, first.next_cursor, 2, now);
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].title, "Handling 2");
  EXPECT_TRUE(second.next_cursor.empty());
  EXPECT_THROW(tasks->mine(teacher, "nonsense", 2, now), service::Invalid);
}

TEST_P(TriageServiceTest, AClosedCaseIsReadOnly) {
  // Back to a state with a closing move, then close it as the school's leader.
  m_db->acquire()->query("UPDATE cases SET state = 'kv', ppr_requested_at = NULL WHERE id = $1", {case_id});
  cases->move(leader, case_id, {"lukket", "bekymring_loest", "Bekymringen er løst", ""}, now);
  EXPECT_THROW(cases->record_tried(leader, case_id, "Mere", now + 1), service::Conflict);
  EXPECT_THROW(cases->add_participant(leader, case_id, w.psychologist, "participant", now + 1), service::Conflict);
  EXPECT_THROW(cases->assign(leader, case_id, w.psychologist, now + 1), service::Conflict);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_participants WHERE user_id = 'p-psych'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, TriageServiceTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
