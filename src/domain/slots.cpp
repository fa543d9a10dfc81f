#include "domain/slots.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <stdexcept>

#include "domain/calendar.hpp"
#include "domain/deadlines.hpp"
#include "domain/working_days.hpp"

namespace samspil::domain {

namespace {

using namespace std::chrono;

bool by_start(const Interval& a, const Interval& b) { return a.start < b.start; }

// Windows grouped by ISO weekday (index 1..7), sorted, overlapping/touching ones joined,
// invalid ones (from >= to, outside the day) dropped.
using WeekWindows = std::array<std::vector<TimeWindow>, 8>;

WeekWindows normalise(const std::vector<TimeWindow>& windows) {
  WeekWindows week;
  for (const TimeWindow& w : windows) {
    if (w.weekday < 1 || w.weekday > 7 || w.from_minute < 0 || w.to_minute > 24 * 60 ||
        w.from_minute >= w.to_minute)
      continue;
    week[static_cast<std::size_t>(w.weekday)].push_back(w);
  }
  for (auto& day : week) {
    std::sort(day.begin(), day.end(),
              [](const TimeWindow& a, const TimeWindow& b) { return a.from_minute < b.from_minute; });
    std::vector<TimeWindow> joined;
    for (const TimeWindow& w : day) {
      if (!joined.empty() && w.from_minute <= joined.back().to_minute)
        joined.back().to_minute = std::max(joined.back().to_minute, w.to_minute);
      else
        joined.push_back(w);
    }
    day = std::move(joined);
  }
  return week;
}

// Walks open periods in chronological order against the merged busy list, collecting
// aligned free slots. The busy cursor only moves forward, so the whole sweep touches each
// busy interval a bounded number of times.
class Sweep {
 public:
  Sweep(const SlotQuery& query, std::vector<Interval> busy)
      : m_query(query), m_busy(std::move(busy)) {}

  // Offers starts in [from, start_limit), aligned to `step` from `base`, for meetings that
  // end by end_limit. Returns false once enough slots were found.
  bool offer(Instant from, Instant start_limit, Instant end_limit, Instant base) {
    from = std::max(from, m_query.not_before);
    if (from >= start_limit) return !done();
    while (m_cursor < m_busy.size() && m_busy[m_cursor].end <= from) ++m_cursor;
    Instant free_from = from;
    for (std::size_t j = m_cursor; free_from < start_limit; ++j) {
      const bool blocked = j < m_busy.size() && m_busy[j].start < end_limit;
      const Instant free_to = blocked ? m_busy[j].start : end_limit;
      if (free_to > free_from && !emit(free_from, free_to, start_limit, base)) return false;
      if (!blocked) break;
      free_from = std::max(free_from, m_busy[j].end);
    }
    return !done();
  }

  std::vector<Interval> take() { return std::move(m_slots); }

 private:
  bool done() const { return m_query.count != 0 && m_slots.size() >= m_query.count; }

  // Emits aligned starts in the free period [from, to) that begin before start_limit.
  bool emit(Instant from, Instant to, Instant start_limit, Instant base) {
    const seconds step = m_query.step;
    const seconds late = from - base;
    Instant start = base + ((late + step - seconds{1}) / step) * step;
    for (; start < start_limit && start + m_query.duration <= to; start += step) {
      m_slots.push_back({start, start + m_query.duration});
      if (done()) return false;
    }
    return true;
  }

  const SlotQuery& m_query;
  std::vector<Interval> m_busy;
  std::size_t m_cursor = 0;
  std::vector<Interval> m_slots;
};

}  // namespace

std::vector<TimeWindow> default_windows() {
  std::vector<TimeWindow> result;
  for (int wd = 1; wd <= 5; ++wd) result.push_back({wd, 8 * 60, 16 * 60});
  return result;
}

std::vector<Interval> merge_busy(const BusyLists& busy) {
  // Sorted input is used in place; only unsorted lists are copied and sorted.
  std::vector<std::vector<Interval>> sorted_copies;
  std::vector<std::span<const Interval>> lists;
  std::size_t total = 0;
  for (const auto& list : busy) {
    total += list.size();
    if (list.empty()) continue;
    if (std::is_sorted(list.begin(), list.end(), by_start)) {
      lists.emplace_back(list);
    } else {
      sorted_copies.push_back(list);
      std::sort(sorted_copies.back().begin(), sorted_copies.back().end(), by_start);
    }
  }
  for (const auto& copy : sorted_copies) lists.emplace_back(copy);

  // k-way merge with a min-heap of list heads, joining overlaps as they come out.
  struct Head {
    Instant start;
    std::size_t list;
    std::size_t pos;
  };
  const auto later = [](const Head& a, const Head& b) { return a.start > b.start; };
  std::vector<Head> heap;
  heap.reserve(lists.size());
  for (std::size_t i = 0; i < lists.size(); ++i) heap.push_back({lists[i][0].start, i, 0});
  std::make_heap(heap.begin(), heap.end(), later);

  std::vector<Interval> merged;
  merged.reserve(total / 2 + 1);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    Head& head = heap.back();
    const Interval& next = lists[head.list][head.pos];
    if (next.start < next.end) {
      if (!merged.empty() && next.start <= merged.back().end)
        merged.back().end = std::max(merged.back().end, next.end);
      else
        merged.push_back(next);
    }
    if (++head.pos < lists[head.list].size()) {
      head.start = lists[head.list][head.pos].start;
      std::push_heap(heap.begin(), heap.end(), later);
    } else {
      heap.pop_back();
    }
  }
  return merged;
}

