#pragma once
// Meeting invitations through the outbox (issue 6 item 3): one "mail.send" job per
// participant with an e-mail address, with a Danish text part and a text/calendar part
// (METHOD:REQUEST or CANCEL, UID = meetings.ical_uid, SEQUENCE = ical_sequence). The
// calendar text says only "Møde" and a link: no child name, no CPR number. Each mail carries
// a fresh single-use response link whose token is stored only as its SHA-256.
#include <cstdint>
#include <string>
#include <vector>

#include "calendar/ical.hpp"
#include "storage/database.hpp"
#include "storage/meeting_store.hpp"

namespace samspil::service::invitations {

enum class Kind { invite, move, cancel, reminder };

// The meeting as a calendar event, as every calendar Samspil writes shows it (invitations and
// the calendar subscription): uid and sequence, times, a neutral title and the meeting's
// link, never the child's name.
calendar::Event calendar_event(const std::string& public_base_url, const storage::MeetingRecord& meeting,
                               std::int64_t now_ms);

// Enqueues the mails for these participants of the meeting (in the caller's transaction).
// Invitations, moves and reminders get a new response token per participant; reminders
// go only to participants who have not answered (the calendar part lists everyone).
void send(storage::Connection& conn, const std::string& public_base_url, const storage::MeetingRecord& meeting,
          const std::vector<storage::MeetingParticipantRow>& participants, Kind kind, std::int64_t now_ms);

// "23.11.2026 kl. 14:05" in Copenhagen time.
std::string danish_when(std::int64_t ms);

// The SHA-256 stored for a response token.
std::string token_hash(const std::string& token);

}  // namespace samspil::service::invitations
