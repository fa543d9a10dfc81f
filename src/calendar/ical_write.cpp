// Writing iCalendar: invitations (RFC 5546 REQUEST/CANCEL) and subscribed feeds (PUBLISH).
#include <stdexcept>

#include "calendar/ical.hpp"
#include "calendar/zone.hpp"

namespace samspil::calendar {

namespace {

using detail::Component;

constexpr const char* k_prodid = "-//Samspil//Samspil//DA";

icalproperty_method to_ical(Method method) {
  switch (method) {
    case Method::request: return ICAL_METHOD_REQUEST;
    case Method::cancel: return ICAL_METHOD_CANCEL;
    case Method::publish: return ICAL_METHOD_PUBLISH;
  }
  return ICAL_METHOD_PUBLISH;
}

icalparameter_partstat partstat(const std::string& text) {
  if (text == "ACCEPTED") return ICAL_PARTSTAT_ACCEPTED;
  if (text == "DECLINED") return ICAL_PARTSTAT_DECLINED;
  if (text == "TENTATIVE") return ICAL_PARTSTAT_TENTATIVE;
  return ICAL_PARTSTAT_NEEDSACTION;
}

std::string mailto(const std::string& email) { return "mailto:" + email; }

// DTSTART/DTEND as local Copenhagen time with TZID=Europe/Copenhagen (not UTC), so calendar
// programs show the meeting at the same wall-clock time on both sides of a DST change.
icalproperty* local_datetime(icalproperty* property) {
  icalproperty_add_parameter(property, icalparameter_new_tzid(detail::k_tzid));
  return property;
}

Component new_calendar(Method method) {
  Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid(k_prodid));
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_method(to_ical(method)));
  return calendar;
}

icalcomponent* new_event(const Event& event, Method method) {
  if (event.uid.empty()) throw std::invalid_argument("calendar: an event needs a UID");
  if (event.end_ms < event.start_ms) throw std::invalid_argument("calendar: the event ends before it starts");
  icalcomponent* vevent = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(vevent, icalproperty_new_uid(event.uid.c_str()));
  icalcomponent_add_property(vevent, icalproperty_new_sequence(event.sequence));
  icalcomponent_add_property(vevent, icalproperty_new_dtstamp(detail::utc_time(event.stamp_ms)));
  icalcomponent_add_property(
      vevent, local_datetime(icalproperty_new_dtstart(detail::local_time(event.start_ms))));
  icalcomponent_add_property(
      vevent, local_datetime(icalproperty_new_dtend(detail::local_time(event.end_ms))));
  icalcomponent_add_property(vevent, icalproperty_new_summary(event.summary.c_str()));
  if (!event.description.empty())
    icalcomponent_add_property(vevent, icalproperty_new_description(event.description.c_str()));
  if (!event.location.empty())
    icalcomponent_add_property(vevent, icalproperty_new_location(event.location.c_str()));
  if (!event.url.empty()) icalcomponent_add_property(vevent, icalproperty_new_url(event.url.c_str()));
  const bool cancelled = event.cancelled || method == Method::cancel;
  icalcomponent_add_property(vevent, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED
                                                                       : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(vevent, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
  if (!event.organizer_email.empty()) {
    icalproperty* organizer = icalproperty_new_organizer(mailto(event.organizer_email).c_str());
    if (!event.organizer_name.empty())
      icalproperty_add_parameter(organizer, icalparameter_new_cn(event.organizer_name.c_str()));
    icalcomponent_add_property(vevent, organizer);
  }
  // A published feed is a read-only copy of one person's calendar: it lists no attendees,
  // so a subscribed calendar program does not treat the entries as invitations to answer.
  if (method != Method::publish) {
    for (const Attendee& a : event.attendees) {
      if (a.email.empty()) continue;
      icalproperty* attendee = icalproperty_new_attendee(mailto(a.email).c_str());
      if (!a.name.empty()) icalproperty_add_parameter(attendee, icalparameter_new_cn(a.name.c_str()));
      icalproperty_add_parameter(attendee, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
      icalproperty_add_parameter(attendee, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
      icalproperty_add_parameter(attendee, icalparameter_new_partstat(partstat(a.partstat)));
      icalproperty_add_parameter(attendee, icalparameter_new_rsvp(method == Method::request ? ICAL_RSVP_TRUE
                                                                                            : ICAL_RSVP_FALSE));
      icalcomponent_add_property(vevent, attendee);
    }
  }
  return vevent;
}

}  // namespace

std::string invitation(const Event& event, Method method) {
  Component calendar = new_calendar(method);
  icalcomponent_add_component(calendar.get(), detail::copenhagen_vtimezone());
  icalcomponent_add_component(calendar.get(), new_event(event, method));
  return detail::to_text(calendar.get());
}

std::string feed(const std::vector<Event>& events, std::string_view calendar_name) {
  Component calendar = new_calendar(Method::publish);
  const std::string name(calendar_name);
  icalproperty* calname = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calname, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), calname);
  icalproperty* tz = icalproperty_new_x(detail::k_tzid);
  icalproperty_set_x_name(tz, "X-WR-TIMEZONE");
  icalcomponent_add_property(calendar.get(), tz);
  icalcomponent_add_component(calendar.get(), detail::copenhagen_vtimezone());
  for (const Event& event : events) icalcomponent_add_component(calendar.get(), new_event(event, Method::publish));
  return detail::to_text(calendar.get());
}

}  // namespace samspil::calendar
