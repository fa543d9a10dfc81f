// storage/meeting_store on both engines: round trips, keyset paging of a user's meetings,
// busy intervals of many users in one query, single-use token lookup, and a bounded number
// of queries for a case's meeting list however many meetings it has.
#include <gtest/gtest.h>

#include "cases_world.hpp"
#include "storage/meeting_store.hpp"
#include "test_database.hpp"

namespace samspil::storage {
namespace {

using testing::EngineTest;

// Counts the statements a store function runs (the query-count budget of a page).
class CountingConnection : public Connection {
 public:
  explicit CountingConnection(Connection& inner) : m_inner(inner) {}
  Dialect dialect() const override { return m_inner.dialect(); }
  Result query(std::string_view sql, const std::vector<Value>& params) override {
    ++count;
    return m_inner.query(sql, params);
  }
  void execute_script(std::string_view sql) override { m_inner.execute_script(sql); }
  bool ping() override { return m_inner.ping(); }
  int count = 0;

 private:
  Connection& m_inner;
};

class MeetingStoreTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    w = cases_testing::seed_world(*m_db);
    m_db->transaction([&](Connection& c) {
      c.query("INSERT INTO cases (id, tenant, child_id, model_id, state, title, created_by, opened_at, created_at, "
              "updated_at) VALUES ('k-1', 't1', 'c-1', 'ppr-vejen-ind', 'bekymring', 'T', 'p-teacher', 1, 1, 1)");
    });
  }

  MeetingRecord meeting(const std::string& id, std::int64_t start, const std::string& status = "invited") {
    MeetingRecord m;
    m.id = id;
    m.tenant = "t1";
    m.case_id = "k-1";
    m.model_id = "ppr-vejen-ind";
    m.type_id = "opstartsmoede";
    m.status = status;
    m.starts_at_ms = start;
    m.ends_at_ms = start + 3'600'000;
    m.ical_uid = id + "@samspil";
    m.convened_by = w.teacher;
    m.convened_at_ms = 1;
    m.created_at_ms = 1;
    m.updated_at_ms = 1;
    return m;
  }

  MeetingParticipantRow participant(const std::string& id, const std::string& meeting_id, const std::string& user,
                                    std::int64_t added = 1) {
    MeetingParticipantRow p;
    p.id = id;
    p.tenant = "t1";
    p.meeting_id = meeting_id;
    p.kind = user.empty() ? "network" : "professional";
    p.user_id = user;
    p.role_in_case = "teacher";
    p.display_name = "N";
    p.email = "n@example.dk";
    p.added_at_ms = added;
    return p;
  }

  cases_testing::World w;
};

TEST_P(MeetingStoreTest, RoundTripAndUpdate) {
  m_db->transaction([&](Connection& c) {
    insert_meeting(c, meeting("m-1", 1000));
    auto m = *find_meeting(c, "t1", "m-1");
    EXPECT_EQ(m.status, "invited");
    EXPECT_EQ(*m.starts_at_ms, 1000);
    EXPECT_FALSE(m.without_parents);
    EXPECT_FALSE(find_meeting(c, "t2", "m-1"));  // other municipality
    m.status = "cancelled";
    m.ical_sequence = 2;
    m.cancel_reason = "Syg";
    m.cancelled_at_ms = 5;
    m.without_parents = true;
    update_meeting(c, m);
    const auto again = *find_meeting(c, "t1", "m-1");
    EXPECT_EQ(again.status, "cancelled");
    EXPECT_EQ(again.ical_sequence, 2);
    EXPECT_EQ(again.cancel_reason, "Syg");
    EXPECT_EQ(again.cancelled_at_ms, 5);
    EXPECT_TRUE(again.without_parents);
  });
}

