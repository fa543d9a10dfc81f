// Copenhagen local time <-> UTC: the EU summer-time rule, the gap and the overlap, parsing
// and formatting.
#include <gtest/gtest.h>

#include "domain/calendar.hpp"
#include "time_test_support.hpp"

namespace samspil::domain {
namespace {

using testing::at;
using testing::on;
using namespace std::chrono;

Instant utc(const std::string& text) { return at(text + "Z"); }

struct TransitionCase {
  int year;
  const char* spring;  // last Sunday of March
  const char* autumn;  // last Sunday of October
};

class SummerTime : public ::testing::TestWithParam<TransitionCase> {};

TEST_P(SummerTime, StartsAndEndsAtOneUtcOnTheLastSundays) {
  const auto& c = GetParam();
  EXPECT_EQ(summer_time_start(year{c.year}), utc(std::string(c.spring) + "T01:00"));
  EXPECT_EQ(summer_time_end(year{c.year}), utc(std::string(c.autumn) + "T01:00"));
  EXPECT_EQ(iso_weekday(on(c.spring)), 7);
  EXPECT_EQ(iso_weekday(on(c.autumn)), 7);
  // One second before and at each switch.
  const Instant start = summer_time_start(year{c.year});
  const Instant end = summer_time_end(year{c.year});
  EXPECT_EQ(utc_offset(start - seconds{1}), hours{1});
  EXPECT_EQ(utc_offset(start), hours{2});
  EXPECT_EQ(utc_offset(end - seconds{1}), hours{2});
  EXPECT_EQ(utc_offset(end), hours{1});
  EXPECT_EQ(format_local_iso(start - seconds{1}), std::string(c.spring) + "T01:59:59+01:00");
  EXPECT_EQ(format_local_iso(start), std::string(c.spring) + "T03:00:00+02:00");
  EXPECT_EQ(format_local_iso(end - seconds{1}), std::string(c.autumn) + "T02:59:59+02:00");
  EXPECT_EQ(format_local_iso(end), std::string(c.autumn) + "T02:00:00+01:00");
}

INSTANTIATE_TEST_SUITE_P(Years2023To2030, SummerTime,
                         ::testing::Values(TransitionCase{2023, "2023-03-26", "2023-10-29"},
                                           TransitionCase{2024, "2024-03-31", "2024-10-27"},
                                           TransitionCase{2025, "2025-03-30", "2025-10-26"},
                                           TransitionCase{2026, "2026-03-29", "2026-10-25"},
                                           TransitionCase{2027, "2027-03-28", "2027-10-31"},
                                           TransitionCase{2028, "2028-03-26", "2028-10-29"},
                                           TransitionCase{2029, "2029-03-25", "2029-10-28"},
                                           TransitionCase{2030, "2030-03-31", "2030-10-27"}));

struct LocalCase {
  const char* local;     // as typed, without offset
  const char* expected;  // the instant in UTC
  const char* shown;     // how it is displayed again
};

class LocalToUtc : public ::testing::TestWithParam<LocalCase> {};

TEST_P(LocalToUtc, ResolvesGapAndOverlapAsDocumented) {
  const auto& c = GetParam();
  EXPECT_EQ(at(c.local), utc(c.expected)) << c.local;
  EXPECT_EQ(format_local_iso(at(c.local)), c.shown) << c.local;
}

INSTANTIATE_TEST_SUITE_P(
    Transitions, LocalToUtc,
    ::testing::Values(
        LocalCase{"2027-01-15T09:00", "2027-01-15T08:00", "2027-01-15T09:00:00+01:00"},
        LocalCase{"2027-07-15T09:00", "2027-07-15T07:00", "2027-07-15T09:00:00+02:00"},
        LocalCase{"2027-03-28T01:59", "2027-03-28T00:59", "2027-03-28T01:59:00+01:00"},
        // Nonexistent: moved forward by the one-hour gap.
        LocalCase{"2027-03-28T02:00", "2027-03-28T01:00", "2027-03-28T03:00:00+02:00"},
        LocalCase{"2027-03-28T02:30", "2027-03-28T01:30", "2027-03-28T03:30:00+02:00"},
        LocalCase{"2027-03-28T03:00", "2027-03-28T01:00", "2027-03-28T03:00:00+02:00"},
        // Ambiguous: the earlier occurrence, still in summer time.
        LocalCase{"2027-10-31T01:59", "2027-10-30T23:59", "2027-10-31T01:59:00+02:00"},
        LocalCase{"2027-10-31T02:30", "2027-10-31T00:30", "2027-10-31T02:30:00+02:00"},
        LocalCase{"2027-10-31T03:00", "2027-10-31T02:00", "2027-10-31T03:00:00+01:00"},
        LocalCase{"2026-12-31T23:30", "2026-12-31T22:30", "2026-12-31T23:30:00+01:00"}));

TEST(LocalToUtc, SecondAmbiguousOccurrenceIsReachableWithAnExplicitOffset) {
  EXPECT_EQ(at("2027-10-31T02:30+01:00"), utc("2027-10-31T01:30"));
  EXPECT_EQ(format_local_iso(at("2027-10-31T02:30+01:00")), "2027-10-31T02:30:00+01:00");
}

TEST(LocalToUtc, EveryQuarterHourOfTheTransitionYearsRoundTrips) {
  // Every instant maps to a wall-clock time that maps back to it, except the second pass
  // through the autumn overlap, which reads as the first.
  for (int y = 2023; y <= 2030; ++y) {
    const Instant end = summer_time_end(year{y});
    for (Instant t = sys_days{year{y} / 1 / 1}; t < sys_days{year{y + 1} / 1 / 1}; t += minutes{15}) {
      const Instant back = to_utc(to_local(t));
      if (t >= end && t < end + hours{1})
        EXPECT_EQ(back, t - hours{1});
      else
        ASSERT_EQ(back, t) << format_local_iso(t);
    }
  }
}

struct ParseCase {
  const char* text;
  const char* utc;  // nullptr = rejected
};

class ParseTime : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParseTime, AcceptsLocalAndOffsetForms) {
  const auto& c = GetParam();
  const auto parsed = parse_iso_time(c.text);
  if (c.utc == nullptr) {
    EXPECT_FALSE(parsed.has_value()) << c.text;
  } else {
    ASSERT_TRUE(parsed.has_value()) << c.text;
    EXPECT_EQ(*parsed, utc(c.utc)) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Forms, ParseTime,
    ::testing::Values(ParseCase{"2027-04-08T09:00", "2027-04-08T07:00"},
                      ParseCase{"2027-04-08 09:00:30", "2027-04-08T07:00:30"},
                      ParseCase{"2027-04-08T09:00+02:00", "2027-04-08T07:00"},
                      ParseCase{"2027-04-08T09:00:00+0100", "2027-04-08T08:00"},
                      ParseCase{"2027-04-08T09:00-05:00", "2027-04-08T14:00"},
                      ParseCase{"2027-04-08T09:00Z", "2027-04-08T09:00"},
                      ParseCase{"2027-02-29T09:00", nullptr}, ParseCase{"2027-04-08", nullptr},
                      ParseCase{"2027-04-08T24:00", nullptr}, ParseCase{"2027-4-8T09:00", nullptr},
                      ParseCase{"2027-04-08T09:00+02", nullptr},
                      ParseCase{"2027-04-08T09:00 ", nullptr}, ParseCase{"", nullptr},
                      ParseCase{"i morgen", nullptr}));

TEST(ParseDate, RejectsDatesThatDoNotExist) {
  EXPECT_EQ(parse_date("2028-02-29"), Date{year{2028} / 2 / 29});
  EXPECT_FALSE(parse_date("2027-02-29"));
  EXPECT_FALSE(parse_date("2027-13-01"));
  EXPECT_FALSE(parse_date("2027-01-01x"));
  EXPECT_EQ(format_date(Date{year{2027} / 3 / 8}), "2027-03-08");
}

}  // namespace
}  // namespace samspil::domain
