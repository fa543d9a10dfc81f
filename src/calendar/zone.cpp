#include "calendar/zone.hpp"

#include <mutex>

#include "calendar/ical.hpp"

namespace samspil::calendar::detail {

namespace {

std::mutex& zone_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Built once: the truncated VTIMEZONE every invitation carries a clone of.
icalcomponent* template_vtimezone(icaltimezone* zone) {
  static icalcomponent* vtz = [&] {
    icalcomponent* source = icaltimezone_get_component(zone);
    if (!source) return static_cast<icalcomponent*>(nullptr);
    icalcomponent* copy = icalcomponent_new_clone(source);
    // libical 3.0.16 prefixes every TZID with /freeassociation.sourceforge.net/ and an empty
    // prefix does not switch that off (TOOLCHAIN.md): give the copy the plain Olson name,
    // which is what DTSTART/DTEND refer to and what Outlook and Google recognise.
    icalproperty* tzid = icalcomponent_get_first_property(copy, ICAL_TZID_PROPERTY);
    if (tzid) icalproperty_set_tzid(tzid, k_tzid);
    // Drop the transitions before 1970 (16 sub-components down to 7): meetings are never that old.
    icaltimetype start = icaltime_null_time();
    start.year = 1970;
    start.month = 1;
    start.day = 1;
    icaltimezone_truncate_vtimezone(copy, start, icaltime_null_time(), 1);
    return copy;
  }();
  return vtz;
}

}  // namespace

icaltimezone* copenhagen() {
  static icaltimezone* zone = [] {
    std::lock_guard lock(zone_mutex());
    icalerror_set_errors_are_fatal(0);
    return icaltimezone_get_builtin_timezone(k_tzid);
  }();
  if (!zone) throw std::runtime_error("calendar: Europe/Copenhagen not found (is tzdata installed?)");
  return zone;
}

icalcomponent* copenhagen_vtimezone() {
  icaltimezone* zone = copenhagen();
  std::lock_guard lock(zone_mutex());
  icalcomponent* vtz = template_vtimezone(zone);
  if (!vtz) throw std::runtime_error("calendar: no VTIMEZONE for Europe/Copenhagen");
  return icalcomponent_new_clone(vtz);
}

icaltimetype local_time(std::int64_t utc_ms) {
  icaltimezone* zone = copenhagen();
  // Floor to whole seconds (iCalendar has no fractions), also for negative values.
  const time_t seconds = static_cast<time_t>(utc_ms >= 0 ? utc_ms / 1000 : -((-utc_ms + 999) / 1000));
  std::lock_guard lock(zone_mutex());
  icaltimetype t = icaltime_from_timet_with_zone(seconds, 0, zone);
  t.zone = nullptr;
  return t;
}

icaltimetype utc_time(std::int64_t utc_ms) {
  const time_t seconds = static_cast<time_t>(utc_ms >= 0 ? utc_ms / 1000 : -((-utc_ms + 999) / 1000));
  return icaltime_from_timet_with_zone(seconds, 0, icaltimezone_get_utc_timezone());
}

std::int64_t to_utc_ms(icaltimetype wall, icaltimezone* zone) {
  wall.is_date = 0;
  wall.zone = nullptr;
  std::lock_guard lock(zone_mutex());
  return static_cast<std::int64_t>(icaltime_as_timet_with_zone(wall, zone)) * 1000;
}

std::string to_text(icalcomponent* component) {
  char* text = icalcomponent_as_ical_string_r(component);
  if (!text) throw std::runtime_error("calendar: could not serialise the calendar");
  std::string result(text);
  icalmemory_free_buffer(text);
  return result;
}

}  // namespace samspil::calendar::detail
