// Obligations (X3): due times from the model's deadlines, owners from the meeting's roles,
// reminded before due and reported when missed through the outbox, recomputed when the
// meeting moves, counted per unit for the leader's compliance overview.
#include "agenda_fixture.hpp"

namespace samspil::agenda_testing {
namespace {

class AgendaObligationsTest : public AgendaTest {
 protected:
  std::vector<service::obligations::ObligationView> of(const std::string& meeting_id, std::int64_t now) {
    return m_db->transaction(
        [&](storage::Connection& c) { return service::obligations::of_meeting(c, "t1", meeting_id, now); });
  }
  const service::obligations::ObligationView* find(const std::vector<service::obligations::ObligationView>& list,
                                                   const std::string& id) {
    for (const auto& o : list) if (o.obligation_id == id) return &o;
    return nullptr;
  }
  void run(const nlohmann::json& payload, std::int64_t now) {
    m_db->transaction([&](storage::Connection& c) {
      service::obligations::run_reminder(c, payload.dump(), config.obligations, now);
    });
  }
};

TEST_P(AgendaObligationsTest, S7AgendaIsDueSevenDaysBeforeAndMinutesAWeekAfter) {
  // 2027-04-08 09:00 CEST = 07:00 UTC; seven days before is 2027-04-01 09:00 CEST.
  const std::int64_t start = utc_ms(2027y / April / 8d, 7);
  const std::string id = convene("samarbejdsmodellen", "samarbejdsmoede", start);
  const auto list = of(id, 1000);
  const auto* agenda = find(list, "send_agenda");
  ASSERT_NE(agenda, nullptr);
  ASSERT_TRUE(agenda->due_at_ms);
  EXPECT_EQ(*agenda->due_at_ms, start - 7 * kDay);
  EXPECT_EQ(agenda->owner_role, "agenda_owner");
  EXPECT_EQ(agenda->owner_id, w.leader);
  EXPECT_EQ(agenda->rule, "S7");
  EXPECT_EQ(agenda->status, "open");
  const auto* minutes = find(list, "send_minutes");
  ASSERT_NE(minutes, nullptr);
  EXPECT_EQ(*minutes->due_at_ms, start + 90 * 60 * 1000LL + 7 * kDay);
}

TEST_P(AgendaObligationsTest, AcrossDaylightSavingTheLocalClockTimeIsKept) {
  // 2027-03-30 09:00 CEST (07:00 UTC); a week earlier is 09:00 CET = 08:00 UTC.
  const std::string id = convene("frederiksberg-dialogmoede", "dialogmoede", utc_ms(2027y / March / 30d, 7));
  const auto list1 = of(id, 1000);
  const auto* brief = find(list1, "send_brief");
  ASSERT_NE(brief, nullptr);
  EXPECT_EQ(*brief->due_at_ms, utc_ms(2027y / March / 23d, 8));
  EXPECT_EQ(brief->rule, "F6");
}

TEST_P(AgendaObligationsTest, InviteesEachOweAnAnswerOnceTheInvitationIsSent) {
  const std::int64_t start = utc_ms(2027y / May / 20d, 7);
  const std::string id = convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", start);
  const auto before = of(id, 1000);
  std::size_t accepts = 0;
  for (const auto& o : before) {
    if (o.obligation_id == "accept_invitation") {
      ++accepts;
      EXPECT_EQ(o.status, "unknown") << "no invitation sent yet: due unknown, still listed";
    }
  }
  EXPECT_EQ(accepts, 2u) << "the two professionals";
  // Invitation sent on Monday 2027-05-03 08:00 UTC: 10 working days later, skipping
  // Ascension Day (05-06), the weekends and Whit Monday (05-17), is Wednesday 2027-05-19.
  m_db->transaction([&](storage::Connection& c) {
    c.query("UPDATE meetings SET invitation_sent_at = $2 WHERE id = $1", {id, utc_ms(2027y / May / 3d, 8)});
    c.query("UPDATE meeting_participants SET response = 'accepted', responded_at = 5 WHERE id = $1",
            {id + "-p2"});
    service::obligations::recompute(c, model("ringsted-samarbejdsmoeder"), "t1", id, 2000);
  });
  for (const auto& o : of(id, 2000)) {
    if (o.obligation_id != "accept_invitation") continue;
    ASSERT_TRUE(o.due_at_ms);
    EXPECT_EQ(*o.due_at_ms, utc_ms(2027y / May / 19d, 8));
    EXPECT_EQ(o.status, o.owner_id == w.teacher ? "done" : "open");
  }
}

TEST_P(AgendaObligationsTest, ReminderBeforeDueThenMissedIsReportedToTheConvener) {
  const std::int64_t start = utc_ms(2027y / April / 8d, 7);  // Thursday
  const std::string id = convene("samarbejdsmodellen", "samarbejdsmoede", start);
  const std::int64_t due = start - 7 * kDay;                   // Thursday 2027-04-01
  std::vector<JobRow> reminders;
  for (const auto& j : jobs("obligations.remind")) {
    if (j.payload.at("due_at").get<std::int64_t>() == due) reminders.push_back(j);
  }
  ASSERT_EQ(reminders.size(), 1u);
  // Two working days before: Tuesday 2027-03-30, same local time.
  EXPECT_EQ(reminders[0].run_at, due - 2 * kDay);
  EXPECT_EQ(reminders[0].payload.at("step"), "remind");

  run(reminders[0].payload, reminders[0].run_at);
  auto mails = jobs("mail.send");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].payload.at("to").at(0), "p-leader@example.dk");
  EXPECT_NE(mails[0].payload.at("subject").get<std::string>().find("Send dagsorden"), std::string::npos);
  EXPECT_NE(mails[0].payload.at("subject").get<std::string>().find("01.04.2027 kl. 09:00"), std::string::npos);
  run(reminders[0].payload, reminders[0].run_at + 1);
  EXPECT_EQ(jobs("mail.send").size(), 1u) << "reminded once";

