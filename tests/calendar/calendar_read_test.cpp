// Busy times from imported calendars (Outlook free/busy, Google-style VEVENT feeds) and
// malformed input.
#include <gtest/gtest.h>

#include <string>

#include "calendar/ical.hpp"

namespace cal = samspil::calendar;

namespace {

constexpr std::int64_t k_hour = 3600 * 1000LL;
// 2027-03-01T00:00:00Z and 2027-04-01T00:00:00Z
constexpr std::int64_t k_march = 1803859200000LL;
constexpr std::int64_t k_april = 1806537600000LL;

std::int64_t utc(int day_of_march, int hour, int minute = 0) {
  return k_march + (day_of_march - 1) * 24 * k_hour + hour * k_hour + minute * 60 * 1000LL;
}

std::string crlf(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// As Outlook publishes free/busy (a VFREEBUSY with comma-separated UTC periods and FBTYPE).
const char* k_outlook_freebusy = R"(BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:PUBLISH
BEGIN:VFREEBUSY
ORGANIZER:MAILTO:pia@kommune.example
DTSTART:20270301T000000Z
DTEND:20270401T000000Z
DTSTAMP:20270225T101500Z
FREEBUSY:20270302T080000Z/20270302T090000Z,20270302T120000Z/20270302T133000Z
FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270303T070000Z/PT2H
FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20270304T060000Z/20270304T160000Z
FREEBUSY;FBTYPE=FREE:20270305T080000Z/20270305T160000Z
END:VFREEBUSY
END:VCALENDAR
)";

// As Google exports a calendar: VTIMEZONE, TZID, UTC, all-day, transparent, cancelled, a
// weekly recurring meeting with an exception and a moved occurrence.
const char* k_google_feed = R"(BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:pia@kommune.example
X-WR-TIMEZONE:Europe/Copenhagen
BEGIN:VTIMEZONE
TZID:Europe/Copenhagen
X-LIC-LOCATION:Europe/Copenhagen
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
DTSTART;TZID=Europe/Copenhagen:20270310T090000
DTEND;TZID=Europe/Copenhagen:20270310T103000
UID:local@google.com
SUMMARY:Netværksmøde\, PPR
END:VEVENT
BEGIN:VEVENT
DTSTART:20270311T130000Z
DTEND:20270311T140000Z
UID:utc@google.com
SUMMARY:Telefonmøde
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20270315
DTEND;VALUE=DATE:20270317
UID:allday@google.com
SUMMARY:Kursus
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/Copenhagen:20270312T090000
DTEND;TZID=Europe/Copenhagen:20270312T100000
UID:free@google.com
TRANSP:TRANSPARENT
SUMMARY:Påmindelse
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/Copenhagen:20270313T090000
DTEND;TZID=Europe/Copenhagen:20270313T100000
UID:cancelled@google.com
STATUS:CANCELLED
SUMMARY:Aflyst
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/Copenhagen:20270322T080000
DTEND;TZID=Europe/Copenhagen:20270322T083000
RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO
EXDATE;TZID=Europe/Copenhagen:20270405T080000
UID:weekly@google.com
SUMMARY:Teammøde
END:VEVENT
BEGIN:VEVENT
RECURRENCE-ID;TZID=Europe/Copenhagen:20270329T080000
DTSTART;TZID=Europe/Copenhagen:20270329T140000
DTEND;TZID=Europe/Copenhagen:20270329T143000
UID:weekly@google.com
SUMMARY:Teammøde (flyttet)
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=W. Europe Standard Time:20270318T100000
DTEND;TZID=W. Europe Standard Time:20270318T110000
UID:windows-zone@outlook.com
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/Copenhagen:20270319T100000
DTEND;TZID=Europe/Copenhagen:20270319T110000
UID:showasfree@outlook.com
X-MICROSOFT-CDO-BUSYSTATUS:FREE
END:VEVENT
END:VCALENDAR
)";

void expect_busy(const cal::Busy& b, std::int64_t start, std::int64_t end) {
  EXPECT_EQ(b.start_ms, start);
  EXPECT_EQ(b.end_ms, end);
}

}  // namespace

TEST(CalendarRead, OutlookFreeBusyPeriods) {
  const auto busy = cal::busy_times(crlf(k_outlook_freebusy), k_march, k_april);
  ASSERT_EQ(busy.size(), 4u);
  expect_busy(busy[0], utc(2, 8), utc(2, 9));
  expect_busy(busy[1], utc(2, 12), utc(2, 13, 30));
  expect_busy(busy[2], utc(3, 7), utc(3, 9));   // BUSY-TENTATIVE, period with a duration
  expect_busy(busy[3], utc(4, 6), utc(4, 16));  // BUSY-UNAVAILABLE; FREE is left out
}

TEST(CalendarRead, FreeBusyIsClippedToTheRange) {
  const auto busy = cal::busy_times(crlf(k_outlook_freebusy), utc(2, 8, 30), utc(3, 8));
  ASSERT_EQ(busy.size(), 3u);
  expect_busy(busy[0], utc(2, 8, 30), utc(2, 9));
  expect_busy(busy[1], utc(2, 12), utc(2, 13, 30));
  expect_busy(busy[2], utc(3, 7), utc(3, 8));
}

