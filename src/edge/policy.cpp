#include "edge/policy.hpp"

#include "edge/errors.hpp"
#include "edge/request_state.hpp"
#include "net/percent_encoding.hpp"

namespace samspil::edge {
namespace {

http::Response sign_in_required(const http::Request& request) {
  if (is_api_request(request)) {
    http::Response r = http::Response::problem(401, "Log ind påkrævet",
                                               "Forespørgslen kræver et gyldigt adgangstoken (Bearer).");
    r.set_header("WWW-Authenticate", "Bearer");
    r.set_header("Cache-Control", "no-store");
    return r;
  }
  const std::string target = request.method == "GET" ? safe_local_target(request.target) : "/";
  if (target == "/") return http::Response::redirect("/log-ind");
  return http::Response::redirect("/log-ind?naeste=" + net::percent_encode(target, "/"));
}

}  // namespace

std::string safe_local_target(std::string_view target) {
  if (target.empty() || target.front() != '/') return "/";
  if (target.size() > 1 && (target[1] == '/' || target[1] == '\\')) return "/";
  for (char c : target) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return "/";
  }
  return std::string(target);
}

bool allows(std::string_view policy, const service::Actor& actor) {
  using service::Role;
  if (policy == "signed_in") return true;
  if (policy == "staff") return actor.is_staff();
  if (policy == "admin") return actor.role == Role::administrator;
  if (policy == "guardian") return actor.role == Role::guardian;
  if (policy == "district_lead") return actor.role == Role::ppr_district_lead || actor.role == Role::administrator;
  return false;
}

http::Middleware policy_middleware(const Context& context) {
  return [&context](http::Request& request, const http::Next& next) {
    const std::string& policy = request.route_policy;
    if (policy == "public" || policy == "ops") return next(request);
    const RequestState& s = state(request);
    const bool pending = !s.pending_user_id.empty();
    if (policy == "second_factor") {
      if (pending) return next(request);
      if (s.actor) return http::Response::redirect("/");
      return sign_in_required(request);
    }
    if (pending) {
      if (is_api_request(request)) return sign_in_required(request);
      return http::Response::redirect(s.second_factor_step == "totp_setup" ? "/log-ind/totp-opsaetning"
                                                                           : "/log-ind/totp");
    }
    if (!s.actor) return sign_in_required(request);
    if (!allows(policy, *s.actor)) return error_response(context, request, 403);
    return next(request);
  };
}

}  // namespace samspil::edge
