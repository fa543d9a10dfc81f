#pragma once
// Slot finding: the first free meeting times that suit every participant, inside the
// meeting type's time windows, on working days, not before a given instant. Pure and
// deterministic: busy times and the earliest start are passed in; nothing reads a clock.
//
// Semantics:
//  - A slot is [start, start + duration) and must lie entirely inside one time window
//    (local weekday + clock range; a meeting may not run past the window's end), on a
//    working day (no weekend, public holiday or closing day), start at or after
//    not_before, end at or before not_after, and overlap nobody's busy interval.
//    With may_run_past_windows (FP4: "may run after 16:00") only the START must lie in a
//    window; the meeting may then run past the window's end, up to local midnight.
//  - No windows in the type = the default working hours, Monday-Friday 08:00-16:00.
//  - A type booked into agreed recurring slots (booking.fixed_slots with default_slots,
//    F4) uses those weekly slots as its windows (slot_query_for).
//  - Starts are aligned to `step` on the local clock (counted from local midnight, so with
//    a 15-minute step a window from 09:45 offers 09:45, 10:00 ...; after a busy interval
//    ending 10:10 the next start is 10:15). Use a step that divides 60 minutes.
//  - Fixed booking slots (F4, the institution's agreed PPR slots): when given, they
//    replace the weekly windows; starts are aligned to `step` from each slot's own start.
//  - Busy intervals are half-open [start, end): a meeting may start when another ends.
//    Per-person lists may come in any order; already sorted lists are not copied.
//
// Cost: O(B) to check and merge B busy intervals already sorted per person (a k-way merge,
// O(B log k) for k people), plus an O(b log b) sort per unsorted list of b intervals, plus
// O(days x windows + slots returned) for the sweep. No per-minute scanning.
#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "domain/model.hpp"
#include "domain/types.hpp"

namespace samspil::domain {

// A half-open time interval [start, end) in UTC.
struct Interval {
  Instant start;
  Instant end;
  friend bool operator==(const Interval&, const Interval&) = default;
};

// Busy intervals, one list per participant.
using BusyLists = std::vector<std::vector<Interval>>;

// What to look for.
struct SlotQuery {
  std::vector<TimeWindow> windows;       // empty = default_windows()
  std::chrono::minutes duration{90};
  Instant not_before{};
  std::optional<Instant> not_after;      // default: not_before + 366 days
  std::chrono::minutes step{15};
  std::size_t count = 5;                 // 0 = every free slot up to not_after
  ClosingDays closing;
  std::vector<Interval> fixed_slots;     // F4: when non-empty, used instead of windows
  bool may_run_past_windows = false;     // FP4: only the start must lie in a window
};

// Monday-Friday 08:00-16:00, used when a meeting type names no windows.
std::vector<TimeWindow> default_windows();

// The sorted, non-overlapping union of everyone's busy intervals (empty ones dropped).
std::vector<Interval> merge_busy(const BusyLists& busy);

// The first query.count free slots in chronological order (all of them if count is 0).
// Throws std::invalid_argument when duration or step is not positive.
std::vector<Interval> find_slots(const SlotQuery& query, const BusyLists& busy);

// A query for a meeting type of a model: its windows (or its agreed booking slots), default
// duration, may_run_past_windows and the model's closing days.
SlotQuery slot_query_for(const Model& model, const MeetingType& type, Instant not_before);

// The earliest meeting start for which every "before the meeting" obligation of the type
// (anchored to meeting_start or meeting_end with a negative offset, e.g. S7's agenda
// 7 days before) is still due at or after now; never earlier than now. E.g. for a
// 7-calendar-day agenda rule: now + 7 days at the same local clock time.
Instant earliest_start(Instant now, const MeetingType& type, const ClosingDays& closing);

}  // namespace samspil::domain
