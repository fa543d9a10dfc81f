// Slot finding: windows (FP4), default working hours, busy times of several people,
// holidays and closing days, not_before, duration, step alignment, fixed booking slots
// (F4), the earliest start allowed by "before the meeting" deadlines, and a brute-force
// cross-check on random calendars.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/slots.hpp"
#include "domain/working_days.hpp"
#include "time_test_support.hpp"

namespace samspil::domain {
namespace {

using testing::at;
using namespace std::chrono;

std::vector<TimeWindow> fp4_windows() {
  return {{1, 8 * 60, 15 * 60}, {4, 9 * 60 + 45, 16 * 60}};  // Mon 08-15, Thu 09:45-16
}

std::vector<std::string> starts(const std::vector<Interval>& slots) {
  std::vector<std::string> result;
  for (const auto& s : slots) result.push_back(format_local_iso(s.start));
  return result;
}

SlotQuery fp4_query(const char* not_before, int minutes_long = 60, std::size_t count = 3) {
  SlotQuery q;
  q.windows = fp4_windows();
  q.duration = minutes{minutes_long};
  q.not_before = at(not_before);
  q.count = count;
  return q;
}

TEST(Slots, Fp4WindowsWithoutBusyTimes) {
  const auto slots = find_slots(fp4_query("2027-04-12T00:00"), {});
  EXPECT_EQ(starts(slots), (std::vector<std::string>{"2027-04-12T08:00:00+02:00",
                                                     "2027-04-12T08:15:00+02:00",
                                                     "2027-04-12T08:30:00+02:00"}));
  for (const auto& s : slots) EXPECT_EQ(s.end - s.start, minutes{60});
}

TEST(Slots, BusyMondayMovesToThursdayWindowStart) {
  // Monday busy 08:00-14:30 leaves 30 minutes before 15:00: too short for an hour.
  const BusyLists busy{{{at("2027-04-12T08:00"), at("2027-04-12T14:30")}}, {}};
  EXPECT_EQ(starts(find_slots(fp4_query("2027-04-12T00:00"), busy)),
            (std::vector<std::string>{"2027-04-15T09:45:00+02:00", "2027-04-15T10:00:00+02:00",
                                      "2027-04-15T10:15:00+02:00"}));
}

TEST(Slots, MeetingMustFitBeforeTheWindowEnds) {
  SlotQuery q = fp4_query("2027-04-15T00:00", 90, 0);
  q.not_after = at("2027-04-16T00:00");
  const auto slots = find_slots(q, {});
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(format_local_iso(slots.front().start), "2027-04-15T09:45:00+02:00");
  EXPECT_EQ(format_local_iso(slots.back().start), "2027-04-15T14:30:00+02:00");
  EXPECT_EQ(slots.size(), 20u);  // 09:45 .. 14:30 every 15 minutes
}

TEST(Slots, SeveralPeoplesBusyTimesAndAlignment) {
  // A busy 08:00-09:00, B busy 08:30-10:10 (unsorted list), C busy 11:00-12:00.
  const BusyLists busy{
      {{at("2027-04-12T08:00"), at("2027-04-12T09:00")}},
      {{at("2027-04-13T08:00"), at("2027-04-13T09:00")}, {at("2027-04-12T08:30"), at("2027-04-12T10:10")}},
      {{at("2027-04-12T11:00"), at("2027-04-12T12:00")}}};
  // 10:10 -> first aligned start 10:15; 10:15-11:00 too short for 60 min; then 12:00.
  EXPECT_EQ(starts(find_slots(fp4_query("2027-04-12T00:00"), busy)),
            (std::vector<std::string>{"2027-04-12T12:00:00+02:00", "2027-04-12T12:15:00+02:00",
                                      "2027-04-12T12:30:00+02:00"}));
  SlotQuery shorter = fp4_query("2027-04-12T00:00", 45, 2);
  EXPECT_EQ(starts(find_slots(shorter, busy)),
            (std::vector<std::string>{"2027-04-12T10:15:00+02:00", "2027-04-12T12:00:00+02:00"}));
}

TEST(Slots, AMeetingMayStartWhenABusyIntervalEnds) {
  const BusyLists busy{{{at("2027-04-12T08:00"), at("2027-04-12T10:00")}}};
  EXPECT_EQ(format_local_iso(find_slots(fp4_query("2027-04-12T00:00"), busy).at(0).start),
            "2027-04-12T10:00:00+02:00");
}

TEST(Slots, NotBeforeIsRoundedUpToTheStep) {
  EXPECT_EQ(format_local_iso(find_slots(fp4_query("2027-04-12T10:07"), {}).at(0).start),
            "2027-04-12T10:15:00+02:00");
  EXPECT_EQ(format_local_iso(find_slots(fp4_query("2027-04-12T14:01"), {}).at(0).start),
            "2027-04-15T09:45:00+02:00");
}

TEST(Slots, SkipsPublicHolidays) {
  // Skærtorsdag 25/3 and 2. påskedag 29/3 2027 are the FP4 days of Easter week.
  EXPECT_EQ(format_local_iso(find_slots(fp4_query("2027-03-23T00:00"), {}).at(0).start),
            "2027-04-01T09:45:00+02:00");
}

TEST(Slots, SkipsClosingDaysYearlyAndOneOff) {
  SlotQuery q = fp4_query("2027-04-12T00:00");
  q.closing.dates = {parse_date("2027-04-12").value()};
  EXPECT_EQ(format_local_iso(find_slots(q, {}).at(0).start), "2027-04-15T09:45:00+02:00");
  SlotQuery christmas;  // default working hours; 24/12/2027 is a Friday
  christmas.not_before = at("2027-12-24T00:00");
  christmas.closing.yearly = {December / 24, December / 31};
  christmas.count = 1;
  EXPECT_EQ(format_local_iso(find_slots(christmas, {}).at(0).start), "2027-12-27T08:00:00+01:00");
}

TEST(Slots, DefaultWindowsAreWeekdaysEightToFour) {
  SlotQuery q;
  q.duration = minutes{120};
  q.not_before = at("2027-04-10T09:00");  // Saturday
  q.not_after = at("2027-04-13T00:00");
  q.count = 0;
  const auto slots = find_slots(q, {});
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(format_local_iso(slots.front().start), "2027-04-12T08:00:00+02:00");
  EXPECT_EQ(format_local_iso(slots.back().start), "2027-04-12T14:00:00+02:00");
  EXPECT_EQ(default_windows().size(), 5u);
}

TEST(Slots, ClockTimesHoldAcrossSummerTime) {
  SlotQuery q = fp4_query("2027-03-22T00:00", 60, 0);
  q.not_after = at("2027-04-06T00:00");
  const auto slots = find_slots(q, {});
  // Monday 22/3 (CET), Thursday 1/4 and Monday 5/4 (CEST) all start at the window start.
  EXPECT_EQ(format_local_iso(slots.front().start), "2027-03-22T08:00:00+01:00");
  int first_of_day = 0;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (i > 0 && local_date(slots[i].start) == local_date(slots[i - 1].start)) continue;
    ++first_of_day;
    const auto tod = time_of_day(to_local(slots[i].start));
    EXPECT_TRUE(tod == hours{8} || tod == hours{9} + minutes{45}) << format_local_iso(slots[i].start);
  }
  EXPECT_EQ(first_of_day, 3);  // 22/3, 1/4, 5/4: Skærtorsdag and 2. påskedag are skipped
}

TEST(Slots, FixedBookingSlotsReplaceWindows) {
  SlotQuery q;
  q.duration = minutes{60};
  q.not_before = at("2027-04-12T00:00");
  q.count = 0;
  q.fixed_slots = {{at("2027-04-20T13:00"), at("2027-04-20T15:00")},
                   {at("2027-04-13T10:00"), at("2027-04-13T11:00")},
                   {at("2027-05-06T10:00"), at("2027-05-06T12:00")}};  // Kristi himmelfartsdag
  const BusyLists busy{{{at("2027-04-20T13:30"), at("2027-04-20T13:45")}}};
  EXPECT_EQ(starts(find_slots(q, busy)),
            (std::vector<std::string>{"2027-04-13T10:00:00+02:00", "2027-04-20T13:45:00+02:00",
                                      "2027-04-20T14:00:00+02:00"}));
}

TEST(Slots, MayRunPastWindowsOnlyConstrainsTheStart) {
  // FP4: "Møder kan afvikles efter kl. 16": a 90-minute meeting may start at 15:45 on
  // Thursday and end 17:15, but only if everyone is free until then.
  SlotQuery q = fp4_query("2027-04-15T15:00", 90, 0);
  q.not_after = at("2027-04-16T00:00");
  q.may_run_past_windows = true;
  EXPECT_EQ(starts(find_slots(q, {})),
            (std::vector<std::string>{"2027-04-15T15:00:00+02:00", "2027-04-15T15:15:00+02:00",
                                      "2027-04-15T15:30:00+02:00", "2027-04-15T15:45:00+02:00"}));
  const BusyLists busy{{{at("2027-04-15T17:00"), at("2027-04-15T18:00")}}};
  EXPECT_EQ(starts(find_slots(q, busy)), (std::vector<std::string>{"2027-04-15T15:00:00+02:00",
                                                                     "2027-04-15T15:15:00+02:00",
                                                                     "2027-04-15T15:30:00+02:00"}));
  q.may_run_past_windows = false;
  EXPECT_TRUE(find_slots(q, {}).empty());
}

TEST(Slots, QueryForATypeUsesItsWindowsBookingSlotsAndClosingDays) {
  Model model;
  model.closing_days.yearly = {December / 24};
  MeetingType type;
  type.default_duration_minutes = 75;
  type.windows = fp4_windows();
  type.may_run_past_windows = true;
  SlotQuery q = slot_query_for(model, type, at("2027-04-12T00:00"));
  EXPECT_EQ(q.windows.size(), 2u);
  EXPECT_EQ(q.duration, minutes{75});
  EXPECT_TRUE(q.may_run_past_windows);
  EXPECT_EQ(q.closing.yearly, model.closing_days.yearly);
  EXPECT_EQ(q.not_before, at("2027-04-12T00:00"));
  // Agreed recurring PPR slots (F4) replace the windows.
  type.booking.fixed_slots = true;
  type.booking.default_slots = {{2, 10 * 60, 12 * 60}};
  q = slot_query_for(model, type, at("2027-04-12T00:00"));
  EXPECT_EQ(format_local_iso(find_slots(q, {}).at(0).start), "2027-04-13T10:00:00+02:00");
}

TEST(Slots, RejectsNonPositiveDurationAndStep) {
  SlotQuery q;
  q.duration = minutes{0};
  EXPECT_THROW(find_slots(q, {}), std::invalid_argument);
  q.duration = minutes{30};
  q.step = minutes{0};
  EXPECT_THROW(find_slots(q, {}), std::invalid_argument);
}

TEST(MergeBusy, UnionOfUnsortedOverlappingLists) {
  const BusyLists busy{
      {{at("2027-04-12T12:00"), at("2027-04-12T13:00")}, {at("2027-04-12T08:00"), at("2027-04-12T09:00")}},
      {{at("2027-04-12T08:30"), at("2027-04-12T10:00")}, {at("2027-04-12T13:00"), at("2027-04-12T13:30")},
       {at("2027-04-12T15:00"), at("2027-04-12T15:00")}},  // empty: dropped
      {}};
  EXPECT_EQ(merge_busy(busy),
            (std::vector<Interval>{{at("2027-04-12T08:00"), at("2027-04-12T10:00")},
                                   {at("2027-04-12T12:00"), at("2027-04-12T13:30")}}));
}

TEST(EarliestStart, KeepsEveryBeforeTheMeetingDeadlineReachable) {
  MeetingType type;
  type.deadlines = {{"send_agenda", "chair", "meeting_start", -7, DayUnit::calendar_days, "S7"},
                    {"send_minutes", "chair", "meeting_end", 7, DayUnit::calendar_days, "S7"}};
  EXPECT_EQ(format_local_iso(earliest_start(at("2027-03-25T10:20"), type, {})),
            "2027-04-01T10:20:00+02:00");
  type.deadlines.push_back({"send_brief", "convener", "meeting_start", -8, DayUnit::working_days, "F6"});
  // Wednesday 17/3 + 8 working days, skipping Easter: 18,19,22,23,24,30,31/3, 1/4.
  EXPECT_EQ(format_local_iso(earliest_start(at("2027-03-17T10:20"), type, {})),
            "2027-04-01T10:20:00+02:00");
  // On a closed day (Saturday 20/3) the 9th working day is the first possible one:
  // 22, 23, 24, 30, 31/3, 1, 2, 5, 6/4.
  EXPECT_EQ(format_local_iso(earliest_start(at("2027-03-20T10:20"), type, {})),
            "2027-04-06T00:00:00+02:00");
  MeetingType free;
  EXPECT_EQ(earliest_start(at("2027-03-20T10:20"), free, {}), at("2027-03-20T10:20"));
}

TEST(EarliestStart, ProducesStartsWhoseDeadlinesAreNotPast) {
  // For many "now"s: the deadline of a meeting at the earliest start is >= now, and a
  // meeting one working day earlier would have missed it.
  MeetingType type;
  type.deadlines = {{"send_agenda", "chair", "meeting_start", -4, DayUnit::working_days, "X"}};
  for (Instant now = at("2027-03-15T07:00"); now < at("2027-04-20T00:00"); now += hours{7}) {
    const Instant start = earliest_start(now, type, {});
    const LocalTime local = to_local(start);
    const Date day = local_date(local);
    const Instant due = to_utc(LocalTime{local_days{add_working_days(day, -4)}} + time_of_day(local));
    EXPECT_GE(due, now) << format_local_iso(now);
  }
}

// Brute force: try every step-aligned start in every window, checking each busy interval.
std::vector<Interval> naive_slots(const SlotQuery& q, const BusyLists& busy, Instant not_after) {
  std::vector<Interval> result;
  for (sys_days d = sys_days{local_date(q.not_before)}; d <= sys_days{local_date(not_after)}; d += days{1}) {
    if (!is_working_day(Date{d}, q.closing)) continue;
    for (int m = 0; m < 24 * 60; m += static_cast<int>(q.step.count())) {
      bool in_window = false;
      const int end_limit_of = static_cast<int>(m + q.duration.count());
      for (const auto& w : q.windows)
        in_window |= w.weekday == iso_weekday(Date{d}) && m >= w.from_minute &&
                     (q.may_run_past_windows ? m < w.to_minute && end_limit_of <= 24 * 60
                                             : end_limit_of <= w.to_minute);
      const Instant s = to_utc(local_at(Date{d}, m));
      const Instant e = s + q.duration;
      if (!in_window || s < q.not_before || e > not_after) continue;
      bool free = true;
      for (const auto& person : busy)
        for (const auto& b : person) free &= !(b.start < e && s < b.end);
      if (free) result.push_back({s, e});
    }
  }
  return result;
}

TEST(Slots, AgreesWithBruteForceOnRandomCalendars) {
  std::mt19937 rng(20270408);
  for (int round = 0; round < 40; ++round) {
    SlotQuery q;
    q.windows = {{1, 8 * 60, 15 * 60}, {3, 12 * 60, 17 * 60}, {4, 9 * 60 + 45, 16 * 60},
                 {6, 10 * 60, 12 * 60}};
    q.duration = minutes{15 * (1 + static_cast<int>(rng() % 8))};
    q.not_before = at("2027-03-20T00:00") + minutes{rng() % (60 * 24 * 10)};
    q.count = 0;
    q.may_run_past_windows = round % 2 == 1;
    q.closing.yearly = {December / 24};
    const Instant not_after = q.not_before + days{21};
    q.not_after = not_after;
    BusyLists busy(1 + rng() % 5);
    for (auto& person : busy)
      for (int i = 0; i < 30; ++i) {
        const Instant s = at("2027-03-20T00:00") + minutes{5 * (rng() % (12 * 24 * 32))};
        person.push_back({s, s + minutes{5 * (1 + rng() % 36)}});
      }
    ASSERT_EQ(find_slots(q, busy), naive_slots(q, busy, not_after)) << "round " << round;
  }
}

}  // namespace
}  // namespace samspil::domain
