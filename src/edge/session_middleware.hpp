#pragma once
// Who is asking: `Authorization: Bearer <token>` (API tokens, via=token) or the session
// cookie (via=session). Fills edge::state(request): actor, CSRF token, flash, or the
// pending second-factor step. Anonymous page requests get a pre-session CSRF cookie for the
// log-in and reset forms (double submit). install_middleware() wires the whole chain.
#include <string>
#include <string_view>

#include "edge/context.hpp"
#include "http/router.hpp"

namespace samspil::edge {

// Adds, in this order: service-error mapping, principal (session/token), CSRF check, policy.
void install_middleware(http::Router& router, const Context& context);

// Middleware: resolves the principal into edge::state(request).
http::Middleware session_middleware(const Context& context);

// "__Host-samspil_session", or "samspil_session" without Secure on plain-HTTP local runs.
std::string session_cookie_name(const Settings& settings);
// "__Host-samspil_csrf", or "samspil_csrf" on plain-HTTP local runs.
std::string csrf_cookie_name(const Settings& settings);
// The value of a request cookie, or "".
std::string cookie_value(const http::Request& request, std::string_view name);
// Adds Set-Cookie for the session token (Path=/, HttpOnly, SameSite=Lax, Secure unless off).
void set_session_cookie(http::Response& response, const Settings& settings, const std::string& token);
// Adds a Set-Cookie that deletes the session cookie.
void clear_session_cookie(http::Response& response, const Settings& settings);
// The session token the request carries, or "".
std::string session_token(const http::Request& request, const Settings& settings);

}  // namespace samspil::edge