std::vector<Interval> find_slots(const SlotQuery& query, const BusyLists& busy) {
  if (query.duration <= minutes{0}) throw std::invalid_argument("duration must be positive");
  if (query.step <= minutes{0}) throw std::invalid_argument("step must be positive");
  const Instant not_after = query.not_after.value_or(query.not_before + days{366});
  Sweep sweep(query, merge_busy(busy));

  if (!query.fixed_slots.empty()) {
    std::vector<Interval> fixed = query.fixed_slots;
    std::sort(fixed.begin(), fixed.end(), by_start);
    Instant covered = Instant::min();  // later overlapping fixed slots start where this ends
    for (const Interval& slot : fixed) {
      if (slot.start >= not_after) break;
      if (!is_working_day(local_date(slot.start), query.closing)) continue;
      const Instant from = std::max(slot.start, covered);
      const Instant to = std::min(slot.end, not_after);
      if (from < to && !sweep.offer(from, to, to, slot.start)) break;
      covered = std::max(covered, slot.end);
    }
    return sweep.take();
  }

  const WeekWindows week = normalise(query.windows.empty() ? default_windows() : query.windows);
  const Date last = local_date(not_after);
  for (Date d = local_date(query.not_before); sys_days{d} <= sys_days{last};
       d = Date{sys_days{d} + days{1}}) {
    const auto& windows = week[static_cast<std::size_t>(iso_weekday(d))];
    if (windows.empty() || !is_working_day(d, query.closing)) continue;
    const Instant midnight = to_utc(local_at(d, 0));
    const Instant day_end = std::min(to_utc(local_at(d, 24 * 60)), not_after);
    for (const TimeWindow& w : windows) {
      const Instant from = to_utc(local_at(d, w.from_minute));
      const Instant to = std::min(to_utc(local_at(d, w.to_minute)), not_after);
      if (!sweep.offer(from, to, query.may_run_past_windows ? day_end : to, midnight))
        return sweep.take();
    }
  }
  return sweep.take();
}

SlotQuery slot_query_for(const Model& model, const MeetingType& type, Instant not_before) {
  SlotQuery query;
  query.windows = type.booking.fixed_slots && !type.booking.default_slots.empty()
                      ? type.booking.default_slots
                      : type.windows;
  query.may_run_past_windows = type.may_run_past_windows;
  query.duration = minutes{type.default_duration_minutes};
  query.not_before = not_before;
  query.closing = model.closing_days;
  return query;
}

Instant earliest_start(Instant now, const MeetingType& type, const ClosingDays& closing) {
  const LocalTime local_now = to_local(now);
  const Date today = local_date(local_now);
  const seconds clock = time_of_day(local_now);
  Instant earliest = now;
  for (const DeadlineRule& rule : type.deadlines) {
    if (rule.offset >= 0 ||
        (rule.anchor != k_anchor_meeting_start && rule.anchor != k_anchor_meeting_end))
      continue;
    const int n = -rule.offset;
    Instant candidate;
    if (rule.unit == DayUnit::calendar_days) {
      candidate = to_utc(LocalTime{local_days{add_calendar_days(today, n)}} + clock);
    } else if (is_working_day(today, closing)) {
      // A meeting on the n-th working day from today has its deadline today, at the
      // meeting's clock time: it must not be earlier than now.
      candidate = to_utc(LocalTime{local_days{add_working_days(today, n, closing)}} + clock);
    } else {
      // Today is closed: counting back n working days from the n-th working day lands
      // before today, so the first possible meeting day is the (n+1)-th.
      candidate = to_utc(local_at(add_working_days(today, n + 1, closing), 0));
    }
    earliest = std::max(earliest, candidate);
  }
  return earliest;
}

}  // namespace samspil::domain