TEST(CalendarRead, GoogleStyleEvents) {
  const auto busy = cal::busy_times(k_google_feed, k_march, k_april);
  // local (CET, UTC+1), UTC, all-day over two local days, Windows zone name read as
  // Copenhagen, weekly on 22 March (CET) and 29 March moved to 14:00 (CEST, UTC+2); the
  // transparent, cancelled and show-as-free events are left out.
  ASSERT_EQ(busy.size(), 6u);
  expect_busy(busy[0], utc(10, 8), utc(10, 9, 30));
  expect_busy(busy[1], utc(11, 13), utc(11, 14));
  expect_busy(busy[2], utc(14, 23), utc(16, 23));
  expect_busy(busy[3], utc(18, 9), utc(18, 10));
  expect_busy(busy[4], utc(22, 7), utc(22, 7, 30));
  expect_busy(busy[5], utc(29, 12), utc(29, 12, 30));
}

TEST(CalendarRead, RecurrenceAfterTheRangeAndExceptions) {
  // April: the weekly meeting on 12 April only (5 April is excluded, COUNT=4 ends it).
  const std::int64_t april_end = k_april + 30 * 24 * k_hour;
  const auto busy = cal::busy_times(k_google_feed, k_april, april_end);
  ASSERT_EQ(busy.size(), 1u);
  expect_busy(busy[0], k_april + 11 * 24 * k_hour + 6 * k_hour, k_april + 11 * 24 * k_hour + 6 * k_hour + k_hour / 2);
}

TEST(CalendarRead, UnboundedRuleStopsAtTheRange) {
  const std::string ics = crlf(R"(BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:daily
DTSTART:20000101T080000Z
DTEND:20000101T090000Z
RRULE:FREQ=DAILY
END:VEVENT
END:VCALENDAR
)");
  const auto busy = cal::busy_times(ics, k_march, k_april);
  EXPECT_EQ(busy.size(), 31u);
  expect_busy(busy.front(), utc(1, 8), utc(1, 9));
}

TEST(CalendarRead, GarbageIsAParseError) {
  EXPECT_THROW(cal::busy_times("", 0, k_april), cal::ParseError);
  EXPECT_THROW(cal::busy_times("dette er ikke en kalender", 0, k_april), cal::ParseError);
  EXPECT_THROW(cal::busy_times("<html><body>Log ind</body></html>", 0, k_april), cal::ParseError);
  EXPECT_THROW(cal::busy_times("BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", 0, k_april), cal::ParseError);
  EXPECT_THROW(cal::busy_times(crlf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:nonsense\nEND:VEVENT\nEND:VCALENDAR\n"),
                               0, k_april),
               cal::ParseError);
  EXPECT_THROW(cal::parse_invitation("ikke iCalendar"), cal::ParseError);
  EXPECT_THROW(cal::parse_invitation(crlf("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n")), cal::ParseError);
  EXPECT_THROW(cal::parse_invitation(crlf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270301T080000Z\nEND:VEVENT\nEND:VCALENDAR\n")),
               cal::ParseError);
}

// Some publishers write FREEBUSY periods in local time with a TZID (RFC 5545 wants UTC):
// the TZID's zone (the file's own VTIMEZONE or an Olson name) is used, across the change
// to summer time on 28 March 2027; a floating period is Copenhagen time.
TEST(CalendarRead, FreeBusyPeriodsWithTzidAndFloating) {
  const std::string ics = crlf(R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//Lokal ledig-optaget//DA
BEGIN:VFREEBUSY
DTSTART:20270301T000000Z
DTEND:20270401T000000Z
FREEBUSY;FBTYPE=BUSY;TZID=Europe/Copenhagen:20270302T090000/20270302T100000
FREEBUSY;TZID=Europe/Copenhagen:20270329T100000/PT90M
FREEBUSY;TZID=America/New_York:20270305T090000/20270305T093000
FREEBUSY:20270306T120000/20270306T130000
FREEBUSY;FBTYPE=FREE;TZID=Europe/Copenhagen:20270307T080000/20270307T160000
END:VFREEBUSY
END:VCALENDAR
)");
  const auto busy = cal::busy_times(ics, k_march, k_april);
  ASSERT_EQ(busy.size(), 4u);
  expect_busy(busy[0], utc(2, 8), utc(2, 9));             // CET = UTC+1
  expect_busy(busy[1], utc(5, 14), utc(5, 14, 30));       // New York, EST = UTC-5
  expect_busy(busy[2], utc(6, 11), utc(6, 12));           // floating: Copenhagen time
  expect_busy(busy[3], utc(29, 8), utc(29, 9, 30));       // CEST = UTC+2, with a duration
}

// A calendar with both: a VFREEBUSY block and VEVENTs (UTC and TZID), all counted, sorted.
TEST(CalendarRead, FreeBusyAndEventsTogether) {
  const std::string ics = crlf(R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//Blandet//DA
BEGIN:VEVENT
UID:a
DTSTART;TZID=Europe/Copenhagen:20270310T130000
DTEND;TZID=Europe/Copenhagen:20270310T140000
END:VEVENT
BEGIN:VFREEBUSY
FREEBUSY:20270309T080000Z/20270309T083000Z
END:VFREEBUSY
BEGIN:VEVENT
UID:b
DTSTART:20270308T070000Z
DURATION:PT45M
END:VEVENT
END:VCALENDAR
)");
  const auto busy = cal::busy_times(ics, k_march, k_april);
  ASSERT_EQ(busy.size(), 3u);
  expect_busy(busy[0], utc(8, 7), utc(8, 7, 45));
  expect_busy(busy[1], utc(9, 8), utc(9, 8, 30));
  expect_busy(busy[2], utc(10, 12), utc(10, 13));
}
