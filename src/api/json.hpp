#pragma once
// Shared pieces of the JSON API: responses, problem documents with Danish details and a
// field -> message map for validation (RFC 9457), request-body parsing, cursors.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "http/message.hpp"
#include "service/errors.hpp"

namespace samspil::api {

// 200/201 with a JSON body; Cache-Control: no-store (API answers carry personal data).
http::Response json(int status, const nlohmann::json& body);
// 422 problem+json with "errors": {field: message}.
http::Response invalid(const service::FieldErrors& errors);
// Parses the request body as a JSON object; nullopt when it is not one (caller answers 400).
std::optional<nlohmann::json> parse_object(const http::Request& request);
// 400 problem for a body that is not a JSON object.
http::Response bad_json();

}  // namespace samspil::api
