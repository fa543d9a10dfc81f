#include "service/meetings/invitations.hpp"

#include <chrono>
#include <cstdio>

#include "calendar/ical.hpp"
#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "domain/calendar.hpp"
#include "service/base/mail_outbox.hpp"

namespace samspil::service::invitations {

calendar::Event calendar_event(const std::string& base, const storage::MeetingRecord& m, std::int64_t now_ms) {
  calendar::Event e;
  e.uid = m.ical_uid;
  e.sequence = m.ical_sequence;
  e.start_ms = m.starts_at_ms.value_or(0);
  e.end_ms = m.ends_at_ms.value_or(e.start_ms);
  e.stamp_ms = now_ms;
  e.summary = "Møde";
  e.url = base + "/moeder/" + m.id;
  e.description = "Se mødet i Samspil: " + e.url;
  e.location = m.location;
  e.cancelled = m.status == "cancelled";
  return e;
}

namespace {

calendar::Event event_of(const std::string& base, const storage::MeetingRecord& m,
                         const std::vector<storage::MeetingParticipantRow>& everyone, std::int64_t now_ms) {
  calendar::Event e = calendar_event(base, m, now_ms);
  e.organizer_email = "noreply@samspil.invalid";
  e.organizer_name = "Samspil";
  for (const auto& p : everyone) {
    if (p.email.empty()) continue;
    const std::string partstat =
        p.response == "accepted" ? "ACCEPTED" : p.response == "declined" ? "DECLINED" : "NEEDS-ACTION";
    // Attendee names are left out: a parent's name would identify the child.
    e.attendees.push_back(calendar::Attendee{p.email, "", partstat});
  }
  return e;
}

std::string subject_of(Kind kind) {
  switch (kind) {
    case Kind::invite: return "Invitation til møde";
    case Kind::move: return "Mødet er flyttet";
    case Kind::cancel: return "Mødet er aflyst";
    case Kind::reminder: return "Påmindelse: svar på invitation til møde";
  }
  return "Møde";
}

}  // namespace

std::string danish_when(std::int64_t ms) {
  const auto local = domain::to_local(domain::Instant{std::chrono::seconds{ms / 1000}});
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day d{day};
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%02u.%02u.%04d kl. %02d:%02d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()), static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return buffer;
}

std::string token_hash(const std::string& token) { return crypto::sha256_hex(token); }

void send(storage::Connection& conn, const std::string& base, const storage::MeetingRecord& meeting,
          const std::vector<storage::MeetingParticipantRow>& participants, Kind kind, std::int64_t now_ms) {
  const auto event = event_of(base, meeting, participants, now_ms);
  const bool cancel = kind == Kind::cancel;
  const std::string ics = calendar::invitation(event, cancel ? calendar::Method::cancel : calendar::Method::request);
  const std::string content_type =
      std::string("text/calendar; method=") + (cancel ? "CANCEL" : "REQUEST") + "; charset=UTF-8";
  const std::string when = meeting.starts_at_ms ? danish_when(*meeting.starts_at_ms) : "";
  for (const auto& p : participants) {
    if (p.email.empty()) continue;
    // Reminders go only to those who have not answered.
    if (kind == Kind::reminder && p.response != "pending") continue;
    std::string text;
    switch (kind) {
      case Kind::invite: text = "Du er inviteret til et møde " + when + ".\n"; break;
      case Kind::move: text = "Mødet er flyttet til " + when + ".\n"; break;
      case Kind::cancel: text = "Mødet " + when + " er aflyst.\n"; break;
      case Kind::reminder: text = "Du har endnu ikke svaret på invitationen til mødet " + when + ".\n"; break;
    }
    if (!meeting.location.empty() && !cancel) text += "Sted: " + meeting.location + "\n";
    if (!cancel) {
      const std::string token = crypto::random_token();
      storage::set_participant_token(conn, meeting.tenant, p.id, token_hash(token));
      const std::string answer = base + "/moeder/svar/" + token;
      text += "\nSvar på invitationen her: " + answer + "\n";
      if (!p.user_id.empty()) text += "Eller log ind og se mødet: " + base + "/moeder/" + meeting.id + "\n";
    }
    text += "\nVenlig hilsen\nSamspil\n";
    mail_outbox::Mail mail;
    mail.to = {p.email};
    mail.subject = subject_of(kind);
    mail.text = text;
    mail.alternatives.push_back(mail::Part{content_type, ics});
    mail_outbox::enqueue(conn, meeting.tenant, mail, now_ms);
  }
}

}  // namespace samspil::service::invitations
