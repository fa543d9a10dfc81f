#pragma once
// What the web layer knows about the current request beyond HTTP: the signed-in actor,
// the CSRF token for forms on the page, and a one-time flash message. Stored in
// http::Request::context by the session middleware; absent for anonymous requests.
#include <optional>
#include <string>

#include "http/message.hpp"
#include "service/base/actor.hpp"

namespace samspil::edge {

struct RequestState {
  std::optional<service::Actor> actor;
  std::string session_id_hash;  // "" for bearer tokens and anonymous requests
  std::string csrf_token;       // put in every form as the hidden field "csrf_token"
  std::string flash;            // shown once on the next page
  // While the password is accepted but the second factor is due, the session's user
  // (actor stays empty, so nothing else is reachable) and the step: "totp" or "totp_setup".
  std::string pending_tenant;
  std::string pending_user_id;
  std::string second_factor_step;
};

// The request's state, created empty on first use.
RequestState& state(http::Request& request);
// The request's state, or an empty one when none was set.
const RequestState& state(const http::Request& request);
// The signed-in actor; throws service::Forbidden when there is none (deny by default).
const service::Actor& actor(const http::Request& request);

}  // namespace samspil::edge
