// Danish public holidays 2023-2030, Store bededag's abolition, weekends, closing days and
// working-day counting across Easter and Christmas.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/working_days.hpp"
#include "time_test_support.hpp"

namespace samspil::domain {
namespace {

using testing::on;
using namespace std::chrono;

struct YearCase {
  int year;
  const char* easter;
  // Skærtorsdag, Langfredag, 2. påskedag, Store bededag ("" when abolished),
  // Kristi himmelfartsdag, Pinsedag, 2. pinsedag
  std::vector<const char*> movable;
};

class Holidays : public ::testing::TestWithParam<YearCase> {};

TEST_P(Holidays, MatchTheDanishCalendar) {
  const auto& c = GetParam();
  EXPECT_EQ(easter_sunday(c.year), on(c.easter));

  const std::string y = std::to_string(c.year);
  std::vector<std::pair<std::string, std::string>> expected{
      {y + "-01-01", "Nytårsdag"},         {c.movable[0], "Skærtorsdag"},
      {c.movable[1], "Langfredag"},        {c.easter, "Påskedag"},
      {c.movable[2], "2. påskedag"}};
  if (*c.movable[3] != '\0') expected.emplace_back(c.movable[3], "Store bededag");
  expected.insert(expected.end(), {{c.movable[4], "Kristi himmelfartsdag"},
                                   {c.movable[5], "Pinsedag"},
                                   {c.movable[6], "2. pinsedag"},
                                   {y + "-12-25", "Juledag"},
                                   {y + "-12-26", "2. juledag"}});

  const auto holidays = public_holidays(c.year);
  ASSERT_EQ(holidays.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(format_date(holidays[i].date), expected[i].first);
    EXPECT_EQ(holidays[i].name, expected[i].second);
  }

  // Day by day: exactly these dates have a holiday name, and they are not working days.
  std::set<std::string> holiday_dates;
  for (const auto& [date, name] : expected) holiday_dates.insert(date);
  int named = 0;
  for (Date d = Date{year{c.year} / 1 / 1}; d.year() == year{c.year}; d = Date{sys_days{d} + days{1}}) {
    const std::string name = holiday_name(d);
    const bool is_holiday = holiday_dates.contains(format_date(d));
    EXPECT_EQ(!name.empty(), is_holiday) << format_date(d);
    if (is_holiday) {
      ++named;
      EXPECT_FALSE(is_working_day(d));
      const DayStatus status = day_status(d);
      EXPECT_NE(status.reason, ClosedReason::none);
      if (iso_weekday(d) < 6) {
        EXPECT_EQ(status.reason, ClosedReason::public_holiday);
        EXPECT_EQ(status.name, name);
      }
    }
  }
  EXPECT_EQ(named, static_cast<int>(expected.size()));
}

INSTANTIATE_TEST_SUITE_P(
    Years2023To2030, Holidays,
    ::testing::Values(
        YearCase{2023, "2023-04-09", {"2023-04-06", "2023-04-07", "2023-04-10", "2023-05-05", "2023-05-18", "2023-05-28", "2023-05-29"}},
        YearCase{2024, "2024-03-31", {"2024-03-28", "2024-03-29", "2024-04-01", "", "2024-05-09", "2024-05-19", "2024-05-20"}},
        YearCase{2025, "2025-04-20", {"2025-04-17", "2025-04-18", "2025-04-21", "", "2025-05-29", "2025-06-08", "2025-06-09"}},
        YearCase{2026, "2026-04-05", {"2026-04-02", "2026-04-03", "2026-04-06", "", "2026-05-14", "2026-05-24", "2026-05-25"}},
        YearCase{2027, "2027-03-28", {"2027-03-25", "2027-03-26", "2027-03-29", "", "2027-05-06", "2027-05-16", "2027-05-17"}},
        YearCase{2028, "2028-04-16", {"2028-04-13", "2028-04-14", "2028-04-17", "", "2028-05-25", "2028-06-04", "2028-06-05"}},
        YearCase{2029, "2029-04-01", {"2029-03-29", "2029-03-30", "2029-04-02", "", "2029-05-10", "2029-05-20", "2029-05-21"}},
        YearCase{2030, "2030-04-21", {"2030-04-18", "2030-04-19", "2030-04-22", "", "2030-05-30", "2030-06-09", "2030-06-10"}}));

TEST(Easter, KnownDatesOutsideTheTableToo) {
  // Extremes of the Gregorian computus and a century year.
  EXPECT_EQ(easter_sunday(2285), on("2285-03-22"));
  EXPECT_EQ(easter_sunday(2038), on("2038-04-25"));
  EXPECT_EQ(easter_sunday(2000), on("2000-04-23"));
  EXPECT_EQ(easter_sunday(2100), on("2100-03-28"));
}

TEST(StoreBededag, IsAHolidayIn2023AndAWorkingDayFrom2024) {
  EXPECT_EQ(holiday_name(on("2023-05-05")), "Store bededag");
  EXPECT_FALSE(is_working_day(on("2023-05-05")));
  EXPECT_EQ(holiday_name(on("2024-04-26")), "");  // 4th Friday after Easter 2024
  EXPECT_TRUE(is_working_day(on("2024-04-26")));
  EXPECT_TRUE(is_working_day(on("2027-04-23")));
}

struct StatusCase {
  const char* date;
  ClosedReason reason;
  const char* name;
};

class Status : public ::testing::TestWithParam<StatusCase> {};

TEST_P(Status, ReportsWhyADayIsClosed) {
  ClosingDays closing;
  closing.yearly = {June / 5, December / 24, December / 31};
  closing.dates = {on("2027-07-15")};
  const auto& c = GetParam();
  const DayStatus status = day_status(on(c.date), closing);
  EXPECT_EQ(status.reason, c.reason) << c.date;
  EXPECT_EQ(status.name, c.name) << c.date;
  EXPECT_EQ(status.is_working_day(), c.reason == ClosedReason::none);
  EXPECT_EQ(is_working_day(on(c.date), closing), c.reason == ClosedReason::none);
  EXPECT_TRUE(day_status(on(c.date)).is_working_day() || c.reason != ClosedReason::closing_day);
}

INSTANTIATE_TEST_SUITE_P(
    Days, Status,
    ::testing::Values(StatusCase{"2027-04-07", ClosedReason::none, ""},
                      StatusCase{"2027-04-10", ClosedReason::weekend, "Lørdag"},
                      StatusCase{"2027-04-11", ClosedReason::weekend, "Søndag"},
                      StatusCase{"2027-03-26", ClosedReason::public_holiday, "Langfredag"},
                      StatusCase{"2027-06-04", ClosedReason::none, ""},
                      StatusCase{"2026-06-05", ClosedReason::closing_day, "Lukkedag: Grundlovsdag"},
                      StatusCase{"2027-12-24", ClosedReason::closing_day, "Lukkedag: Juleaftensdag"},
                      StatusCase{"2027-12-31", ClosedReason::closing_day, "Lukkedag: Nytårsaftensdag"},
                      StatusCase{"2027-07-15", ClosedReason::closing_day, "Lukkedag"},
                      StatusCase{"2028-07-14", ClosedReason::none, ""},
                      StatusCase{"2027-12-25", ClosedReason::weekend, "Lørdag"},
                      StatusCase{"2028-12-25", ClosedReason::public_holiday, "Juledag"}));

struct CountCase {
  const char* from;
  int n;
  bool christmas_closed;  // 24 and 31 December as closing days
  const char* expected;
};

class WorkingDays : public ::testing::TestWithParam<CountCase> {};

TEST_P(WorkingDays, CountFromTheDayAfter) {
  const auto& c = GetParam();
  ClosingDays closing;
  if (c.christmas_closed) closing.yearly = {December / 24, December / 31};
  const Date result = add_working_days(on(c.from), c.n, closing);
  EXPECT_EQ(format_date(result), c.expected) << c.from << " + " << c.n;
  if (c.n != 0) {
    EXPECT_TRUE(is_working_day(result, closing));
    if (c.n > 0) {
      EXPECT_EQ(working_days_between(on(c.from), result, closing), c.n);
    }
    // Going back, (result, from] holds the |n| - 1 days in between plus `from` if it is open.
    if (c.n < 0) {
      EXPECT_EQ(working_days_between(result, on(c.from), closing),
                -c.n - 1 + (is_working_day(on(c.from), closing) ? 1 : 0));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    EasterChristmasWeekends, WorkingDays,
    ::testing::Values(
        CountCase{"2027-04-07", 0, false, "2027-04-07"},
        CountCase{"2027-04-10", 0, false, "2027-04-10"},   // 0 keeps even a closed day
        CountCase{"2027-04-07", 1, false, "2027-04-08"},   // starts the day after
        CountCase{"2027-04-09", 1, false, "2027-04-12"},   // Friday -> Monday
        CountCase{"2027-04-10", 1, false, "2027-04-12"},   // Saturday -> Monday
        CountCase{"2027-04-12", -1, false, "2027-04-09"},  // Monday back to Friday
        // Easter 2027: Skærtorsdag 25/3 .. 2. påskedag 29/3 are all skipped.
        CountCase{"2027-03-24", 1, false, "2027-03-30"},
        CountCase{"2027-03-24", 2, false, "2027-03-31"},
        CountCase{"2027-03-30", -1, false, "2027-03-24"},
        CountCase{"2027-03-30", -5, false, "2027-03-18"},
        CountCase{"2027-03-19", 5, false, "2027-03-31"},
        // Easter 2024 crosses the month boundary.
        CountCase{"2024-03-27", 1, false, "2024-04-02"},
        // Christmas 2027: 24 (Fri) and 31 (Fri) December only when configured.
        CountCase{"2027-12-22", 3, false, "2027-12-27"},
        CountCase{"2027-12-22", 3, true, "2027-12-28"},
        CountCase{"2027-12-23", 5, true, "2028-01-03"},
        CountCase{"2027-12-23", 5, false, "2027-12-30"},
        CountCase{"2028-01-03", -2, true, "2027-12-29"},
        // Store bededag 2023 is skipped, the same Friday in 2024 is not.
        CountCase{"2023-05-04", 1, false, "2023-05-08"},
        CountCase{"2024-04-25", 1, false, "2024-04-26"},
        // Kristi himmelfartsdag and 2. pinsedag 2027.
        CountCase{"2027-05-05", 1, false, "2027-05-07"},
        CountCase{"2027-05-14", 1, false, "2027-05-18"}));

TEST(WorkingDays, ClosingEveryDayIsAnErrorNotAnEndlessLoop) {
  ClosingDays closing;
  for (Date d = on("2027-01-01"); d.year() == year{2027}; d = Date{sys_days{d} + days{1}})
    closing.yearly.push_back(month_day{d.month(), d.day()});
  closing.yearly.push_back(February / 29);
  EXPECT_THROW(add_working_days(on("2027-04-07"), 1, closing), std::invalid_argument);
  EXPECT_THROW(add_working_days(on("2027-04-07"), -1, closing), std::invalid_argument);
}

TEST(WorkingDays, ALongCountMatchesADayByDayWalk) {
  // 250 working days from New Year's Eve 2026: count independently with day_status.
  ClosingDays closing;
  closing.yearly = {June / 5, December / 24, December / 31};
  const Date start = on("2026-12-31");
  Date d = start;
  for (int counted = 0; counted < 250;) {
    d = Date{sys_days{d} + days{1}};
    if (day_status(d, closing).is_working_day()) ++counted;
  }
  EXPECT_EQ(add_working_days(start, 250, closing), d);
  EXPECT_EQ(add_working_days(d, -250, closing), on("2026-12-30"));  // 31/12 is closed
}

}  // namespace
}  // namespace samspil::domain
