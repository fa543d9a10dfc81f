#pragma once
// Small value types shared by the model, the calendar, deadlines and slot finding.
// Instants are UTC (std::chrono::sys_seconds); dates and clock times are local to
// Europe/Copenhagen. No I/O and no clock reads in domain/: "now" is always passed in.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace samspil::domain {

using Instant = std::chrono::sys_seconds;   // UTC
using Date = std::chrono::year_month_day;   // a local calendar date

// A day of the week with a clock-time range, in local time. weekday: 1 = Monday … 7 = Sunday.
struct TimeWindow {
  int weekday = 1;
  int from_minute = 0;  // minutes after local midnight
  int to_minute = 0;    // exclusive; from_minute < to_minute
};

enum class DayUnit { calendar_days, working_days };

// An obligation the model sets (X3): "owner must do id, offset units from anchor".
// A negative offset means before the anchor (e.g. send the agenda 7 days before the start).
struct DeadlineRule {
  std::string id;          // send_brief, send_agenda, send_minutes, send_agreement, accept_invitation, submit_forum_item …
  std::string owner_role;  // chair, convener, agenda_owner, minute_taker, participant …
  std::string anchor;      // meeting_start, meeting_end, invitation_sent, item_submitted, case_closed …
  int offset = 0;
  DayUnit unit = DayUnit::calendar_days;
  std::string rule;        // the rule id it implements, e.g. "S7"
  // The meeting fact that discharges it (kFulfilments: invitation_sent, agenda_sent,
  // agreement_sent, response); "" = nothing Samspil records does, so it stays open until due.
  std::string fulfilled_by = {};
};

// Days a municipality keeps closed beyond the public holidays (e.g. Grundlovsdag, 24 and
// 31 December): yearly month/day pairs and one-off dates.
struct ClosingDays {
  std::vector<std::chrono::month_day> yearly;
  std::vector<Date> dates;
};

}  // namespace samspil::domain
