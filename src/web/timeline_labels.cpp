#include "web/timeline_labels.hpp"

#include <nlohmann/json.hpp>

#include "service/triage/triage.hpp"
#include "web/views.hpp"

namespace samspil::web {
namespace {

// Every kind written to case_events, with its locale key (spelled out so the template check
// and tests/timeline_labels_check.py see every key).
constexpr std::pair<const char*, const char*> kTimelineLabels[] = {
    {"registered", "cases_event_registered"},
    {"tried_recorded", "cases_event_tried_recorded"},
    {"moved", "cases_event_moved"},
    {"closed", "cases_event_closed"},
    {"reopened", "cases_event_reopened"},
    {"assigned", "cases_event_assigned"},
    {"participant_added", "cases_event_participant_added"},
    {"consent_given", "cases_event_consent_given"},
    {"consent_withdrawn", "cases_event_consent_withdrawn"},
    {"task_done", "timeline_event_task_done"},
    {"triage_decision", "timeline_event_triage_decision"},
    {"request_form_saved", "timeline_event_request_form_saved"},
    {"request_form_completed", "timeline_event_request_form_completed"},
    {"request_form_attachment_added", "timeline_event_request_form_attachment_added"},
    {"meeting_convened", "timeline_event_meeting_convened"},
    {"meeting_response", "timeline_event_meeting_response"},
    {"meeting_moved", "timeline_event_meeting_moved"},
    {"meeting_cancelled", "timeline_event_meeting_cancelled"},
    {"parents_informed", "timeline_event_parents_informed"},
    {"agreement_confirmed", "timeline_event_agreement_confirmed"},
    {"meeting_date_chosen", "timeline_event_meeting_date_chosen"},
    {"meeting_role_delegated", "timeline_event_meeting_role_delegated"},
};

}  // namespace

const char* timeline_label_key(std::string_view kind) {
  for (const auto& [k, key] : kTimelineLabels) {
    if (kind == k) return key;
  }
  return nullptr;
}

std::string timeline_label(const Views& views, std::string_view kind, std::string_view detail_json) {
  const auto detail = nlohmann::json::parse(detail_json, nullptr, false);
  const auto field = [&](const char* name) {
    return detail.is_object() && detail.contains(name) && detail[name].is_string() ? detail[name].get<std::string>()
                                                                                  : std::string();
  };
  if (kind == "consent_given" && field("source") == "paper") return views.t("timeline_event_consent_given_paper");
  if (kind == "triage_decision") {
    return views.t("timeline_event_triage_decision") + ": " + service::decision_label(field("decision"));
  }
  if (const char* key = timeline_label_key(kind)) return views.t(key);
  return views.t("timeline_event_other");
}

}  // namespace samspil::web
