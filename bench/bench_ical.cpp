// An invitation for 10 attendees (with the Europe/Copenhagen VTIMEZONE), and busy times
// read from a 500-event imported calendar (a year of meetings, some weekly recurring),
// for one month and for the whole year.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "calendar/ical.hpp"

namespace {

namespace cal = samspil::calendar;

constexpr std::int64_t k_hour = 3600 * 1000LL;
constexpr std::int64_t k_2027 = 1798761600000LL;  // 2027-01-01T00:00:00Z

cal::Event meeting(int i) {
  cal::Event e;
  e.uid = "meeting-" + std::to_string(i) + "@samspil.example";
  e.sequence = i % 3;
  e.start_ms = k_2027 + (i * 17 % 365) * 24 * k_hour + (7 + i % 9) * k_hour;
  e.end_ms = e.start_ms + k_hour;
  e.stamp_ms = k_2027;
  e.summary = "Møde";
  e.description = "Se mødet i Samspil: https://samspil.example/moeder/" + std::to_string(i);
  e.url = "https://samspil.example/moeder/" + std::to_string(i);
  e.location = "Rådhuset, lokale 2";
  e.organizer_email = "leder@kommune.example";
  e.organizer_name = "Åse Ørnebæk";
  return e;
}

void invitation_10_attendees(benchmark::State& state) {
  cal::Event e = meeting(1);
  for (int i = 0; i < 10; ++i)
    e.attendees.push_back({"deltager" + std::to_string(i) + "@kommune.example", "Deltager " + std::to_string(i)});
  for (auto _ : state) benchmark::DoNotOptimize(cal::invitation(e, cal::Method::request));
}
BENCHMARK(invitation_10_attendees)->Unit(benchmark::kMicrosecond);

// 500 events: the feed writer's output, with every 25th event turned into a weekly series
// of 10 (Google and Outlook exports look like this: VTIMEZONE + TZID times + RRULEs).
std::string imported_calendar() {
  std::vector<cal::Event> events;
  for (int i = 0; i < 500; ++i) events.push_back(meeting(i));
  std::string ics = cal::feed(events, "Importeret");
  const std::string marker = "UID:meeting-";
  std::size_t at = 0;
  for (int n = 0; (at = ics.find(marker, at)) != std::string::npos; ++n, at += marker.size())
    if (n % 25 == 0) ics.insert(at, "RRULE:FREQ=WEEKLY;COUNT=10\r\n");
  return ics;
}

void busy_times_500_events_month(benchmark::State& state) {
  const std::string ics = imported_calendar();
  for (auto _ : state) benchmark::DoNotOptimize(cal::busy_times(ics, k_2027 + 60 * 24 * k_hour, k_2027 + 90 * 24 * k_hour));
}
BENCHMARK(busy_times_500_events_month)->Unit(benchmark::kMillisecond);

void busy_times_500_events_year(benchmark::State& state) {
  const std::string ics = imported_calendar();
  for (auto _ : state) benchmark::DoNotOptimize(cal::busy_times(ics, k_2027, k_2027 + 365 * 24 * k_hour));
}
BENCHMARK(busy_times_500_events_year)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
