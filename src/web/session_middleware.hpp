#pragma once
// Who is asking: `Authorization: Bearer <token>` (API tokens, via=token) or the session
// cookie (via=session). Fills web::state(request): actor, CSRF token, flash, or the
// pending second-factor step. Anonymous page requests get a pre-session CSRF cookie for the
// log-in and reset forms (double submit). install_middleware() wires the whole chain.
#include <string>
#include <string_view>

#include "http/router.hpp"
#include "web/context.hpp"

namespace samspil::web {

// Adds, in this order: service-error mapping, principal (session/token), CSRF check, policy.
void install_middleware(http::Router& router, const WebContext& context);

// Middleware: resolves the principal into web::state(request).
http::Middleware session_middleware(const WebContext& context);
// Middleware: maps service::Forbidden/NotFound/Conflict/Invalid thrown by handlers to
// 403/404/409/422 (HTML pages, or problem+json under /api/).
http::Middleware service_error_middleware(const WebContext& context);

// "__Host-samspil_session", or "samspil_session" without Secure on plain-HTTP local runs.
std::string session_cookie_name(const WebSettings& settings);
// "__Host-samspil_csrf", or "samspil_csrf" on plain-HTTP local runs.
std::string csrf_cookie_name(const WebSettings& settings);
// The value of a request cookie, or "".
std::string cookie_value(const http::Request& request, std::string_view name);
// Adds Set-Cookie for the session token (Path=/, HttpOnly, SameSite=Lax, Secure unless off).
void set_session_cookie(http::Response& response, const WebSettings& settings, const std::string& token);
// Adds a Set-Cookie that deletes the session cookie.
void clear_session_cookie(http::Response& response, const WebSettings& settings);
// The session token the request carries, or "".
std::string session_token(const http::Request& request, const WebSettings& settings);

}  // namespace samspil::web
