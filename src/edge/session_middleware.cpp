#include "edge/session_middleware.hpp"

#include "crypto/random.hpp"
#include "edge/csrf.hpp"
#include "edge/errors.hpp"
#include "edge/policy.hpp"
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/identity/callers.hpp"

namespace samspil::edge {

namespace {

std::string cookie_attributes(const Settings& settings) {
  return std::string("; Path=/; HttpOnly; SameSite=Lax") + (settings.secure_cookies ? "; Secure" : "");
}

std::string bearer_token(const http::Request& request) {
  const std::string auth = request.header("authorization");
  if (auth.size() < 7) return "";
  std::string scheme = auth.substr(0, 7);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "bearer ") return "";
  std::string token = auth.substr(7);
  while (!token.empty() && token.front() == ' ') token.erase(0, 1);
  return token;
}

http::Response invalid_token() {
  http::Response r = http::Response::problem(401, "Ugyldigt adgangstoken",
                                             "Adgangstokenet er ukendt, udløbet eller tilbagekaldt.");
  r.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  r.set_header("Cache-Control", "no-store");
  return r;
}

// A pre-session CSRF token looks like crypto::random_token(): 43 base64url characters.
bool plausible_token(std::string_view value) {
  if (value.size() != 43) return false;
  for (char c : value) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace

std::string session_cookie_name(const Settings& settings) {
  return settings.secure_cookies ? "__Host-samspil_session" : "samspil_session";
}

std::string csrf_cookie_name(const Settings& settings) {
  return settings.secure_cookies ? "__Host-samspil_csrf" : "samspil_csrf";
}

std::string cookie_value(const http::Request& request, std::string_view name) {
  const std::string header = request.header("cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view pair(header.data() + pos, end - pos);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    pos = end + 1;
  }
  return "";
}

void set_session_cookie(http::Response& response, const Settings& settings, const std::string& token) {
  response.headers.emplace_back("Set-Cookie", session_cookie_name(settings) + "=" + token + cookie_attributes(settings));
}

void clear_session_cookie(http::Response& response, const Settings& settings) {
  response.headers.emplace_back("Set-Cookie",
                                session_cookie_name(settings) + "=" + cookie_attributes(settings) + "; Max-Age=0");
}

std::string session_token(const http::Request& request, const Settings& settings) {
  return cookie_value(request, session_cookie_name(settings));
}

http::Middleware session_middleware(const Context& context) {
  return [&context](http::Request& request, const http::Next& next) {
    // Operational endpoints never look at who is asking (and must not touch the database).
    if (request.route_policy == "ops") return next(request);
    const service::sessions::Callers& callers = context.services.callers;
    // The caller lookup and the handler's reads share one read transaction until either writes.
    const auto shared_reads = callers.share_reads();
    RequestState& s = state(request);
    const std::int64_t now = context.now_ms();

    if (const std::string token = bearer_token(request); !token.empty()) {
      s.actor = callers.by_api_token(token, request.request_id, now);
      if (!s.actor) return invalid_token();
      http::Response r = next(request);
      if (!r.has_header("Cache-Control")) r.set_header("Cache-Control", "no-store");
      return r;
    }

    bool drop_cookie = false;
    if (const std::string token = session_token(request, context.settings); !token.empty()) {
      const bool take_flash = request.method == "GET" && !is_api_request(request);
      auto caller = callers.by_session(token, take_flash, request.request_id, now);
      drop_cookie = caller.drop_cookie;
      s.actor = std::move(caller.actor);
      s.session_id_hash = std::move(caller.session_id_hash);
      s.csrf_token = std::move(caller.csrf_token);
      if (caller.flash) s.flash = std::move(*caller.flash);
      s.pending_tenant = std::move(caller.pending_tenant);
      s.pending_user_id = std::move(caller.pending_user_id);
      s.second_factor_step = std::move(caller.second_factor_step);
    }

    // Anonymous: the forms (log-in, password reset) still need a CSRF token; it lives in
    // its own cookie and must come back in the form (double submit).
    std::string new_csrf_cookie;
    if (s.session_id_hash.empty() && !is_api_request(request)) {
      const std::string existing = cookie_value(request, csrf_cookie_name(context.settings));
      if (plausible_token(existing)) {
        s.csrf_token = existing;
      } else {
        new_csrf_cookie = crypto::random_token();
        s.csrf_token = new_csrf_cookie;
      }
    }

    http::Response r = next(request);
    if (drop_cookie) clear_session_cookie(r, context.settings);
    if (!new_csrf_cookie.empty()) {
      r.headers.emplace_back("Set-Cookie", csrf_cookie_name(context.settings) + "=" + new_csrf_cookie +
                                               cookie_attributes(context.settings));
    }
    if (!s.session_id_hash.empty() && !r.has_header("Cache-Control")) r.set_header("Cache-Control", "no-store");
    return r;
  };
}

void install_middleware(http::Router& router, const Context& context) {
  router.use(service_error_middleware(context));
  router.use(session_middleware(context));
  router.use(csrf_middleware(context));
  router.use(policy_middleware(context));
}

}  // namespace samspil::edge
