// Single sign-on with OpenID Connect: thin handlers around service::sso::OidcLogin. Every
// failure shows the same Danish page; why it failed goes to the log as a code, without
// personal data.
#include "web/sso.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "edge/policy.hpp"
#include "edge/session_middleware.hpp"

namespace samspil::web {

namespace {

http::Response failure_page(const WebContext& context, const http::Request& request,
                            const service::sso::Failed& failed) {
  spdlog::warn("{}", nlohmann::json{{"event", "sso_failed"},
                                    {"reason", std::string(service::sso::failure_code(failed.failure))},
                                    {"detail", failed.detail},
                                    {"request_id", request.request_id}}
                         .dump());
  http::Response response = context.views.render(
      request, {.title = context.views.t("sso_failed_title"), .body_template = "auth/sso_error.tpl",
                .status = failed.status()},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("heading", context.views.t("sso_failed_heading"));
        body.SetValue("text", context.views.t(failed.status() == 403 ? "sso_failed_not_allowed" : "sso_failed_retry"));
        body.SetValue("request_id", request.request_id);
      });
  response.set_header("Cache-Control", "no-store");
  return response;
}

// SSO is not configured in this installation.
http::Response not_available_page(const WebContext& context, const http::Request& request) {
  return context.views.render(
      request, {.title = context.views.t("sso_off_title"), .body_template = "auth/sso_error.tpl", .status = 404},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("heading", context.views.t("sso_off_title"));
        body.SetValue("text", context.views.t("sso_off_text"));
        body.SetValue("request_id", request.request_id);
      });
}

}  // namespace

void add_sso_routes(http::Router& router, const WebContext& context, service::sso::OidcLogin* login_or_null) {
  if (!login_or_null) {
    for (const char* path : {"/log-ind/sso", "/log-ind/sso/callback"}) {
      router.add("GET", path, [&context](http::Request& request) { return not_available_page(context, request); },
                 {.name = std::string_view(path).ends_with("callback") ? "sso.callback" : "sso.begin",
                  .policy = "public", .execution = http::Execution::worker_pool});
    }
    return;
  }
  service::sso::OidcLogin& login = *login_or_null;
  router.add(
      "GET", "/log-ind/sso",
      [&context, &login](http::Request& request) {
        const std::string next = request.query_param("naeste");
        try {
          const std::string target = next.empty() ? std::string() : safe_local_target(next);
          http::Response response = http::Response::redirect(login.begin(target, context.now_ms()));
          response.set_header("Cache-Control", "no-store");
          return response;
        } catch (const service::sso::Failed& failed) {
          return failure_page(context, request, failed);
        }
      },
      {.name = "sso.begin", .policy = "public", .execution = http::Execution::worker_pool});

  router.add(
      "GET", "/log-ind/sso/callback",
      [&context, &login](http::Request& request) {
        try {
          const std::string state = request.query_param("state");
          if (const std::string error = request.query_param("error"); !error.empty()) {
            login.fail(state, error, context.now_ms());
          }
          const auto signed_in =
              login.complete(state, request.query_param("code"), request.request_id, context.now_ms());
          http::Response response = http::Response::redirect(safe_local_target(signed_in.return_to));
          set_session_cookie(response, context.settings, signed_in.session.token);
          response.set_header("Cache-Control", "no-store");
          spdlog::info("{}", nlohmann::json{{"event", "sso_signed_in"}, {"request_id", request.request_id}}.dump());
          return response;
        } catch (const service::sso::Failed& failed) {
          return failure_page(context, request, failed);
        }
      },
      {.name = "sso.callback", .policy = "public", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
