#pragma once
// JSON for the people and organisation API (units, users, guardians): reading request
// fields with Danish messages for wrong types, and writing views.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "edge/context.hpp"
#include "service/base/errors.hpp"
#include "service/organisation/organisation.hpp"
#include "service/people/people.hpp"

namespace samspil::api {

// A string field: nullopt when absent; a message in errors when present but not a string.
std::optional<std::string> string_field(const nlohmann::json& body, const char* key, service::FieldErrors& errors);
// A boolean field, as string_field.
std::optional<bool> bool_field(const nlohmann::json& body, const char* key, service::FieldErrors& errors);
// An array of strings, as string_field.
std::optional<std::vector<std::string>> strings_field(const nlohmann::json& body, const char* key,
                                                      service::FieldErrors& errors);
// An array of {unit_id, is_leader}, as string_field (errors under "memberships").
std::optional<std::vector<service::people::MembershipInput>> memberships_field(const nlohmann::json& body,
                                                                                service::FieldErrors& errors);
// ?limit= as an int in [1, 200] (default 50).
int limit_param(const http::Request& request);

nlohmann::json unit_json(const service::organisation::UnitView& unit);
nlohmann::json user_json(const service::people::UserView& user);
nlohmann::json guardian_json(const service::people::GuardianView& guardian);
// A page: {"items": [...], "next_cursor": "…" | null}.
nlohmann::json page_json(nlohmann::json items, const std::string& next_cursor);

// The professions catalogue read once at start-up (empty when the model file is missing).
std::shared_ptr<const service::people::ProfessionCatalogue> professions_for(const edge::Context& context);

}  // namespace samspil::api
