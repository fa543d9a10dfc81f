#include "domain/request_form.hpp"

namespace samspil::domain {

const RequestFormSection* RequestFormFormat::section(std::string_view id) const {
  for (const auto& s : sections) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const RequestFormField* RequestFormFormat::field(std::string_view id) const {
  for (const auto& s : sections) {
    for (const auto& f : s.fields) {
      if (f.id == id) return &f;
    }
  }
  return nullptr;
}

const RequestFormFormat& default_request_form() {
  static const RequestFormFormat format{
      {{"concern",
        "Bekymringen og hvad er afprøvet",
        {{"concern", "Hvad er bekymringen?", "Beskriv hvad I ser i hverdagen, og hvor længe det har stået på.", true, {"F2"}},
         {"tried", "Hvad har I afprøvet?", "Hvad har institutionen gjort inden for egne rammer, og hvordan virkede det?", true, {"F3"}},
         {"purpose", "Hvad ønsker I hjælp til?", "", false, {"R4"}}},
        {"R4"}},
       {"child",
        "Barnets ressourcer og perspektiv",
        {{"resources", "Barnets ressourcer", "Hvad lykkes for barnet, og hvad er barnet glad for?", true, {"R4"}},
         {"child_view", "Barnets perspektiv og ønsker", "Hvad siger barnet selv, hvor alder og udvikling giver mening?", false, {"R4", "X2"}}},
        {"X2"}},
       {"parents",
        "Forældrenes perspektiv",
        {{"parents_view", "Forældrenes perspektiv", "Hvordan oplever forældrene barnets trivsel og udvikling?", true, {"R4"}},
         {"parents_wishes", "Forældrenes ønsker til mødet", "", false, {"R4"}}},
        {"R4"}},
       {"meeting",
        "Ønsket mødetype og deltagere",
        {{"invitees", "Hvem ønskes indbudt?", "Skriv faggrupper eller personer, fx psykolog, sundhedsplejerske.", false, {"R4"}}},
        {"R4"}}},
      {"R4"}};
  return format;
}

}  // namespace samspil::domain
