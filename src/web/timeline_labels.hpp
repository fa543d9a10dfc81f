#pragma once
// The Danish label of every case timeline event kind the services write (case_events.kind),
// shared by the case page (/sager/{id}) and the timeline page (/sager/{id}/tidslinje).
// tests/timeline_labels_check.py collects the kinds written in src/ and fails when one has
// no row in kTimelineLabels (timeline_labels.cpp) or its key is missing from locale/da.
#include <string>
#include <string_view>

namespace samspil::web {

class Views;

// The locale key of a kind's label, or nullptr for a kind nobody writes.
const char* timeline_label_key(std::string_view kind);
// The label in Danish: the kind's, with details where they change the wording (a consent
// recorded from paper, a triage decision); unknown kinds get a neutral "Hændelse i sagen".
std::string timeline_label(const Views& views, std::string_view kind, std::string_view detail_json);

}  // namespace samspil::web
