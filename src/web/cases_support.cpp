#include "web/cases_support.hpp"

#include <cstdio>

#include "domain/calendar.hpp"

namespace samspil::web {

std::string danish_time(std::int64_t ms) {
  const auto local = domain::to_local(domain::Instant{std::chrono::seconds{ms / 1000}});
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day d{day};
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02u.%02u.%04d %02d:%02d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()), static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return buffer;
}

std::string danish_date(std::int64_t ms) { return danish_time(ms).substr(0, 10); }

}  // namespace samspil::web
