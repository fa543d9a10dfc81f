#include "service/meetings/group_labels.hpp"

namespace samspil::service {

std::string group_label(const domain::Model& model, const std::string& code) {
  if (code == "parents") return "Forældre";
  if (code == "child") return "Barnet";
  if (code == "local_professionals") return "Lokale fagpersoner";
  if (code == "external_professionals") return "Eksterne fagpersoner";
  if (code == "any_professional") return "Fagpersoner";
  if (code == "network") return "Netværk";
  if (code == "leader") return "Leder";
  if (const auto* p = model.profession(code)) return p->name;
  return code;
}

}  // namespace samspil::service