TEST_P(MeetingStoreTest, ParticipantsRolesAndSingleUseToken) {
  m_db->transaction([&](Connection& c) {
    insert_meeting(c, meeting("m-1", 1000));
    auto p = participant("p-1", "m-1", w.teacher, 1);
    p.response_token_hash = "h1";
    insert_meeting_participant(c, p);
    insert_meeting_participant(c, participant("p-2", "m-1", "", 2));
    upsert_meeting_role(c, {"t1", "m-1", "chair", "p-1", "", 1});
    upsert_meeting_role(c, {"t1", "m-1", "chair", "p-2", "p-1", 2});  // delegated
    const auto roles = meeting_roles(c, "t1", "m-1");
    ASSERT_EQ(roles.size(), 1u);
    EXPECT_EQ(roles[0].participant_id, "p-2");
    EXPECT_EQ(roles[0].delegated_from, "p-1");
    const auto ps = meeting_participants(c, "t1", "m-1");
    ASSERT_EQ(ps.size(), 2u);
    EXPECT_EQ(ps[0].id, "p-1");
    EXPECT_EQ(ps[1].user_id, "");
    const auto found = find_participant_by_token_hash(c, "h1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->tenant, "t1");
    set_participant_response(c, "t1", "p-1", "accepted", 9);
    EXPECT_FALSE(find_participant_by_token_hash(c, "h1"));  // used once
    EXPECT_EQ(find_meeting_participant(c, "t1", "p-1")->response, "accepted");
    reset_meeting_responses(c, "t1", "m-1");
    EXPECT_EQ(find_meeting_participant(c, "t1", "p-1")->response, "pending");
  });
}

TEST_P(MeetingStoreTest, UpcomingMeetingsOfUserPageByKeyset) {
  m_db->transaction([&](Connection& c) {
    for (int i = 0; i < 7; ++i) {
      const std::string id = "m-" + std::to_string(i);
      // Two meetings share a start time: the id breaks the tie.
      insert_meeting(c, meeting(id, 10'000 + (i / 2) * 1000, i == 6 ? "cancelled" : "invited"));
      insert_meeting_participant(c, participant("p-" + std::to_string(i), id, w.teacher));
    }
    insert_meeting(c, meeting("m-old", 10));
    insert_meeting_participant(c, participant("p-old", "m-old", w.teacher));
    std::vector<std::string> seen;
    std::int64_t after_start = 0;
    std::string after_id;
    for (int page = 0; page < 5; ++page) {
      const auto rows = upcoming_meetings_of_user(c, "t1", w.teacher, 1000, after_start, after_id, 4);
      for (const auto& r : rows) seen.push_back(r.meeting.id);
      if (rows.size() < 4) break;
      after_start = *rows.back().meeting.starts_at_ms;
      after_id = rows.back().meeting.id;
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"m-0", "m-1", "m-2", "m-3", "m-4", "m-5"}));
    EXPECT_TRUE(upcoming_meetings_of_user(c, "t1", w.leader, 0, 0, "", 10).empty());
    EXPECT_EQ(upcoming_meetings_of_user(c, "t1", w.teacher, 1000, 0, "", 10, true).size(), 7u);
  });
}

TEST_P(MeetingStoreTest, BusyIntervalsOfManyUsersInOneQuery) {
  m_db->transaction([&](Connection& c) {
    insert_meeting(c, meeting("m-1", 10'000));
    insert_meeting_participant(c, participant("p-1", "m-1", w.teacher));
    insert_meeting_participant(c, participant("p-2", "m-1", w.leader));
    insert_meeting(c, meeting("m-2", 50'000));
    auto declined = participant("p-3", "m-2", w.teacher);
    declined.response = "declined";
    insert_meeting_participant(c, declined);
    insert_meeting(c, meeting("m-3", 90'000, "cancelled"));
    insert_meeting_participant(c, participant("p-4", "m-3", w.teacher));
    insert_meeting(c, meeting("m-4", 20'000'000));  // outside the range
    insert_meeting_participant(c, participant("p-5", "m-4", w.teacher));

    CountingConnection counting(c);
    const auto busy = busy_intervals(counting, "t1", {w.teacher, w.leader, w.psychologist}, 0, 10'000'000);
    EXPECT_EQ(counting.count, 1);
    ASSERT_EQ(busy.size(), 2u);
    EXPECT_EQ(busy[0].user_id, w.leader);
    EXPECT_EQ(busy[1].user_id, w.teacher);
    EXPECT_EQ(busy[1].start_ms, 10'000);
    EXPECT_EQ(busy[1].end_ms, 3'610'000);
    EXPECT_TRUE(busy_intervals(c, "t1", {w.teacher}, 0, 10'000'000, "m-1").empty());
    EXPECT_TRUE(busy_intervals(c, "t2", {w.teacher}, 0, 10'000'000).empty());
  });
}

TEST_P(MeetingStoreTest, CaseMeetingListNeedsThreeQueriesForFiftyMeetings) {
  m_db->transaction([&](Connection& c) {
    for (int i = 0; i < 50; ++i) {
      const std::string id = "m-" + std::to_string(100 + i);
      insert_meeting(c, meeting(id, 1000 + i));
      insert_meeting_participant(c, participant("pa-" + std::to_string(i), id, w.teacher));
      insert_meeting_participant(c, participant("pb-" + std::to_string(i), id, w.leader));
      upsert_meeting_role(c, {"t1", id, "chair", "pa-" + std::to_string(i), "", 1});
    }
    CountingConnection counting(c);
    const auto page = load_case_meetings(counting, "t1", "k-1");
    EXPECT_EQ(counting.count, 3);
    EXPECT_EQ(page.meetings.size(), 50u);
    EXPECT_EQ(page.participants.size(), 100u);
    EXPECT_EQ(page.roles.size(), 50u);
    EXPECT_EQ(page.meetings.front().id, "m-100");
  });
}

TEST_P(MeetingStoreTest, CandidatesWithProfessionsAndUnitLeaders) {
  m_db->transaction([&](Connection& c) {
    c.query("INSERT INTO user_professions (tenant, user_id, profession) VALUES ('t1', 'p-teacher', 'teacher')");
    CountingConnection counting(c);
    const auto cs = meeting_candidates(counting, "t1", {w.teacher, w.leader, "x-user"});
    EXPECT_EQ(counting.count, 2);
    ASSERT_EQ(cs.size(), 2u);  // x-user is in another municipality
    EXPECT_EQ(cs[1].user_id, w.teacher);
    EXPECT_EQ(cs[1].professions, std::vector<std::string>{"teacher"});
    EXPECT_EQ(unit_leader_ids(c, "t1", w.school), std::vector<std::string>{w.leader});
  });
}

INSTANTIATE_TEST_SUITE_P(Engines, MeetingStoreTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         testing::engine_name);

}  // namespace
}  // namespace samspil::storage
