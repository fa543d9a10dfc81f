#include "api/json.hpp"

namespace samspil::api {

http::Response json(int status, const nlohmann::json& body) {
  http::Response r = http::Response::json(status, body.dump());
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response invalid(const service::FieldErrors& errors) {
  nlohmann::json body{{"type", "about:blank"},
                      {"title", "Oplysningerne kunne ikke godkendes"},
                      {"status", 422},
                      {"detail", "Ret de markerede felter og prøv igen."},
                      {"errors", nlohmann::json::object()}};
  for (const auto& [field, message] : errors) body["errors"][field] = message;
  http::Response r(http::Response::json(422, body.dump()));
  r.set_header("Content-Type", "application/problem+json");
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

}  // namespace samspil::api
