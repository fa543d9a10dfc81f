#include "domain/working_days.hpp"

#include <algorithm>
#include <stdexcept>

#include "domain/calendar.hpp"

namespace samspil::domain {

namespace {

using namespace std::chrono;

// The last year Store bededag was a public holiday (abolished by law from 2024).
constexpr int k_last_store_bededag_year = 2023;

// More consecutive closed days than this means the closing days leave no working days.
constexpr int k_max_closed_in_a_row = 366;

Date offset(Date d, int n) { return Date{sys_days{d} + days{n}}; }

// Display names of the closing days municipalities typically configure.
std::string closing_day_name(Date d) {
  const month_day md{d.month(), d.day()};
  if (md == June / 5) return "Lukkedag: Grundlovsdag";
  if (md == December / 24) return "Lukkedag: Juleaftensdag";
  if (md == December / 31) return "Lukkedag: Nytårsaftensdag";
  return "Lukkedag";
}

}  // namespace

Date easter_sunday(int y) {
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month_number = (h + l - 7 * m + 114) / 31;
  const int day_number = ((h + l - 7 * m + 114) % 31) + 1;
  return Date{year{y}, month{static_cast<unsigned>(month_number)},
              day{static_cast<unsigned>(day_number)}};
}

std::vector<Holiday> public_holidays(int y) {
  const Date easter = easter_sunday(y);
  std::vector<Holiday> result{
      {Date{year{y}, January, day{1}}, "Nytårsdag"},
      {offset(easter, -3), "Skærtorsdag"},
      {offset(easter, -2), "Langfredag"},
      {easter, "Påskedag"},
      {offset(easter, 1), "2. påskedag"},
  };
  if (y <= k_last_store_bededag_year) result.push_back({offset(easter, 26), "Store bededag"});
  result.push_back({offset(easter, 39), "Kristi himmelfartsdag"});
  result.push_back({offset(easter, 49), "Pinsedag"});
  result.push_back({offset(easter, 50), "2. pinsedag"});
  result.push_back({Date{year{y}, December, day{25}}, "Juledag"});
  result.push_back({Date{year{y}, December, day{26}}, "2. juledag"});
  return result;
}

std::string holiday_name(Date d) {
  const month_day md{d.month(), d.day()};
  if (md == January / 1) return "Nytårsdag";
  if (md == December / 25) return "Juledag";
  if (md == December / 26) return "2. juledag";
  // The movable feasts lie between Skærtorsdag (Easter - 3, >= 19 March) and 2. pinsedag
  // (Easter + 50, <= 14 June); skip the computus for the rest of the year.
  if (d.month() < March || d.month() > June) return "";
  const int y = static_cast<int>(d.year());
  const int from_easter = (sys_days{d} - sys_days{easter_sunday(y)}).count();
  switch (from_easter) {
    case -3: return "Skærtorsdag";
    case -2: return "Langfredag";
    case 0: return "Påskedag";
    case 1: return "2. påskedag";
    case 26: return y <= k_last_store_bededag_year ? "Store bededag" : "";
    case 39: return "Kristi himmelfartsdag";
    case 49: return "Pinsedag";
    case 50: return "2. pinsedag";
    default: return "";
  }
}

bool is_closing_day(Date d, const ClosingDays& closing) {
  const month_day md{d.month(), d.day()};
  return std::find(closing.yearly.begin(), closing.yearly.end(), md) != closing.yearly.end() ||
         std::find(closing.dates.begin(), closing.dates.end(), d) != closing.dates.end();
}

DayStatus day_status(Date d, const ClosingDays& closing) {
  const int wd = iso_weekday(d);
  if (wd == 6) return {ClosedReason::weekend, "Lørdag"};
  if (wd == 7) return {ClosedReason::weekend, "Søndag"};
  if (std::string name = holiday_name(d); !name.empty())
    return {ClosedReason::public_holiday, std::move(name)};
  if (is_closing_day(d, closing)) return {ClosedReason::closing_day, closing_day_name(d)};
  return {};
}

bool is_working_day(Date d, const ClosingDays& closing) {
  const int wd = iso_weekday(d);
  return wd < 6 && holiday_name(d).empty() && !is_closing_day(d, closing);
}

Date add_working_days(Date d, int n, const ClosingDays& closing) {
  const int step = n < 0 ? -1 : 1;
  int closed_in_a_row = 0;
  for (int remaining = n < 0 ? -n : n; remaining > 0;) {
    d = offset(d, step);
    if (is_working_day(d, closing)) {
      --remaining;
      closed_in_a_row = 0;
    } else if (++closed_in_a_row > k_max_closed_in_a_row) {
      // Only a model that closes (nearly) every day gets here; never loop forever.
      throw std::invalid_argument("no working day within a year of " + format_date(d));
    }
  }
  return d;
}

Date add_calendar_days(Date d, int n) { return offset(d, n); }

int working_days_between(Date from, Date to, const ClosingDays& closing) {
  int count = 0;
  for (Date d = offset(from, 1); sys_days{d} <= sys_days{to}; d = offset(d, 1))
    if (is_working_day(d, closing)) ++count;
  return count;
}

}  // namespace samspil::domain
