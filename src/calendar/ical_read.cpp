// Reading iCalendar: busy times from an imported calendar, and what a received invitation says.
#include <algorithm>
#include <cstring>
#include <set>
#include <utility>

#include "calendar/ical.hpp"
#include "calendar/zone.hpp"

namespace samspil::calendar {

namespace {

using detail::Component;

constexpr std::int64_t k_day_ms = 24LL * 3600 * 1000;
// A recurring event is expanded at most this often, so a rule without end cannot hang us.
constexpr int k_max_occurrences = 20000;

Component parse_calendar(std::string_view ics) {
  const std::string text(ics);
  detail::copenhagen();  // loads the zone once and makes libical errors non-fatal
  Component root(icalparser_parse_string(text.c_str()));
  if (!root) throw ParseError("not iCalendar text");
  if (icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT) throw ParseError("no VCALENDAR");
  return root;
}

// libical marks what it could not parse with X-LIC-ERROR properties instead of failing.
bool has_parse_errors(icalcomponent* component) {
  return icalcomponent_count_properties(component, ICAL_XLICERROR_PROPERTY) > 0;
}

// The zone a DATE-TIME property is in: UTC for …Z, else its TZID looked up in the file's
// VTIMEZONEs, then as an Olson name; floating times and unknown zones (e.g. a Windows name
// without a VTIMEZONE) are read as Copenhagen time, where every user of Samspil lives.
icaltimezone* zone_of(icalcomponent* calendar, icalproperty* property, icaltimetype value) {
  if (icaltime_is_utc(value)) return nullptr;
  icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
  if (tzid) {
    const char* name = icalparameter_get_tzid(tzid);
    if (name && *name) {
      if (icaltimezone* own = icalcomponent_get_timezone(calendar, name)) return own;
      if (icaltimezone* builtin = icaltimezone_get_builtin_timezone(name)) return builtin;
    }
  }
  return detail::copenhagen();
}

struct Span {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  bool ok = false;
};

// DTSTART..DTEND (or DURATION) of an event in UTC ms; all-day events span whole local days.
Span event_span(icalcomponent* calendar, icalcomponent* vevent) {
  Span span;
  icalproperty* dtstart = icalcomponent_get_first_property(vevent, ICAL_DTSTART_PROPERTY);
  if (!dtstart) return span;
  const icaltimetype start = icalproperty_get_dtstart(dtstart);
  if (icaltime_is_null_time(start) || !icaltime_is_valid_time(start)) return span;
  icaltimezone* zone = start.is_date ? detail::copenhagen() : zone_of(calendar, dtstart, start);
  span.start_ms = detail::to_utc_ms(start, zone);
  if (icalproperty* dtend = icalcomponent_get_first_property(vevent, ICAL_DTEND_PROPERTY)) {
    const icaltimetype end = icalproperty_get_dtend(dtend);
    if (icaltime_is_null_time(end) || !icaltime_is_valid_time(end)) return span;
    span.end_ms = detail::to_utc_ms(end, end.is_date ? detail::copenhagen() : zone_of(calendar, dtend, end));
  } else if (icalproperty* duration = icalcomponent_get_first_property(vevent, ICAL_DURATION_PROPERTY)) {
    span.end_ms = span.start_ms + 1000LL * icaldurationtype_as_int(icalproperty_get_duration(duration));
  } else {
    span.end_ms = start.is_date ? span.start_ms + k_day_ms : span.start_ms;  // RFC 5545 3.6.1
  }
  span.ok = span.end_ms >= span.start_ms;
  return span;
}

bool is_free(icalcomponent* vevent) {
  if (icalproperty* transp = icalcomponent_get_first_property(vevent, ICAL_TRANSP_PROPERTY)) {
    const icalproperty_transp value = icalproperty_get_transp(transp);
    if (value == ICAL_TRANSP_TRANSPARENT || value == ICAL_TRANSP_TRANSPARENTNOCONFLICT) return true;
  }
  if (icalcomponent_get_status(vevent) == ICAL_STATUS_CANCELLED) return true;
  // Outlook writes "show as free" here as well as (not always) in TRANSP.
  for (icalproperty* p = icalcomponent_get_first_property(vevent, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(vevent, ICAL_X_PROPERTY)) {
    const char* name = icalproperty_get_x_name(p);
    const char* value = icalproperty_get_x(p);
    if (name && value && std::strcmp(name, "X-MICROSOFT-CDO-BUSYSTATUS") == 0 && std::strcmp(value, "FREE") == 0)
      return true;
  }
  return false;
}

void add_clipped(std::vector<Busy>& out, std::int64_t start, std::int64_t end, std::int64_t from, std::int64_t to) {
  start = std::max(start, from);
  end = std::min(end, to);
  if (end > start) out.push_back({start, end});
}

// (UID, instant) of every occurrence that a RECURRENCE-ID component replaces.
using Overrides = std::set<std::pair<std::string, std::int64_t>>;

std::string uid_of(icalcomponent* vevent) {
  const char* uid = icalcomponent_get_uid(vevent);
  return uid ? uid : "";
}

void expand_recurring(icalcomponent* calendar, icalcomponent* vevent, const Span& first, const Overrides& overrides,
                      std::int64_t from, std::int64_t to, std::vector<Busy>& out) {
  icalproperty* dtstart = icalcomponent_get_first_property(vevent, ICAL_DTSTART_PROPERTY);
  const icaltimetype start = icalproperty_get_dtstart(dtstart);
  icaltimezone* zone = start.is_date ? detail::copenhagen() : zone_of(calendar, dtstart, start);
  const std::int64_t length = first.end_ms - first.start_ms;
  const std::string uid = uid_of(vevent);

  std::set<std::int64_t> excluded;
  for (icalproperty* p = icalcomponent_get_first_property(vevent, ICAL_EXDATE_PROPERTY); p;
       p = icalcomponent_get_next_property(vevent, ICAL_EXDATE_PROPERTY)) {
    const icaltimetype ex = icalproperty_get_exdate(p);
    excluded.insert(detail::to_utc_ms(ex, ex.is_date ? detail::copenhagen() : zone_of(calendar, p, ex)));
  }
  auto occurrence = [&](std::int64_t at) {
    if (excluded.count(at) || overrides.count({uid, at})) return;
    add_clipped(out, at, at + length, from, to);
  };

  icaltimetype floating = start;
  floating.zone = nullptr;
  for (icalproperty* p = icalcomponent_get_first_property(vevent, ICAL_RRULE_PROPERTY); p;
       p = icalcomponent_get_next_property(vevent, ICAL_RRULE_PROPERTY)) {
    icalrecur_iterator* it = icalrecur_iterator_new(icalproperty_get_rrule(p), floating);
    if (!it) continue;
    for (int n = 0; n < k_max_occurrences; ++n) {
      const icaltimetype next = icalrecur_iterator_next(it);
      if (icaltime_is_null_time(next)) break;
      const std::int64_t at = detail::to_utc_ms(next, zone);
      if (at >= to) break;
      if (at + length > from) occurrence(at);
    }
    icalrecur_iterator_free(it);
  }
  for (icalproperty* p = icalcomponent_get_first_property(vevent, ICAL_RDATE_PROPERTY); p;
       p = icalcomponent_get_next_property(vevent, ICAL_RDATE_PROPERTY)) {
    const icaldatetimeperiodtype rdate = icalproperty_get_rdate(p);
    if (icaltime_is_null_time(rdate.time)) continue;  // RDATE periods are rare; not read
    occurrence(detail::to_utc_ms(rdate.time, rdate.time.is_date ? detail::copenhagen()
                                                                  : zone_of(calendar, p, rdate.time)));
  }
}

bool is_recurring(icalcomponent* vevent) {
  return icalcomponent_get_first_property(vevent, ICAL_RRULE_PROPERTY) ||
         icalcomponent_get_first_property(vevent, ICAL_RDATE_PROPERTY);
}

void read_freebusy(icalcomponent* calendar, icalcomponent* vfreebusy, std::int64_t from, std::int64_t to,
                   std::vector<Busy>& out) {
  for (icalproperty* p = icalcomponent_get_first_property(vfreebusy, ICAL_FREEBUSY_PROPERTY); p;
       p = icalcomponent_get_next_property(vfreebusy, ICAL_FREEBUSY_PROPERTY)) {
    if (icalparameter* type = icalproperty_get_first_parameter(p, ICAL_FBTYPE_PARAMETER)) {
      if (icalparameter_get_fbtype(type) == ICAL_FBTYPE_FREE) continue;  // BUSY* (and X-) count
    }
    const icalperiodtype period = icalproperty_get_freebusy(p);
    if (icaltime_is_null_time(period.start)) throw ParseError("FREEBUSY period without a start");
    // Periods are UTC by RFC 5545; some publishers write local times with a TZID parameter
    // (read in that zone) or none at all (floating: read as Copenhagen time).
    const std::int64_t start = detail::to_utc_ms(period.start, zone_of(calendar, p, period.start));
    std::int64_t end = start;
    if (!icaltime_is_null_time(period.end))
      end = detail::to_utc_ms(period.end, zone_of(calendar, p, period.end));
    else
      end = start + 1000LL * icaldurationtype_as_int(period.duration);
    add_clipped(out, start, end, from, to);
  }
}

}  // namespace

std::vector<Busy> busy_times(std::string_view ics, std::int64_t from_ms, std::int64_t to_ms) {
  Component root = parse_calendar(ics);
  icalcomponent* calendar = root.get();
  std::vector<Busy> busy;

  Overrides overrides;
  for (icalcomponent* c = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); c;
       c = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    icalproperty* rid = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY);
    if (!rid) continue;
    const icaltimetype t = icalproperty_get_recurrenceid(rid);
    overrides.insert({uid_of(c), detail::to_utc_ms(t, t.is_date ? detail::copenhagen() : zone_of(calendar, rid, t))});
  }

