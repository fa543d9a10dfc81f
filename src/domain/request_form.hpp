#pragma once
// The request form (anmodningsskema / SOS-skema, SPEC F2, F3, R4, X2) as data: its steps and
// free-text fields come from the model's `request_form:` section (docs/model-format.md) or,
// when a model has none, from default_request_form(). The engine itself adds the structured
// parts to fixed steps: the child's perspective or why it was not obtained (X2) to "child",
// the wished meeting type (from the case's model) to "meeting", attachments and the
// completion together with the parents (R4.3) as the last two steps.
#include <string>
#include <string_view>
#include <vector>

namespace samspil::domain {

struct RequestFormField {
  std::string id;       // [a-z0-9_], unique in the form; the key of the stored answer
  std::string label;    // Danish
  std::string hint;     // Danish, may be empty
  bool required = false;
  std::vector<std::string> rules;
};

// One step of the form. id is one of kRequestFormSteps.
struct RequestFormSection {
  std::string id;
  std::string title;    // Danish
  std::vector<RequestFormField> fields;
  std::vector<std::string> rules;
};

struct RequestFormFormat {
  std::vector<RequestFormSection> sections;  // in kRequestFormSteps order
  std::vector<std::string> rules;

  const RequestFormSection* section(std::string_view id) const;
  const RequestFormField* field(std::string_view id) const;
};

// The steps the model may describe, in order: concern (bekymringen og hvad er afprøvet),
// child (barnets ressourcer og perspektiv), parents (forældrenes perspektiv), meeting
// (ønsket mødetype og deltagere).
inline constexpr std::string_view kRequestFormSteps[] = {"concern", "child", "parents", "meeting"};

// The form used when a model has no request_form section (fields from the seeds and SPEC).
const RequestFormFormat& default_request_form();

// Longest answer accepted in one field (characters as bytes of UTF-8).
inline constexpr std::size_t kRequestFormMaxAnswer = 8000;

}  // namespace samspil::domain
