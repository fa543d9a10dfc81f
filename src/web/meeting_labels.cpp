#include "web/meeting_labels.hpp"

namespace samspil::web {

namespace {

// Locale keys spelled out so the template check sees every one.
const char* role_key(const std::string& role) {
  if (role == "chair") return "meeting_role_chair";
  if (role == "convener") return "meeting_role_convener";
  if (role == "agenda_owner") return "meeting_role_agenda_owner";
  if (role == "minute_taker") return "meeting_role_minute_taker";
  if (role == "participant_mapper") return "meeting_role_participant_mapper";
  if (role == "follow_up_contact") return "meeting_role_follow_up_contact";
  if (role == "child_perspective") return "meeting_role_child_perspective";
  if (role == "request_qualifier") return "meeting_role_request_qualifier";
  if (role == "item_submitter") return "meeting_role_item_submitter";
  if (role == "process_owner") return "meeting_role_process_owner";
  if (role == "documentation_owner") return "meeting_role_documentation_owner";
  if (role == "contact_person") return "meeting_role_contact_person";
  return nullptr;
}

const char* relation_key(const std::string& code) {
  if (code == "parents" || code == "guardian" || code == "custody") return "meeting_relation_parents";
  if (code == "foster_parent") return "meeting_relation_foster_parent";
  if (code == "child") return "meeting_relation_child";
  if (code == "network") return "meeting_relation_network";
  if (code == "professional") return "meeting_relation_professional";
  return nullptr;
}

}  // namespace

std::string role_name(const Views& views, const std::string& role) {
  const char* key = role_key(role);
  return key != nullptr ? views.t(key) : role;
}

std::string role_names(const Views& views, const std::vector<std::string>& roles) {
  std::string out;
  for (const auto& r : roles) out += (out.empty() ? "" : ", ") + role_name(views, r);
  return out.empty() ? "–" : out;
}

std::string relation_name(const Views& views, const service::ModelRegistry* models, const std::string& code) {
  if (const char* key = relation_key(code)) return views.t(key);
  if (models != nullptr) {
    // The presets share one profession list (models/common/professions.yaml); the first
    // model that names the code gives its name.
    for (const auto* model : models->all()) {
      for (const auto& p : model->professions) {
        if (p.id == code) return p.name;
      }
    }
  }
  return code;
}

}  // namespace samspil::web
