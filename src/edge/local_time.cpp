#include "edge/local_time.hpp"

#include <chrono>
#include <cstdio>

#include "domain/calendar.hpp"

namespace samspil::edge {

std::optional<std::int64_t> parse_local_time(const std::string& date, const std::string& time) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  char tail = 0;
  if (std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &mo, &d, &tail) != 3) return std::nullopt;
  if (std::sscanf(time.c_str(), "%2d:%2d%c", &h, &mi, &tail) != 2) return std::nullopt;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || y < 2000 || y > 2200) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  const auto utc = domain::to_utc(domain::local_at(ymd, h * 60 + mi));
  return std::chrono::duration_cast<std::chrono::milliseconds>(utc.time_since_epoch()).count();
}

std::optional<std::int64_t> parse_due_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto date = domain::parse_date(text);
  if (!date) return std::nullopt;
  // Due at the end of the working day (16:00 local) of that date.
  const auto utc = domain::to_utc(domain::local_at(*date, 16 * 60));
  return std::chrono::duration_cast<std::chrono::milliseconds>(utc.time_since_epoch()).count();
}

}  // namespace samspil::edge
