#pragma once
// Helpers shared by the time_* tests: read times the way users type them.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "domain/calendar.hpp"

namespace samspil::domain::testing {

// A time as "YYYY-MM-DDTHH:MM" (Copenhagen) or with an explicit offset; throws if malformed.
inline Instant at(const std::string& text) {
  const auto t = parse_iso_time(text);
  if (!t) throw std::invalid_argument("bad time in test: " + text);
  return *t;
}

// A date as "YYYY-MM-DD"; throws if malformed.
inline Date on(const std::string& text) {
  const auto d = parse_date(text);
  if (!d) throw std::invalid_argument("bad date in test: " + text);
  return *d;
}

}  // namespace samspil::domain::testing
