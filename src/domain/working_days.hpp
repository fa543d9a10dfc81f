#pragma once
// Danish working days (X3): weekends, the public holidays and a municipality's own closing
// days. Pure date arithmetic on local Copenhagen dates; no clock, no I/O.
//
// Public holidays: Nytårsdag (1 Jan), Skærtorsdag, Langfredag, Påskedag, 2. påskedag,
// Store bededag (the 4th Friday after Easter; abolished from 2024, so only up to and
// including 2023), Kristi himmelfartsdag (Easter + 39), Pinsedag (Easter + 49),
// 2. pinsedag, Juledag (25 Dec) and 2. juledag (26 Dec). Grundlovsdag, 24 and 31 December
// are not public holidays; municipalities list them as ClosingDays.
#include <string>
#include <vector>

#include "domain/types.hpp"

namespace samspil::domain {

// Why a day is not a working day.
enum class ClosedReason { none, weekend, public_holiday, closing_day };

// What a date is: a working day, or closed and why, with a Danish name for display
// ("Langfredag", "Lørdag", "Lukkedag: Juleaftensdag" ...).
struct DayStatus {
  ClosedReason reason = ClosedReason::none;
  std::string name;  // empty for working days

  bool is_working_day() const { return reason == ClosedReason::none; }
};

// Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher).
Date easter_sunday(int year);

// A Danish public holiday of a year, with its Danish name.
struct Holiday {
  Date date;
  std::string name;
};

// All Danish public holidays of a year, in date order.
std::vector<Holiday> public_holidays(int year);

// The Danish name of the public holiday on d, or "" when d is not one.
std::string holiday_name(Date d);

// True when d is one of the municipality's closing days (yearly or one-off).
bool is_closing_day(Date d, const ClosingDays& closing);

// The status of d: weekend first, then public holiday, then closing day.
DayStatus day_status(Date d, const ClosingDays& closing = {});

// True when d is neither a weekend, a public holiday nor a closing day.
bool is_working_day(Date d, const ClosingDays& closing = {});

// The n-th working day after d (n > 0; counting starts the day after d), the |n|-th
// working day before d (n < 0), or d itself (n == 0, even when d is closed).
// Throws std::invalid_argument when the closing days leave no working day for a year.
Date add_working_days(Date d, int n, const ClosingDays& closing = {});

// The date n calendar days after (n < 0: before) d.
Date add_calendar_days(Date d, int n);

// The number of working days in (from, to]: how many days add_working_days counts.
int working_days_between(Date from, Date to, const ClosingDays& closing = {});

}  // namespace samspil::domain
