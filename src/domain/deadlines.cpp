#include "domain/deadlines.hpp"

#include "domain/calendar.hpp"

namespace samspil::domain {

Instant due_time(Instant anchor, int offset, DayUnit unit, const ClosingDays& closing) {
  const LocalTime local = to_local(anchor);
  const Date date = local_date(local);
  const Date shifted = unit == DayUnit::working_days ? add_working_days(date, offset, closing)
                                                     : add_calendar_days(date, offset);
  return to_utc(LocalTime{std::chrono::local_days{shifted}} + time_of_day(local));
}

std::vector<Obligation> compute_deadlines(const MeetingType& type, const ClosingDays& closing,
                                          const Facts& input) {
  Facts facts = input;
  if (auto start = facts.find(k_anchor_meeting_start);
      start != facts.end() && !facts.contains(k_anchor_meeting_end)) {
    facts.emplace(std::string{k_anchor_meeting_end},
                  start->second + std::chrono::minutes{type.default_duration_minutes});
  }
  std::vector<Obligation> result;
  result.reserve(type.deadlines.size());
  for (const DeadlineRule& rule : type.deadlines) {
    Obligation o{rule.id, rule.owner_role, rule.anchor, rule.rule, rule.offset, rule.unit, {}, {}, rule.fulfilled_by};
    if (auto anchor = facts.find(rule.anchor); anchor != facts.end()) {
      o.due = due_time(anchor->second, rule.offset, rule.unit, closing);
      o.due_day = day_status(local_date(*o.due), closing);
    }
    result.push_back(std::move(o));
  }
  return result;
}

std::vector<Obligation> compute_deadlines(const Model& model, const MeetingType& type,
                                          const Facts& facts) {
  return compute_deadlines(type, model.closing_days, facts);
}

std::string_view to_string(DayUnit unit) {
  return unit == DayUnit::working_days ? "working_days" : "calendar_days";
}

}  // namespace samspil::domain
