#include "api/people_json.hpp"

#include <algorithm>
#include <charconv>

namespace samspil::api {

namespace {
constexpr const char* kWrongType = "Ugyldig værdi";
}

std::optional<std::string> string_field(const nlohmann::json& body, const char* key, service::FieldErrors& errors) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    errors[key] = kWrongType;
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::optional<bool> bool_field(const nlohmann::json& body, const char* key, service::FieldErrors& errors) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) {
    errors[key] = kWrongType;
    return std::nullopt;
  }
  return it->get<bool>();
}

std::optional<std::vector<std::string>> strings_field(const nlohmann::json& body, const char* key,
                                                      service::FieldErrors& errors) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  std::vector<std::string> out;
  if (it->is_array()) {
    for (const auto& v : *it) {
      if (!v.is_string()) break;
      out.push_back(v.get<std::string>());
    }
    if (out.size() == it->size()) return out;
  }
  errors[key] = kWrongType;
  return std::nullopt;
}

std::optional<std::vector<service::people::MembershipInput>> memberships_field(const nlohmann::json& body,
                                                                                service::FieldErrors& errors) {
  const auto it = body.find("memberships");
  if (it == body.end() || it->is_null()) return std::nullopt;
  std::vector<service::people::MembershipInput> out;
  if (it->is_array()) {
    for (const auto& v : *it) {
      if (!v.is_object() || !v.contains("unit_id") || !v["unit_id"].is_string()) break;
      const bool leader = v.contains("is_leader") && v["is_leader"].is_boolean() && v["is_leader"].get<bool>();
      out.push_back({v["unit_id"].get<std::string>(), leader});
    }
    if (out.size() == it->size()) return out;
  }
  errors["memberships"] = kWrongType;
  return std::nullopt;
}

int limit_param(const http::Request& request) {
  const std::string text = request.query_param("limit");
  int value = 50;
  if (!text.empty()) std::from_chars(text.data(), text.data() + text.size(), value);
  return std::clamp(value, 1, 200);
}

nlohmann::json unit_json(const service::organisation::UnitView& u) {
  return {{"id", u.id},
          {"name", u.name},
          {"kind", u.kind},
          {"kind_name", std::string(service::organisation::unit_kind_label(u.kind))},
          {"parent_id", u.parent_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(u.parent_id)}};
}

nlohmann::json user_json(const service::people::UserView& u) {
  nlohmann::json memberships = nlohmann::json::array();
  for (const auto& m : u.memberships) {
    memberships.push_back({{"unit_id", m.unit_id}, {"unit_name", m.unit_name}, {"is_leader", m.is_leader}});
  }
  return {{"id", u.id},           {"email", u.email},       {"display_name", u.display_name},
          {"role", u.role},       {"disabled", u.disabled}, {"professions", u.professions},
          {"memberships", memberships}, {"created_at", u.created_at_ms}};
}

nlohmann::json guardian_json(const service::people::GuardianView& g) {
  nlohmann::json out = user_json(g.user);
  out["children"] = nlohmann::json::array();
  for (const auto& c : g.children) {
    out["children"].push_back({{"child_id", c.child_id},
                               {"first_name", c.first_name},
                               {"last_name", c.last_name},
                               {"relation", c.relation},
                               {"has_custody", c.has_custody}});
  }
  return out;
}

nlohmann::json page_json(nlohmann::json items, const std::string& next_cursor) {
  return {{"items", std::move(items)},
          {"next_cursor", next_cursor.empty() ? nlohmann::json(nullptr) : nlohmann::json(next_cursor)}};
}

std::shared_ptr<const service::people::ProfessionCatalogue> professions_for(const edge::Context& context) {
  try {
    return std::make_shared<const service::people::ProfessionCatalogue>(
        service::people::load_professions(context.data_dir / "models" / "common" / "professions.yaml"));
  } catch (const std::exception&) {
    return std::make_shared<const service::people::ProfessionCatalogue>();
  }
}

}  // namespace samspil::api