  std::vector<JobRow> due_jobs;
  for (const auto& j : jobs("obligations.remind")) {
    if (j.payload.at("step") == "due") due_jobs.push_back(j);
  }
  ASSERT_EQ(due_jobs.size(), 1u);
  EXPECT_EQ(due_jobs[0].run_at, due);
  run(due_jobs[0].payload, due + 1);
  mails = jobs("mail.send");
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_NE(mails[1].payload.at("subject").get<std::string>().find("Frist overskredet"), std::string::npos);
  const auto list2 = of(id, due + 1);
  const auto* o = find(list2, "send_agenda");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->status, "missed");
  EXPECT_TRUE(o->missed_at_ms);

  const auto compliance = m_db->transaction([&](storage::Connection& c) {
    return service::obligations::compliance_of_unit(c, "t1", w.school, 0, start + 30 * kDay, due + 1);
  });
  EXPECT_EQ(compliance.missed, 1);
  EXPECT_EQ(compliance.open, 1) << "send_minutes";
  EXPECT_EQ(compliance.met, 0);
}

TEST_P(AgendaObligationsTest, MovingTheMeetingMovesTheObligationAndOldJobsDoNothing) {
  const std::int64_t start = utc_ms(2027y / April / 8d, 7);
  const std::string id = convene("samarbejdsmodellen", "samarbejdsmoede", start);
  const auto old_jobs = jobs("obligations.remind");
  const std::int64_t later = start + 14 * kDay;
  m_db->transaction([&](storage::Connection& c) {
    c.query("UPDATE meetings SET starts_at = $2, ends_at = $3 WHERE id = $1", {id, later, later + 90 * 60 * 1000LL});
    service::obligations::recompute(c, model("samarbejdsmodellen"), "t1", id, 3000);
  });
  const auto list3 = of(id, 3000);
  const auto* o = find(list3, "send_agenda");
  EXPECT_EQ(*o->due_at_ms, later - 7 * kDay);
  EXPECT_EQ(jobs("obligations.remind").size(), old_jobs.size() * 2) << "new jobs for the moved obligations";
  for (const auto& j : old_jobs) run(j.payload, j.run_at);
  EXPECT_TRUE(jobs("mail.send").empty()) << "jobs of the old due times are no-ops";
}

TEST_P(AgendaObligationsTest, AnAgendaSentInTimeCountsAsMetAndIsListedNoMore) {
  const std::int64_t start = utc_ms(2027y / April / 8d, 7);
  const std::string id = convene("samarbejdsmodellen", "samarbejdsmoede", start);
  const auto mine_before = m_db->transaction(
      [&](storage::Connection& c) { return service::obligations::obligations_of_user(c, leader, 1000); });
  EXPECT_EQ(mine_before.size(), 2u);
  agendas->add_item(leader, id, {"Velkommen", ""}, 2000);
  agendas->send_agenda(leader, id, start - 10 * kDay);
  const auto mine = m_db->transaction(
      [&](storage::Connection& c) { return service::obligations::obligations_of_user(c, leader, 3000); });
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].obligation_id, "send_minutes");
  const auto compliance = m_db->transaction([&](storage::Connection& c) {
    return service::obligations::compliance_of_unit(c, "t1", w.school, 0, start + 30 * kDay, start);
  });
  EXPECT_EQ(compliance.met, 1);
  EXPECT_EQ(compliance.missed, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, AgendaObligationsTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::agenda_testing
