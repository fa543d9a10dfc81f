#pragma once
// Who may use a route: every route names a policy (http::RouteOptions::policy) and this
// middleware refuses everything it does not allow (deny by default). The vocabulary:
//   "public"        anyone, signed in or not
//   "ops"           operational endpoints (/healthz, /readyz, /metrics)
//   "signed_in"     any signed-in user (staff or guardian)
//   "staff"         every role but guardian
//   "admin"         administrator
//   "guardian"      guardian only
//   "district_lead" ppr_district_lead or administrator
//   "second_factor" only a session whose password step is done and whose TOTP step (or
//                   TOTP set-up) is due — the log-in's own TOTP pages
// Any other policy → 403. Not signed in: pages → 303 to /log-ind?naeste=<local path>;
// /api/ → 401 problem+json with WWW-Authenticate: Bearer. Signed in, not allowed → 403.
// A session with the second factor pending reaches only "second_factor" and "public" routes.
#include <string>
#include <string_view>

#include "edge/context.hpp"
#include "http/router.hpp"
#include "service/base/actor.hpp"

namespace samspil::edge {

// Middleware: applies the route's policy.
http::Middleware policy_middleware(const Context& context);

// True when the actor satisfies a policy that needs a signed-in user ("signed_in", "staff", …).
bool allows(std::string_view policy, const service::Actor& actor);

// The target if it is a local path ("/x…", not "//…" nor "/\…"), else "/"; for ?naeste=.
std::string safe_local_target(std::string_view target);

}  // namespace samspil::edge
