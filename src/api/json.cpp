#include "api/json.hpp"

namespace samspil::api {

http::Response json(int status, const nlohmann::json& body) {
  http::Response r = http::Response::json(status, body.dump());
  r.set_header("Cache-Control", "no-store");
  return r;
}

std::optional<nlohmann::json> parse_object(const http::Request& request) {
  auto parsed = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  return parsed;
}

http::Response bad_json() {
  return http::Response::problem(400, "Ugyldig forespørgsel", "Indholdet skal være et JSON-objekt.");
}

std::string text_of(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t integer_of(const nlohmann::json& body, const char* key, std::int64_t fallback) {
  const auto it = body.find(key);
  return it != body.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

}  // namespace samspil::api