  for (icalcomponent* c = icalcomponent_get_first_component(calendar, ICAL_ANY_COMPONENT); c;
       c = icalcomponent_get_next_component(calendar, ICAL_ANY_COMPONENT)) {
    const icalcomponent_kind kind = icalcomponent_isa(c);
    if (kind == ICAL_VFREEBUSY_COMPONENT) {
      read_freebusy(calendar, c, from_ms, to_ms, busy);
    } else if (kind == ICAL_VEVENT_COMPONENT) {
      const Span span = event_span(calendar, c);
      if (!span.ok) throw ParseError("VEVENT without a valid DTSTART/DTEND");
      if (is_free(c)) continue;
      if (is_recurring(c) && !icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY))
        expand_recurring(calendar, c, span, overrides, from_ms, to_ms, busy);
      else
        add_clipped(busy, span.start_ms, span.end_ms, from_ms, to_ms);
    }
  }
  std::sort(busy.begin(), busy.end(),
            [](const Busy& a, const Busy& b) { return a.start_ms != b.start_ms ? a.start_ms < b.start_ms : a.end_ms < b.end_ms; });
  return busy;
}

Parsed parse_invitation(std::string_view ics) {
  Component root = parse_calendar(ics);
  icalcomponent* calendar = root.get();
  if (has_parse_errors(calendar)) throw ParseError("malformed VCALENDAR");
  icalcomponent* vevent = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
  if (!vevent) throw ParseError("no VEVENT");
  if (has_parse_errors(vevent)) throw ParseError("malformed VEVENT");

  Parsed parsed;
  if (icalproperty* method = icalcomponent_get_first_property(calendar, ICAL_METHOD_PROPERTY))
    parsed.method = icalproperty_method_to_string(icalproperty_get_method(method));
  const char* uid = icalcomponent_get_uid(vevent);
  if (!uid || !*uid) throw ParseError("VEVENT without UID");
  parsed.uid = uid;
  if (icalproperty* sequence = icalcomponent_get_first_property(vevent, ICAL_SEQUENCE_PROPERTY))
    parsed.sequence = icalproperty_get_sequence(sequence);
  if (const char* summary = icalcomponent_get_summary(vevent)) parsed.summary = summary;
  icalproperty* dtstart = icalcomponent_get_first_property(vevent, ICAL_DTSTART_PROPERTY);
  if (!dtstart) throw ParseError("VEVENT without DTSTART");
  if (icalparameter* tzid = icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER))
    if (const char* name = icalparameter_get_tzid(tzid)) parsed.tzid = name;
  const Span span = event_span(calendar, vevent);
  if (!span.ok) throw ParseError("VEVENT without a valid DTSTART/DTEND");
  parsed.start_ms = span.start_ms;
  parsed.end_ms = span.end_ms;
  if (icalcomponent_get_first_property(vevent, ICAL_STATUS_PROPERTY))
    if (const char* status = icalproperty_status_to_string(icalcomponent_get_status(vevent))) parsed.status = status;
  parsed.has_vtimezone = icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT) != nullptr;
  for (icalproperty* p = icalcomponent_get_first_property(vevent, ICAL_ATTENDEE_PROPERTY); p;
       p = icalcomponent_get_next_property(vevent, ICAL_ATTENDEE_PROPERTY)) {
    std::string address = icalproperty_get_attendee(p) ? icalproperty_get_attendee(p) : "";
    if (address.size() > 7 && (address.compare(0, 7, "mailto:") == 0 || address.compare(0, 7, "MAILTO:") == 0))
      address.erase(0, 7);
    parsed.attendee_emails.push_back(address);
  }
  return parsed;
}

}  // namespace samspil::calendar
