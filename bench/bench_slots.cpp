// Slot finding for 12 participants with 3 000 busy intervals each over a year, against
// the lower bound of merely sorting those 36 000 intervals, in the same run (issue 3:
// slot finding must take at most 2x the sort).
//
// Both sides get the same input and both pay for copying it: the sort copies the 12 lists
// into one vector and sorts it; slot finding reads the lists (copying only unsorted ones).
// Slot finding is asked for every free slot of the year (count = 0), or for slots after
// the last busy interval, so it must process every interval and cannot stop early.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>

#include "domain/calendar.hpp"
#include "domain/slots.hpp"

namespace {

using namespace samspil::domain;
using namespace std::chrono;

constexpr int k_people = 12;
constexpr int k_per_person = 3000;

// A year of calendars: mostly meetings of 15-120 minutes on weekdays 07:00-18:00, some at
// any time (travel, leave, evening events). Deterministic.
BusyLists make_busy(bool sorted_per_person) {
  std::mt19937_64 rng(3);
  const Instant year_start = to_utc(local_at(Date{year{2027} / 1 / 1}, 0));
  BusyLists busy(k_people);
  for (auto& person : busy) {
    person.reserve(k_per_person);
    for (int i = 0; i < k_per_person; ++i) {
      const int day = static_cast<int>(rng() % 365);
      const bool office_hours = rng() % 10 < 8;
      const int minute = office_hours ? 7 * 60 + static_cast<int>(rng() % (11 * 60))
                                      : static_cast<int>(rng() % (24 * 60));
      const Instant start = year_start + days{day} + minutes{minute - minute % 5};
      person.push_back({start, start + minutes{15 * (1 + static_cast<int>(rng() % 8))}});
    }
    if (sorted_per_person)
      std::sort(person.begin(), person.end(),
                [](const Interval& a, const Interval& b) { return a.start < b.start; });
  }
  return busy;
}

SlotQuery whole_year() {
  SlotQuery q;
  q.windows = {{1, 8 * 60, 15 * 60}, {2, 8 * 60, 16 * 60}, {3, 8 * 60, 16 * 60},
               {4, 9 * 60 + 45, 16 * 60}, {5, 8 * 60, 14 * 60}};
  q.duration = minutes{30};
  q.not_before = to_utc(local_at(Date{year{2027} / 1 / 1}, 0));
  q.not_after = to_utc(local_at(Date{year{2028} / 1 / 1}, 0));
  q.count = 0;
  q.closing.yearly = {June / 5, December / 24, December / 31};
  return q;
}

void sort_baseline(benchmark::State& state, bool sorted_per_person) {
  const BusyLists busy = make_busy(sorted_per_person);
  for (auto _ : state) {
    std::vector<Interval> all;
    all.reserve(k_people * k_per_person);
    for (const auto& person : busy) all.insert(all.end(), person.begin(), person.end());
    std::sort(all.begin(), all.end(),
              [](const Interval& a, const Interval& b) { return a.start < b.start; });
    benchmark::DoNotOptimize(all.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * k_people * k_per_person);
}

void all_free_slots(benchmark::State& state, bool sorted_per_person) {
  const BusyLists busy = make_busy(sorted_per_person);
  const SlotQuery query = whole_year();
  std::size_t found = 0;
  for (auto _ : state) {
    const auto slots = find_slots(query, busy);
    found = slots.size();
    benchmark::DoNotOptimize(slots.data());
  }
  state.counters["slots"] = static_cast<double>(found);
  state.SetItemsProcessed(state.iterations() * k_people * k_per_person);
}

void first_slots_after_last_busy(benchmark::State& state, bool sorted_per_person) {
  const BusyLists busy = make_busy(sorted_per_person);
  SlotQuery query = whole_year();
  query.not_before = to_utc(local_at(Date{year{2028} / 1 / 3}, 0));
  query.not_after.reset();
  query.count = 5;
  for (auto _ : state) {
    const auto slots = find_slots(query, busy);
    benchmark::DoNotOptimize(slots.data());
  }
  state.SetItemsProcessed(state.iterations() * k_people * k_per_person);
}

void BM_SortOnly_Shuffled(benchmark::State& s) { sort_baseline(s, false); }
void BM_SlotsWholeYear_Shuffled(benchmark::State& s) { all_free_slots(s, false); }
void BM_SlotsAfterLastBusy_Shuffled(benchmark::State& s) { first_slots_after_last_busy(s, false); }
void BM_SortOnly_SortedPerPerson(benchmark::State& s) { sort_baseline(s, true); }
void BM_SlotsWholeYear_SortedPerPerson(benchmark::State& s) { all_free_slots(s, true); }
void BM_SlotsAfterLastBusy_SortedPerPerson(benchmark::State& s) { first_slots_after_last_busy(s, true); }

BENCHMARK(BM_SortOnly_Shuffled)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SlotsWholeYear_Shuffled)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SlotsAfterLastBusy_Shuffled)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SortOnly_SortedPerPerson)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SlotsWholeYear_SortedPerPerson)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SlotsAfterLastBusy_SortedPerPerson)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
