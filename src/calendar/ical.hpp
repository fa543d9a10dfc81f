#pragma once
// iCalendar (RFC 5545/5546) with libical: meeting invitations (METHOD:REQUEST / CANCEL)
// with a VTIMEZONE for Europe/Copenhagen, a user's personal feed (METHOD:PUBLISH), and
// reading busy times from an imported calendar (VFREEBUSY or VEVENTs). The calendar text
// never holds a child's name or CPR number: the service passes "Møde" and a link.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samspil::calendar {

struct Attendee {
  std::string email;
  std::string name;                       // may be empty
  std::string partstat = "NEEDS-ACTION";  // ACCEPTED, DECLINED, NEEDS-ACTION
};

struct Event {
  std::string uid;            // stable for the meeting's life
  int sequence = 0;           // raised on every change sent (RFC 5546)
  std::int64_t start_ms = 0;  // UTC; written as local Europe/Copenhagen time with TZID
  std::int64_t end_ms = 0;
  std::int64_t stamp_ms = 0;  // DTSTAMP
  std::string summary = "Møde";
  std::string description;    // e.g. "Se mødet i Samspil: <url>"
  std::string url;
  std::string location;
  std::string organizer_email;
  std::string organizer_name;
  std::vector<Attendee> attendees;
  bool cancelled = false;     // STATUS:CANCELLED
};

enum class Method { request, cancel, publish };

// A VCALENDAR with one VEVENT, METHOD as given, and the Europe/Copenhagen VTIMEZONE.
// Throws std::invalid_argument for an empty uid or end_ms < start_ms.
std::string invitation(const Event& event, Method method);

// A VCALENDAR (METHOD:PUBLISH, X-WR-CALNAME) with every event, for a subscribed feed.
std::string feed(const std::vector<Event>& events, std::string_view calendar_name);

struct Busy {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
};

// The text is not iCalendar, or a component is malformed.
struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Busy intervals from an imported calendar: FREEBUSY periods (FBTYPE BUSY*) and VEVENTs
// that are not TRANSP:TRANSPARENT or STATUS:CANCELLED, within [from_ms, to_ms).
std::vector<Busy> busy_times(std::string_view ics, std::int64_t from_ms, std::int64_t to_ms);

// What a received invitation says, for tests and for checking what was sent.
struct Parsed {
  std::string method;         // REQUEST, CANCEL, PUBLISH
  std::string uid;
  int sequence = 0;
  std::string summary;
  std::string tzid;           // of DTSTART
  std::int64_t start_ms = 0;  // resolved to UTC
  std::int64_t end_ms = 0;
  std::string status;         // e.g. CANCELLED; "" when absent
  bool has_vtimezone = false;
  std::vector<std::string> attendee_emails;
};

// Parses a VCALENDAR with one VEVENT; throws ParseError.
Parsed parse_invitation(std::string_view ics);

}  // namespace samspil::calendar
