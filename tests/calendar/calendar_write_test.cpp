// Invitations and feeds as libical writes them, read back with libical through the layer.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "calendar/ical.hpp"

namespace cal = samspil::calendar;

namespace {

// 2027-03-29 07:00 UTC = 09:00 CEST (the day after the change to summer time, 2027-03-28).
constexpr std::int64_t k_after_spring = 1806303600000LL;
constexpr std::int64_t k_hour = 3600 * 1000LL;

cal::Event meeting(std::int64_t start) {
  cal::Event e;
  e.uid = "m-123@samspil.example";
  e.sequence = 2;
  e.start_ms = start;
  e.end_ms = start + k_hour;
  e.stamp_ms = 1800000000000LL;
  e.summary = "Møde";
  e.description = "Se mødet i Samspil: https://samspil.example/moeder/m-123";
  e.url = "https://samspil.example/moeder/m-123";
  e.location = "Rådhuset, lokale 2; 1. sal";
  e.organizer_email = "leder@kommune.example";
  e.organizer_name = "Åse Ørnebæk";
  e.attendees = {{"ppr@kommune.example", "Pia Psykolog", "NEEDS-ACTION"},
                 {"laerer@skole.example", "", "ACCEPTED"}};
  return e;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Unfolds RFC 5545 lines (CRLF followed by a space or tab continues the line).
std::string unfold(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0 || text.compare(i, 3, "\r\n\t") == 0) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

TEST(CalendarWrite, RequestRoundTrip) {
  const std::string ics = cal::invitation(meeting(k_after_spring), cal::Method::request);
  const cal::Parsed p = cal::parse_invitation(ics);
  EXPECT_EQ(p.method, "REQUEST");
  EXPECT_EQ(p.uid, "m-123@samspil.example");
  EXPECT_EQ(p.sequence, 2);
  EXPECT_EQ(p.summary, "Møde");
  EXPECT_EQ(p.tzid, "Europe/Copenhagen");
  EXPECT_EQ(p.start_ms, k_after_spring);
  EXPECT_EQ(p.end_ms, k_after_spring + k_hour);
  EXPECT_EQ(p.status, "CONFIRMED");
  EXPECT_TRUE(p.has_vtimezone);
  ASSERT_EQ(p.attendee_emails.size(), 2u);
  EXPECT_EQ(p.attendee_emails[0], "ppr@kommune.example");
  EXPECT_EQ(p.attendee_emails[1], "laerer@skole.example");
}

TEST(CalendarWrite, RequestTextFollowsRfc5545) {
  const std::string ics = cal::invitation(meeting(k_after_spring), cal::Method::request);
  // Every line ends in CRLF and none is longer than 75 octets.
  std::size_t begin = 0;
  while (begin < ics.size()) {
    const std::size_t end = ics.find("\r\n", begin);
    ASSERT_NE(end, std::string::npos) << "line without CRLF at " << begin;
    EXPECT_LE(end - begin, 75u) << ics.substr(begin, end - begin);
    begin = end + 2;
  }
  EXPECT_EQ(ics.find('\n'), ics.find("\r\n") + 1);
  const std::string text = unfold(ics);
  EXPECT_TRUE(contains(text, "METHOD:REQUEST\r\n"));
  EXPECT_TRUE(contains(text, "VERSION:2.0\r\n"));
  EXPECT_TRUE(contains(text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"));
  EXPECT_FALSE(contains(text, "freeassociation"));
  EXPECT_TRUE(contains(text, "DTSTART;TZID=Europe/Copenhagen:20270329T090000\r\n"));
  EXPECT_TRUE(contains(text, "DTEND;TZID=Europe/Copenhagen:20270329T100000\r\n"));
  EXPECT_TRUE(contains(text, "DTSTAMP:20270115T080000Z\r\n"));
  EXPECT_TRUE(contains(text, "SEQUENCE:2\r\n"));
  EXPECT_TRUE(contains(text, "ORGANIZER;CN=Åse Ørnebæk:mailto:leder@kommune.example\r\n"));
  EXPECT_TRUE(contains(text, "mailto:ppr@kommune.example"));
  EXPECT_TRUE(contains(text, "PARTSTAT=NEEDS-ACTION"));
  EXPECT_TRUE(contains(text, "PARTSTAT=ACCEPTED"));
  EXPECT_TRUE(contains(text, "RSVP=TRUE"));
  // TEXT values escape commas and semicolons (RFC 5545 3.3.11).
  EXPECT_TRUE(contains(text, "LOCATION:Rådhuset\\, lokale 2\\; 1. sal\r\n"));
  EXPECT_TRUE(contains(text, "SUMMARY:Møde\r\n"));
  // The VTIMEZONE is truncated to 1970 onwards: a handful of sub-components, not 16.
  std::size_t standard = 0;
  for (std::size_t at = text.find("BEGIN:STANDARD"); at != std::string::npos; at = text.find("BEGIN:STANDARD", at + 1))
    ++standard;
  EXPECT_GE(standard, 1u);
  EXPECT_LE(standard, 5u);
}

TEST(CalendarWrite, DaylightSavingEdges) {
  // 09:00 local the day after the spring change (CEST, UTC+2).
  {
    const std::string ics = unfold(cal::invitation(meeting(k_after_spring), cal::Method::request));
    EXPECT_TRUE(contains(ics, "DTSTART;TZID=Europe/Copenhagen:20270329T090000"));
    EXPECT_EQ(cal::parse_invitation(ics).start_ms, k_after_spring);
  }
  // 2027-10-25 09:00 local: still CEST (the change back is 2027-10-31), 07:00 UTC.
  {
    const std::int64_t oct25 = 1824447600000LL;  // 2027-10-25T07:00:00Z
    const std::string ics = unfold(cal::invitation(meeting(oct25), cal::Method::request));
    EXPECT_TRUE(contains(ics, "DTSTART;TZID=Europe/Copenhagen:20271025T090000"));
    EXPECT_EQ(cal::parse_invitation(ics).start_ms, oct25);
  }
  // 2027-11-01 09:00 local: CET (UTC+1), 08:00 UTC — a week later the offset differs.
  {
    const std::int64_t nov1 = 1825056000000LL;  // 2027-11-01T08:00:00Z
    const std::string ics = unfold(cal::invitation(meeting(nov1), cal::Method::request));
    EXPECT_TRUE(contains(ics, "DTSTART;TZID=Europe/Copenhagen:20271101T090000"));
    EXPECT_EQ(cal::parse_invitation(ics).start_ms, nov1);
  }
  // A meeting across the autumn change (2027-10-31 01:30-03:30 local, 3 real hours).
  {
    const std::int64_t start = 1824939000000LL;  // 2027-10-30T23:30:00Z = 01:30 CEST
    cal::Event e = meeting(start);
    e.end_ms = start + 3 * k_hour;                // 02:30Z = 03:30 CET
    const std::string ics = unfold(cal::invitation(e, cal::Method::request));
    EXPECT_TRUE(contains(ics, "DTSTART;TZID=Europe/Copenhagen:20271031T013000"));
    EXPECT_TRUE(contains(ics, "DTEND;TZID=Europe/Copenhagen:20271031T033000"));
    const cal::Parsed p = cal::parse_invitation(ics);
    EXPECT_EQ(p.end_ms - p.start_ms, 3 * k_hour);
  }
}

TEST(CalendarWrite, CancelKeepsUidAndSequenceAsGiven) {
  cal::Event e = meeting(k_after_spring);
  e.sequence = 3;
  const std::string ics = cal::invitation(e, cal::Method::cancel);
  const cal::Parsed p = cal::parse_invitation(ics);
  EXPECT_EQ(p.method, "CANCEL");
  EXPECT_EQ(p.uid, "m-123@samspil.example");
  EXPECT_EQ(p.sequence, 3);  // the layer does not raise it: the service owns the counter
  EXPECT_EQ(p.status, "CANCELLED");
  EXPECT_EQ(p.start_ms, k_after_spring);
  EXPECT_TRUE(contains(unfold(ics), "RSVP=FALSE"));
  EXPECT_FALSE(contains(unfold(ics), "RSVP=TRUE"));
}

TEST(CalendarWrite, LongDanishTextIsFoldedWithoutBreakingCharacters) {
  cal::Event e = meeting(k_after_spring);
  e.description = "Mødet om samarbejdet, forældrenes ønsker; æøå ÆØÅ. Se mødet i Samspil: "
                  "https://samspil.example/moeder/m-123 – husk: ingen personoplysninger her.\nNy linje.";
  const std::string ics = cal::invitation(e, cal::Method::request);
  // Folding never splits a UTF-8 sequence: each physical line is valid UTF-8 on its own.
  std::size_t begin = 0;
  while (begin < ics.size()) {
    const std::size_t end = ics.find("\r\n", begin);
    std::string line = ics.substr(begin, end - begin);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) line.erase(0, 1);
    if (!line.empty()) {
      const auto first = static_cast<unsigned char>(line.front());
      EXPECT_FALSE((first & 0xC0) == 0x80) << "continuation byte starts a line: " << line;
    }
    begin = end + 2;
  }
  EXPECT_TRUE(contains(unfold(ics), "DESCRIPTION:Mødet om samarbejdet\\, forældrenes ønsker\\; æøå ÆØÅ."));
  EXPECT_TRUE(contains(unfold(ics), "personoplysninger her.\\nNy linje."));
}

TEST(CalendarWrite, FeedPublishesEveryEventWithoutAttendees) {
  cal::Event a = meeting(k_after_spring);
  cal::Event b = meeting(k_after_spring + 24 * k_hour);
  b.uid = "m-456@samspil.example";
  b.cancelled = true;
  const std::string ics = unfold(cal::feed({a, b}, "Samspil – Åse, møder"));
  EXPECT_TRUE(contains(ics, "METHOD:PUBLISH\r\n"));
  EXPECT_TRUE(contains(ics, "X-WR-CALNAME:Samspil – Åse"));
  EXPECT_TRUE(contains(ics, "X-WR-TIMEZONE:Europe/Copenhagen\r\n"));
  EXPECT_TRUE(contains(ics, "UID:m-123@samspil.example\r\n"));
  EXPECT_TRUE(contains(ics, "UID:m-456@samspil.example\r\n"));
  EXPECT_FALSE(contains(ics, "ATTENDEE"));
  EXPECT_TRUE(contains(ics, "STATUS:CANCELLED\r\n"));
  EXPECT_EQ(cal::parse_invitation(ics).method, "PUBLISH");
  // The feed's busy times: the cancelled meeting does not count.
  const auto busy = cal::busy_times(ics, 0, k_after_spring + 100 * k_hour);
  ASSERT_EQ(busy.size(), 1u);
  EXPECT_EQ(busy[0].start_ms, k_after_spring);
}

TEST(CalendarWrite, EmptyFeedIsValid) {
  const std::string ics = cal::feed({}, "Tom");
  EXPECT_TRUE(contains(ics, "BEGIN:VCALENDAR"));
  EXPECT_TRUE(cal::busy_times(ics, 0, 1LL << 50).empty());
}

TEST(CalendarWrite, ConcurrentUseGivesTheSameText) {
  const std::string expected = cal::invitation(meeting(k_after_spring), cal::Method::request);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] {
      for (int n = 0; n < 20; ++n) {
        results[i] = cal::invitation(meeting(k_after_spring), cal::Method::request);
        if (cal::busy_times(results[i], 0, k_after_spring + 10 * k_hour).size() != 1) results[i] = "wrong busy times";
      }
    });
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}
