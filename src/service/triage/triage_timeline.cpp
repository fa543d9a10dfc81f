#include "service/triage/triage_timeline.hpp"

#include <algorithm>

#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/cases/case_access.hpp"

namespace samspil::service {

const std::vector<std::string>& timeline_groups() {
  static const std::vector<std::string> groups{"samtykke", "skema", "moeder", "beslutninger", "dokumenter"};
  return groups;
}

bool timeline_group_filter(const std::string& group, std::vector<std::string>& kinds,
                           std::vector<std::string>& prefixes) {
  // Kinds written by other parts follow the prefix convention (meeting_*, document_*, …), so
  // a new kind lands in its group without a change here.
  if (group == "samtykke") {
    prefixes = {"consent_"};
  } else if (group == "skema") {
    kinds = {"tried_recorded"};
    prefixes = {"request_form", "form_"};
  } else if (group == "moeder") {
    prefixes = {"meeting_", "invitation_", "agenda_"};
  } else if (group == "beslutninger") {
    kinds = {"registered", "moved", "closed", "reopened", "assigned", "participant_added", "triage_decision",
             "task_done"};
    prefixes = {"decision_"};
  } else if (group == "dokumenter") {
    prefixes = {"document_", "agreement_", "minutes_", "action_plan_", "brief_", "evaluation_"};
  } else {
    return false;
  }
  return true;
}

TimelinePage CaseTimelines::page(const Actor& actor, const std::string& case_id, const TimelineQuery& query,
                                 std::int64_t now_ms) {
  storage::TimelineFilter filter;
  if (!query.group.empty() && !timeline_group_filter(query.group, filter.kinds, filter.prefixes)) {
    throw Invalid(FieldErrors{{"gruppe", "Vælg en type hændelser fra listen"}});
  }
  if (query.from_ms && query.to_ms && *query.to_ms <= *query.from_ms) {
    throw Invalid(FieldErrors{{"til", "Til-datoen skal være efter fra-datoen"}});
  }
  const int limit = std::clamp(query.limit, 1, 200);
  filter.from_ms = query.from_ms;
  filter.to_ms = query.to_ms;
  filter.after_id = query.after_id;
  filter.limit = limit + 1;
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    TimelinePage page;
    page.case_title = reached.record.title;
    page.guardian_view = reached.relation == CaseRelation::guardian;
    audit::record(conn, actor,
                  audit::Entry{audit::Action::read, "case_timeline", case_id, reached.record.child_id,
                               page.guardian_view ? "Forælders indsigt" : "Sagsbehandling", ""},
                  now_ms);
    // Guardians see only shared kinds: keep reading until the page is full or the end.
    while (true) {
      const auto rows = storage::timeline_events(conn, actor.tenant, case_id, filter);
      const bool more = static_cast<int>(rows.size()) > limit;
      const std::size_t usable = more ? static_cast<std::size_t>(limit) : rows.size();
      for (std::size_t i = 0; i < usable; ++i) {
        const auto& e = rows[i];
        if (page.guardian_view && !guardian_visible_event(e.kind)) {
          filter.after_id = e.id;
          continue;
        }
        if (static_cast<int>(page.events.size()) == limit) {
          page.next_after = page.events.back().id;
          return page;
        }
        page.events.push_back(e);
        filter.after_id = e.id;
      }
      if (!more) return page;
      if (static_cast<int>(page.events.size()) == limit) {
        page.next_after = page.events.back().id;
        return page;
      }
    }
  });
}

}  // namespace samspil::service
