#pragma once
// Deadlines (X3): the obligations a model's meeting type sets, computed from the facts of
// one meeting. Pure: the facts are passed in, nothing reads a clock.
//
// Semantics (what the municipal staff who maintain the models read in the YAML):
//  - An obligation is due `offset` units after its anchor (negative: before).
//  - Arithmetic happens on the local Copenhagen date; the due time keeps the anchor's
//    local clock time on the shifted date, then converts to UTC. So a daylight-saving
//    change never moves a deadline: agenda >= 7 days before a meeting at 09:00 on
//    2027-04-08 (CEST) is due 2027-04-01T09:00+02:00, and one before a meeting on
//    2027-03-30 09:00 is due 2027-03-23T09:00+01:00. A clock time the shifted date lacks
//    (02:xx on the spring-forward Sunday) moves forward by an hour (see calendar.hpp).
//  - calendar_days: plain date arithmetic. When the result is a weekend, a public holiday
//    or a closing day, the deadline is KEPT and flagged (closed_day), since neither moving
//    it earlier nor later is what every rule means; the UI shows the flag.
//  - working_days: counts working days (weekends, public holidays and the model's closing
//    days do not count), starting the day after the anchor (before it, for a negative
//    offset). The result is always a working day (unless the offset is 0).
//  - A fact that is missing makes the obligations anchored to it not computable: they are
//    REPORTED (due = nullopt), not omitted, so the list always shows every obligation of
//    the type; the CLI prints "due": null with the missing anchor.
//  - meeting_end, when not given, is meeting_start + the type's default duration.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"
#include "domain/types.hpp"
#include "domain/working_days.hpp"

namespace samspil::domain {

// Anchor names used by the presets (DeadlineRule::anchor).
inline constexpr std::string_view k_anchor_meeting_start = "meeting_start";
inline constexpr std::string_view k_anchor_meeting_end = "meeting_end";
inline constexpr std::string_view k_anchor_invitation_sent = "invitation_sent";
inline constexpr std::string_view k_anchor_item_submitted = "item_submitted";
inline constexpr std::string_view k_anchor_case_closed = "case_closed";

// The known facts of one meeting/case, by anchor name (meeting_start, invitation_sent ...).
using Facts = std::map<std::string, Instant, std::less<>>;

// One obligation with its due time, or the anchor it is waiting for.
struct Obligation {
  std::string id;
  std::string owner_role;
  std::string anchor;
  std::string rule;
  int offset = 0;
  DayUnit unit = DayUnit::calendar_days;
  std::optional<Instant> due;  // nullopt: the anchor is not a known fact yet
  DayStatus due_day;           // status of the due date; reason none when open or unknown
  std::string fulfilled_by = {};  // DeadlineRule::fulfilled_by

  bool lands_on_closed_day() const { return due && !due_day.is_working_day(); }
};

// The due instant of "offset units after anchor" (semantics above).
Instant due_time(Instant anchor, int offset, DayUnit unit, const ClosingDays& closing);

// Every obligation of the meeting type, in the type's order, computed from the facts.
std::vector<Obligation> compute_deadlines(const MeetingType& type, const ClosingDays& closing,
                                          const Facts& facts);

// Same, using the model's closing days.
std::vector<Obligation> compute_deadlines(const Model& model, const MeetingType& type,
                                          const Facts& facts);

// "calendar_days" / "working_days", as written in model files and JSON output.
std::string_view to_string(DayUnit unit);

}  // namespace samspil::domain
