#include "domain/calendar.hpp"

#include <cstdio>

namespace samspil::domain {

namespace {

using namespace std::chrono;

constexpr seconds k_winter_offset = hours{1};
constexpr seconds k_summer_offset = hours{2};

bool in_summer_time(Instant t) {
  const year y = year_month_day{floor<days>(t)}.year();
  return t >= summer_time_start(y) && t < summer_time_end(y);
}

// Reads exactly `width` decimal digits at text[pos]; advances pos.
std::optional<int> read_digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

std::optional<Date> read_date(std::string_view text, std::size_t& pos) {
  const auto y = read_digits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) return std::nullopt;
  const auto m = read_digits(text, pos, 2);
  if (!m || !expect(text, pos, '-')) return std::nullopt;
  const auto d = read_digits(text, pos, 2);
  if (!d) return std::nullopt;
  const Date date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace

Instant summer_time_start(year y) {
  return sys_days{y / March / Sunday[last]} + hours{1};
}

Instant summer_time_end(year y) {
  return sys_days{y / October / Sunday[last]} + hours{1};
}

seconds utc_offset(Instant t) { return in_summer_time(t) ? k_summer_offset : k_winter_offset; }

LocalTime to_local(Instant t) {
  return LocalTime{t.time_since_epoch() + utc_offset(t)};
}

Instant to_utc(LocalTime local) {
  const Instant as_summer{local.time_since_epoch() - k_summer_offset};
  const Instant as_winter{local.time_since_epoch() - k_winter_offset};
  // Ambiguous times (both readings valid) take the earlier, summer reading; nonexistent
  // times (neither valid) fall through to the winter reading, i.e. one hour later on the
  // wall clock.
  if (in_summer_time(as_summer)) return as_summer;
  return as_winter;
}

Date local_date(LocalTime local) { return Date{floor<days>(local)}; }

Date local_date(Instant t) { return local_date(to_local(t)); }

LocalTime local_at(Date d, int minute_of_day) {
  return LocalTime{local_days{d}} + minutes{minute_of_day};
}

seconds time_of_day(LocalTime local) { return local - floor<days>(local); }

int iso_weekday(Date d) { return static_cast<int>(weekday{sys_days{d}}.iso_encoding()); }

std::string format_local_iso(Instant t) {
  const LocalTime local = to_local(t);
  const Date d = local_date(local);
  const hh_mm_ss<seconds> tod{time_of_day(local)};
  const auto offset_hours = duration_cast<hours>(utc_offset(t)).count();
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d+%02d:00",
                static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()), static_cast<int>(tod.hours().count()),
                static_cast<int>(tod.minutes().count()), static_cast<int>(tod.seconds().count()),
                static_cast<int>(offset_hours));
  return buffer;
}

std::string format_date(Date d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buffer;
}

std::optional<Date> parse_date(std::string_view text) {
  std::size_t pos = 0;
  auto date = read_date(text, pos);
  if (!date || pos != text.size()) return std::nullopt;
  return date;
}

std::optional<Instant> parse_iso_time(std::string_view text) {
  std::size_t pos = 0;
  const auto date = read_date(text, pos);
  if (!date) return std::nullopt;
  if (pos >= text.size() || (text[pos] != 'T' && text[pos] != ' ')) return std::nullopt;
  ++pos;
  const auto hh = read_digits(text, pos, 2);
  if (!hh || !expect(text, pos, ':')) return std::nullopt;
  const auto mm = read_digits(text, pos, 2);
  if (!mm) return std::nullopt;
  int ss = 0;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    const auto s = read_digits(text, pos, 2);
    if (!s) return std::nullopt;
    ss = *s;
  }
  if (*hh > 23 || *mm > 59 || ss > 59) return std::nullopt;
  const seconds clock = hours{*hh} + minutes{*mm} + seconds{ss};
  if (pos == text.size()) return to_utc(LocalTime{local_days{*date}} + clock);

  const sys_seconds wall{sys_days{*date} + clock};
  if (text[pos] == 'Z' && pos + 1 == text.size()) return wall;
  const char sign = text[pos];
  if (sign != '+' && sign != '-') return std::nullopt;
  ++pos;
  const auto oh = read_digits(text, pos, 2);
  if (!oh) return std::nullopt;
  if (pos < text.size() && text[pos] == ':') ++pos;
  const auto om = read_digits(text, pos, 2);
  if (!om || pos != text.size() || *oh > 14 || *om > 59) return std::nullopt;
  const seconds offset = hours{*oh} + minutes{*om};
  return sign == '+' ? wall - offset : wall + offset;
}

}  // namespace samspil::domain
