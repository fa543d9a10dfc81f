// Local log-in (/log-ind) and log-out (/log-ud). Thin: parse the form, call the login
// service, set the session cookie and redirect, or show the form again with the error.
#include "crypto/sha256.hpp"
#include "edge/csrf.hpp"
#include "edge/policy.hpp"
#include "edge/request_state.hpp"
#include "edge/session_middleware.hpp"
#include "service/identity/login.hpp"
#include "web/login_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

struct LoginForm {
  std::string tenant;
  std::string email;
  std::string next;
};

http::Response render_login(const WebContext& ctx, const http::Request& request, const LoginForm& form,
                            const FormErrors& errors, const std::string& notice) {
  const auto tenants = ctx.services.accounts.municipalities();
  return ctx.views.render(
      request,
      {.title = ctx.views.t("login_title"), .body_template = "auth/login.tpl", .has_errors = !errors.empty()},
      [&](ctemplate::TemplateDictionary& body) {
        fill_form_basics(body, request);
        fill_errors(body, errors);
        body.SetValue("email", form.email);
        body.SetValue("next", form.next);
        if (!notice.empty()) body.ShowSection("NOTICE"), body.SetValue("notice", notice);
        fill_municipality_choice(body, tenants, form.tenant, errors);
      });
}

http::Response after_sign_in(const WebContext& ctx, service::login::Outcome outcome, const std::string& token,
                             const std::string& next) {
  using service::login::Outcome;
  std::string location = safe_local_target(next);
  if (outcome == Outcome::totp_due) location = "/log-ind/totp";
  if (outcome == Outcome::totp_setup_due) location = "/log-ind/totp-opsaetning";
  http::Response r = http::Response::redirect(location);
  set_session_cookie(r, ctx.settings, token);
  return r;
}

}  // namespace

std::string address_key(const WebContext& ctx, const http::Request& request) {
  const std::string input = "address:" + request.remote_address;
  return ctx.cipher ? ctx.cipher->keyed_hash(input) : crypto::sha256_hex(input);
}

void add_login_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/log-ind",
      [&context](http::Request& request) {
        if (state(request).actor) return http::Response::redirect("/");
        const std::string notice = request.query_param("logget_ud") == "1" ? context.views.t("login_signed_out") : "";
        return render_login(context, request, {"", "", safe_local_target(request.query_param("naeste"))}, {}, notice);
      },
      {.name = "login.form", .policy = "public"});

  router.add(
      "POST", "/log-ind",
      [&context](http::Request& request) {
        const auto fields = form_fields(request);
        auto field = [&](const char* name) {
          auto it = fields.find(name);
          return it == fields.end() ? std::string() : it->second;
        };
        LoginForm form{field("kommune"), trim(field("email")), safe_local_target(field("naeste"))};
        const std::string password = field("adgangskode");
        FormErrors errors;
        if (form.tenant.empty()) errors.emplace("kommune", context.views.t("login_error_tenant"));
        if (form.email.empty()) errors.emplace("email", context.views.t("login_error_email_missing"));
        if (password.empty()) errors.emplace("adgangskode", context.views.t("login_error_password_missing"));
        if (!errors.empty()) return render_login(context, request, form, errors, "");

        const auto result = context.services.accounts.sign_in_with_password(
            {form.tenant, form.email, password, address_key(context, request), request.request_id},
            context.now_ms());
        using service::login::Outcome;
        if (result.outcome == Outcome::refused) {
          errors.emplace("email", context.views.t("login_error_refused"));
          return render_login(context, request, form, errors, "");
        }
        if (result.outcome == Outcome::locked) {
          errors.emplace("email", context.views.t("login_error_locked"));
          return render_login(context, request, form, errors, "");
        }
        // A session this browser had before is ended, not carried over (session fixation).
        if (const std::string old = session_token(request, context.settings); !old.empty()) {
          context.services.callers.end(old);
        }
        return after_sign_in(context, result.outcome, result.session.token, form.next);
      },
      {.name = "login.submit", .policy = "public"});

  // Signed in: ends every session of the user ("log-out ends it everywhere").
  router.add(
      "POST", "/log-ud",
      [&context](http::Request& request) {
        const RequestState& s = state(request);
        const std::string token = session_token(request, context.settings);
        // Without an actor (half-way through the second factor) only this session ends.
        context.services.callers.sign_out(s.actor, token, context.now_ms());
        http::Response r = http::Response::redirect("/log-ind?logget_ud=1");
        clear_session_cookie(r, context.settings);
        return r;
      },
      {.name = "login.sign_out", .policy = "public"});
}

}  // namespace samspil::web
