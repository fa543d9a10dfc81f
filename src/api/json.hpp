#pragma once
// Shared pieces of the JSON API: responses, problem documents with Danish details and a
// field -> message map for validation (RFC 9457), request-body parsing, cursors.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "edge/errors.hpp"
#include "http/message.hpp"
#include "service/base/errors.hpp"

namespace samspil::api {

// 200/201 with a JSON body; Cache-Control: no-store (API answers carry personal data).
http::Response json(int status, const nlohmann::json& body);
// 422 problem+json with "errors": {field: message} (one body for pages' and API's errors).
using edge::invalid;
// Parses the request body as a JSON object; nullopt when it is not one (caller answers 400).
std::optional<nlohmann::json> parse_object(const http::Request& request);
// 400 problem for a body that is not a JSON object.
http::Response bad_json();

// A string member of a JSON object, or "" when absent or not a string.
std::string text_of(const nlohmann::json& body, const char* key);
// An integer member of a JSON object, or fallback when absent or not an integer.
std::int64_t integer_of(const nlohmann::json& body, const char* key, std::int64_t fallback = 0);

}  // namespace samspil::api
