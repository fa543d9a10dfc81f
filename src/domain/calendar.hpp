#pragma once
// Europe/Copenhagen local time <-> UTC without a time-zone database and without I/O.
//
// g++ 12's libstdc++ has no std::chrono::zoned_time/tzdb, and domain/ may not read
// /usr/share/zoneinfo, so the zone is encoded as the rule it has followed since 1996
// (EU directive 2000/84/EC, identical to the 1996 rule): CET = UTC+1; CEST = UTC+2 from
// the last Sunday of March 01:00 UTC until the last Sunday of October 01:00 UTC.
// Instants before 1996 are converted with the same rule, which is wrong for some years;
// Samspil only deals with current and future meetings.
//
// Wall-clock times that do not exist or occur twice (chosen so that a user typing a time
// gets a meeting, never an error):
//  - nonexistent (last Sunday of March, 02:00-02:59): read with the winter offset, i.e.
//    moved forward by the gap: 02:30 -> 03:30 CEST (01:30 UTC);
//  - ambiguous (last Sunday of October, 02:00-02:59): the earlier occurrence (CEST):
//    02:30 -> 02:30+02:00 (00:30 UTC), like std::chrono::choose::earliest.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/types.hpp"

namespace samspil::domain {

using LocalTime = std::chrono::local_seconds;  // a wall-clock time in Copenhagen

// The instant summer time starts in the given year (last Sunday of March, 01:00 UTC).
Instant summer_time_start(std::chrono::year y);

// The instant summer time ends in the given year (last Sunday of October, 01:00 UTC).
Instant summer_time_end(std::chrono::year y);

// Copenhagen's offset from UTC at an instant: +1 h (CET) or +2 h (CEST).
std::chrono::seconds utc_offset(Instant t);

// The Copenhagen wall-clock time of an instant.
LocalTime to_local(Instant t);

// The instant of a Copenhagen wall-clock time (gap and overlap resolved as described above).
Instant to_utc(LocalTime local);

// The local date part of a wall-clock time.
Date local_date(LocalTime local);

// The local calendar date of an instant.
Date local_date(Instant t);

// The wall-clock time at the given minute after midnight on a local date.
LocalTime local_at(Date d, int minute_of_day);

// The wall-clock time's seconds after local midnight.
std::chrono::seconds time_of_day(LocalTime local);

// ISO weekday of a date: 1 = Monday ... 7 = Sunday (as in TimeWindow).
int iso_weekday(Date d);

// An instant as local ISO 8601 with offset, e.g. "2027-04-01T09:00:00+02:00".
std::string format_local_iso(Instant t);

// A date as "YYYY-MM-DD".
std::string format_date(Date d);

// Parses "YYYY-MM-DDTHH:MM[:SS]" as Copenhagen wall-clock time, or the same followed by
// "Z", "+HH:MM", "-HH:MM" or "+HHMM" as an absolute time; a space may replace the "T".
// Returns nullopt on anything else (including invalid dates such as 2027-02-30).
std::optional<Instant> parse_iso_time(std::string_view text);

// Parses "YYYY-MM-DD"; nullopt when malformed or not a real date.
std::optional<Date> parse_date(std::string_view text);

}  // namespace samspil::domain
