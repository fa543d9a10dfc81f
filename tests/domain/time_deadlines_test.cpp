// Deadlines: calendar and working-day offsets, local clock time kept across summer-time
// changes, Easter and Christmas, closed-day flags, missing facts, the default meeting end.
#include <gtest/gtest.h>

#include "domain/calendar.hpp"
#include "domain/deadlines.hpp"
#include "time_test_support.hpp"

namespace samspil::domain {
namespace {

using testing::at;
using namespace std::chrono;

DeadlineRule rule(std::string id, std::string anchor, int offset, DayUnit unit,
                  std::string rule_id = "S7", std::string owner = "chair") {
  return DeadlineRule{std::move(id), std::move(owner), std::move(anchor), offset, unit, std::move(rule_id)};
}

struct DueCase {
  const char* anchor;
  int offset;
  DayUnit unit;
  bool christmas_closed;
  const char* expected;
};

class DueTime : public ::testing::TestWithParam<DueCase> {};

TEST_P(DueTime, KeepsTheAnchorsLocalClockTime) {
  const auto& c = GetParam();
  ClosingDays closing;
  if (c.christmas_closed) closing.yearly = {December / 24, December / 31};
  EXPECT_EQ(format_local_iso(due_time(at(c.anchor), c.offset, c.unit, closing)), c.expected)
      << c.anchor << " " << c.offset;
}

constexpr auto cal = DayUnit::calendar_days;
constexpr auto work = DayUnit::working_days;

INSTANTIATE_TEST_SUITE_P(
    Cases, DueTime,
    ::testing::Values(
        // S7: agenda at least 7 days before.
        DueCase{"2027-04-08T09:00", -7, cal, false, "2027-04-01T09:00:00+02:00"},
        // Across the last Sunday of March (28/3/2027) and of October (31/10/2027), both ways.
        DueCase{"2027-03-30T09:00", -7, cal, false, "2027-03-23T09:00:00+01:00"},
        DueCase{"2027-03-23T09:00", 7, cal, false, "2027-03-30T09:00:00+02:00"},
        DueCase{"2027-11-02T10:00", -7, cal, false, "2027-10-26T10:00:00+02:00"},
        DueCase{"2027-10-29T14:30", 7, cal, false, "2027-11-05T14:30:00+01:00"},
        DueCase{"2027-03-30T09:00", -2, work, false, "2027-03-23T09:00:00+01:00"},
        // Working days skip Skærtorsdag .. 2. påskedag.
        DueCase{"2027-03-24T10:00", 2, work, false, "2027-03-31T10:00:00+02:00"},
        DueCase{"2027-03-30T09:00", -5, work, false, "2027-03-18T09:00:00+01:00"},
        DueCase{"2027-03-19T10:00", 5, work, false, "2027-03-31T10:00:00+02:00"},
        // Christmas with and without 24 and 31 December closed.
        DueCase{"2027-12-22T13:00", 3, work, false, "2027-12-27T13:00:00+01:00"},
        DueCase{"2027-12-22T13:00", 3, work, true, "2027-12-28T13:00:00+01:00"},
        DueCase{"2028-01-04T09:00", -3, work, true, "2027-12-29T09:00:00+01:00"},
        // Calendar days do not move off closed days.
        DueCase{"2027-12-17T09:00", 7, cal, true, "2027-12-24T09:00:00+01:00"},
        // A clock time missing on the target day (spring-forward night) moves forward.
        DueCase{"2027-03-21T02:30", 7, cal, false, "2027-03-28T03:30:00+02:00"}));

MeetingType s7_type() {
  MeetingType type;
  type.id = "dialogmoede";
  type.name = "Dialogmøde";
  type.default_duration_minutes = 90;
  type.deadlines = {rule("send_agenda", "meeting_start", -7, cal, "S7", "chair"),
                    rule("send_minutes", "meeting_end", 7, cal, "S7", "minute_taker"),
                    rule("accept_invitation", "invitation_sent", 5, work, "R4", "participant"),
                    rule("send_agreement", "meeting_end", 2, work, "F8", "convener"),
                    rule("submit_forum_item", "item_submitted", -5, cal, "P2", "participant")};
  return type;
}

TEST(ComputeDeadlines, EveryObligationWithOwnerDueAndFlags) {
  const MeetingType type = s7_type();
  ClosingDays closing;
  closing.yearly = {December / 24, December / 31};
  // Meeting Monday 22 March 2027 13:00; no end given -> 14:30. Minutes due 29/3 =
  // 2. påskedag: kept and flagged.
  const Facts facts{{"meeting_start", at("2027-03-22T13:00")},
                    {"invitation_sent", at("2027-03-12T10:00")}};
  const auto obligations = compute_deadlines(type, closing, facts);
  ASSERT_EQ(obligations.size(), 5u);

  EXPECT_EQ(obligations[0].id, "send_agenda");
  EXPECT_EQ(obligations[0].owner_role, "chair");
  EXPECT_EQ(obligations[0].rule, "S7");
  ASSERT_TRUE(obligations[0].due);
  EXPECT_EQ(format_local_iso(*obligations[0].due), "2027-03-15T13:00:00+01:00");
  EXPECT_FALSE(obligations[0].lands_on_closed_day());

  EXPECT_EQ(obligations[1].id, "send_minutes");
  EXPECT_EQ(obligations[1].owner_role, "minute_taker");
  ASSERT_TRUE(obligations[1].due);
  EXPECT_EQ(format_local_iso(*obligations[1].due), "2027-03-29T14:30:00+02:00");
  EXPECT_TRUE(obligations[1].lands_on_closed_day());
  EXPECT_EQ(obligations[1].due_day.reason, ClosedReason::public_holiday);
  EXPECT_EQ(obligations[1].due_day.name, "2. påskedag");

  ASSERT_TRUE(obligations[2].due);  // Friday 12/3 + 5 working days
  EXPECT_EQ(format_local_iso(*obligations[2].due), "2027-03-19T10:00:00+01:00");
  EXPECT_EQ(obligations[2].unit, DayUnit::working_days);

  ASSERT_TRUE(obligations[3].due);  // end 14:30 Monday + 2 working days
  EXPECT_EQ(format_local_iso(*obligations[3].due), "2027-03-24T14:30:00+01:00");
  EXPECT_FALSE(obligations[3].lands_on_closed_day());

  // No item submitted: reported, not computable.
  EXPECT_EQ(obligations[4].id, "submit_forum_item");
  EXPECT_FALSE(obligations[4].due);
  EXPECT_FALSE(obligations[4].lands_on_closed_day());
  EXPECT_EQ(obligations[4].anchor, "item_submitted");
}

TEST(ComputeDeadlines, AGivenEndWinsOverTheDefaultDuration) {
  const MeetingType type = s7_type();
  const Facts facts{{"meeting_start", at("2027-04-08T09:00")},
                    {"meeting_end", at("2027-04-08T12:15")}};
  const auto obligations = compute_deadlines(type, ClosingDays{}, facts);
  ASSERT_TRUE(obligations[1].due);
  EXPECT_EQ(format_local_iso(*obligations[1].due), "2027-04-15T12:15:00+02:00");
  EXPECT_FALSE(obligations[2].due);  // no invitation sent yet
}

TEST(ComputeDeadlines, NoMeetingStartLeavesMeetingObligationsOpen) {
  const MeetingType type = s7_type();
  const Facts facts{{"invitation_sent", at("2027-03-19T10:00")}};
  const auto obligations = compute_deadlines(type, ClosingDays{}, facts);
  EXPECT_FALSE(obligations[0].due);
  EXPECT_FALSE(obligations[1].due);
  EXPECT_FALSE(obligations[3].due);
  ASSERT_TRUE(obligations[2].due);  // Easter 2027 skipped
  EXPECT_EQ(format_local_iso(*obligations[2].due), "2027-03-31T10:00:00+02:00");
}

TEST(ComputeDeadlines, UsesTheModelsClosingDays) {
  Model model;
  model.closing_days.dates = {parse_date("2027-03-15").value()};
  const MeetingType type = s7_type();
  const auto obligations =
      compute_deadlines(model, type, Facts{{"meeting_start", at("2027-03-22T13:00")}});
  EXPECT_TRUE(obligations[0].lands_on_closed_day());
  EXPECT_EQ(obligations[0].due_day.reason, ClosedReason::closing_day);
  EXPECT_EQ(to_string(DayUnit::working_days), "working_days");
  EXPECT_EQ(to_string(DayUnit::calendar_days), "calendar_days");
}

TEST(ComputeDeadlines, SummerTimeNeverShiftsTheClockTimeOfAnyDeadlineIn2027) {
  // For every day of 2027 at 09:00 and 14:45: 7 calendar days before/after and 3 working
  // days before/after keep the local clock time.
  for (sys_days d = sys_days{year{2027} / 1 / 1}; d < sys_days{year{2028} / 1 / 1}; d += days{1}) {
    for (int minute : {9 * 60, 14 * 60 + 45}) {
      const Instant anchor = to_utc(local_at(Date{d}, minute));
      for (auto [offset, unit] : {std::pair{-7, cal}, std::pair{7, cal}, std::pair{-3, work},
                                  std::pair{3, work}}) {
        const Instant due = due_time(anchor, offset, unit, ClosingDays{});
        ASSERT_EQ(time_of_day(to_local(due)), minutes{minute}) << format_local_iso(anchor);
      }
    }
  }
}

}  // namespace
}  // namespace samspil::domain
