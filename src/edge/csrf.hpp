#pragma once
// CSRF protection: every POST/PUT/PATCH/DELETE that is not a bearer-token request must carry
// the token as form field "csrf_token" or header X-CSRF-Token. Signed in, the token is the
// session's; signed out, it must equal the pre-session CSRF cookie (double submit).
#include <map>
#include <string>
#include <string_view>

#include "edge/context.hpp"
#include "http/router.hpp"

namespace samspil::edge {

// Middleware: refuses a state-changing request without the right token (403, nothing runs).
http::Middleware csrf_middleware(const Context& context);

// The fields of an application/x-www-form-urlencoded body (later duplicates ignored;
// malformed escapes dropped).
std::map<std::string, std::string> form_fields(const http::Request& request);
// Compares in time independent of where the strings differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace samspil::edge
