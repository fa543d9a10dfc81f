// Password reset: /glemt-adgangskode asks for the e-mail (always the same answer), the mailed
// link /nulstil-adgangskode?token=… is exchanged at once for a short-lived cookie and a
// redirect, so the token does not stay in the address bar or history, and the form sets the
// new passphrase. Referrer-Policy: no-referrer on these pages.
#include "edge/csrf.hpp"
#include "edge/request_state.hpp"
#include "edge/session_middleware.hpp"
#include "service/base/errors.hpp"
#include "service/identity/password_reset.hpp"
#include "web/login_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

std::string reset_cookie_name(const WebSettings& settings) {
  return settings.secure_cookies ? "__Host-samspil_reset" : "samspil_reset";
}

std::string cookie_attributes(const WebSettings& settings) {
  return std::string("; Path=/; HttpOnly; SameSite=Lax; Max-Age=1800") + (settings.secure_cookies ? "; Secure" : "");
}

std::string field(const std::map<std::string, std::string>& fields, const char* name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

http::Response no_referrer(http::Response r) {
  r.set_header("Referrer-Policy", "no-referrer");
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response message_page(const WebContext& ctx, const http::Request& request, const std::string& title,
                            const std::string& text, const std::string& link_href, const std::string& link_label,
                            int status = 200) {
  return no_referrer(ctx.views.render(request, {.title = title, .body_template = "auth/message.tpl", .status = status},
                                      [&](ctemplate::TemplateDictionary& body) {
                                        body.SetValue("heading", title);
                                        body.SetValue("text", text);
                                        body.SetValue("link_href", link_href);
                                        body.SetValue("link_label", link_label);
                                      }));
}

http::Response render_forgot(const WebContext& ctx, const http::Request& request, const std::string& tenant,
                             const std::string& email, const FormErrors& errors) {
  const auto tenants = ctx.services.accounts.municipalities();
  return ctx.views.render(
      request,
      {.title = ctx.views.t("forgot_title"), .body_template = "auth/forgot.tpl", .has_errors = !errors.empty()},
      [&](ctemplate::TemplateDictionary& body) {
        fill_form_basics(body, request);
        fill_errors(body, errors);
        body.SetValue("email", email);
        fill_municipality_choice(body, tenants, tenant, errors);
      });
}

http::Response render_reset(const WebContext& ctx, const http::Request& request, const FormErrors& errors) {
  return no_referrer(ctx.views.render(
      request, {.title = ctx.views.t("reset_title"), .body_template = "auth/reset.tpl", .has_errors = !errors.empty()},
      [&](ctemplate::TemplateDictionary& body) {
        fill_form_basics(body, request);
        fill_errors(body, errors);
      }));
}

http::Response token_problem(const WebContext& ctx, const http::Request& request,
                             service::password_reset::TokenState state) {
  const bool used = state == service::password_reset::TokenState::used;
  return message_page(ctx, request, ctx.views.t("reset_invalid_title"),
                      ctx.views.t(used ? "reset_used_text" : "reset_invalid_text"), "/glemt-adgangskode",
                      ctx.views.t("reset_order_new"), 409);
}

}  // namespace

void add_login_reset_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/glemt-adgangskode",
      [&context](http::Request& request) { return render_forgot(context, request, "", "", {}); },
      {.name = "reset.request_form", .policy = "public"});

  router.add(
      "POST", "/glemt-adgangskode",
      [&context](http::Request& request) {
        const auto fields = form_fields(request);
        const std::string tenant = field(fields, "kommune");
        const std::string email = trim(field(fields, "email"));
        FormErrors errors;
        if (tenant.empty()) errors.emplace("kommune", context.views.t("login_error_tenant"));
        if (email.empty()) errors.emplace("email", context.views.t("login_error_email_missing"));
        if (!errors.empty()) return render_forgot(context, request, tenant, email, errors);
        context.services.password_resets.request_reset(
            {tenant, email, context.settings.public_base_url, request.request_id}, context.now_ms());
        return message_page(context, request, context.views.t("forgot_sent_title"), context.views.t("forgot_sent_text"),
                            "/log-ind", context.views.t("reset_to_login"));
      },
      {.name = "reset.request", .policy = "public"});

  router.add(
      "GET", "/nulstil-adgangskode",
      [&context](http::Request& request) {
        if (const std::string token = request.query_param("token"); !token.empty()) {
          http::Response r = no_referrer(http::Response::redirect("/nulstil-adgangskode"));
          r.headers.emplace_back("Set-Cookie",
                                 reset_cookie_name(context.settings) + "=" + token + cookie_attributes(context.settings));
          return r;
        }
        const std::string token = cookie_value(request, reset_cookie_name(context.settings));
        const auto state = context.services.password_resets.check(token, context.now_ms());
        if (state != service::password_reset::TokenState::valid) return token_problem(context, request, state);
        return render_reset(context, request, {});
      },
      {.name = "reset.form", .policy = "public"});

  router.add(
      "POST", "/nulstil-adgangskode",
      [&context](http::Request& request) {
        const auto fields = form_fields(request);
        const std::string token = cookie_value(request, reset_cookie_name(context.settings));
        try {
          context.services.password_resets.complete(token, field(fields, "adgangskode"), field(fields, "gentag"),
                                                    request.request_id, context.now_ms());
        } catch (const service::Invalid& e) {
          return render_reset(context, request, e.fields);
        } catch (const service::Conflict&) {
          return token_problem(context, request, context.services.password_resets.check(token, context.now_ms()));
        }
        http::Response r = message_page(context, request, context.views.t("reset_done_title"),
                                        context.views.t("reset_done_text"), "/log-ind",
                                        context.views.t("reset_to_login"));
        r.headers.emplace_back("Set-Cookie", reset_cookie_name(context.settings) + "=" +
                                                 cookie_attributes(context.settings) + "; Max-Age=0");
        clear_session_cookie(r, context.settings);
        return r;
      },
      {.name = "reset.submit", .policy = "public"});
}

}  // namespace samspil::web
