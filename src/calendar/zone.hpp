#pragma once
// Internal to the calendar layer: the Europe/Copenhagen zone and conversions between
// UTC milliseconds and libical times, serialised behind one mutex (libical's built-in
// zones expand their transition tables lazily and are shared by every thread).
#include <libical/ical.h>

#include <cstdint>
#include <memory>
#include <string>

namespace samspil::calendar::detail {

inline constexpr const char* k_tzid = "Europe/Copenhagen";

// The built-in Europe/Copenhagen zone (from /usr/share/zoneinfo); throws when tzdata is missing.
// The first call also makes libical's errors non-fatal (a process-wide setting).
icaltimezone* copenhagen();

// A fresh VTIMEZONE for Europe/Copenhagen with TZID exactly "Europe/Copenhagen", from 1970 on.
icalcomponent* copenhagen_vtimezone();

// Wall-clock time in Copenhagen (zone pointer cleared: the caller adds the TZID parameter).
icaltimetype local_time(std::int64_t utc_ms);

// A UTC time (…Z) for DTSTAMP.
icaltimetype utc_time(std::int64_t utc_ms);

// The instant a wall-clock time in `zone` means (nullptr zone = UTC), in ms.
std::int64_t to_utc_ms(icaltimetype wall, icaltimezone* zone);

// Owns a component tree.
struct ComponentDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

// The component serialised (CRLF line endings, folded lines, escaped text).
std::string to_text(icalcomponent* component);

}  // namespace samspil::calendar::detail
