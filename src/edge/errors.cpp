#include "edge/errors.hpp"

#include <nlohmann/json.hpp>

namespace samspil::edge {

bool is_api_request(const http::Request& request) {
  return request.path == "/api" || request.path.rfind("/api/", 0) == 0;
}

http::Response error_response(const Context& context, const http::Request& request, int status,
                              std::string_view detail) {
  if (context.error_page) return context.error_page(request, status, detail);
  return bare_error_page(status);
}

http::Response bare_error_page(int status) {
  http::Response r = http::Response::html(
      status,
      "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Fejl - Samspil</title></head>"
      "<body><h1>Der opstod en fejl</h1><p>Prøv igen om lidt.</p></body></html>");
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

http::Middleware service_error_middleware(const Context& context) {
  return [&context](http::Request& request, const http::Next& next) {
    try {
      return next(request);
    } catch (const service::Forbidden&) {
      return error_response(context, request, 403);
    } catch (const service::NotFound&) {
      return error_response(context, request, 404);
    } catch (const service::Conflict& e) {
      return error_response(context, request, 409, e.what());
    } catch (const service::Invalid& e) {
      if (is_api_request(request)) return invalid(e.fields);
      return error_response(context, request, 400, "Nogle felter er ikke udfyldt korrekt.");
    }
  };
}

}  // namespace samspil::edge
