// The log-in's second step: /log-ind/totp (enter the code from the app) and
// /log-ind/totp-opsaetning (an administrator without TOTP sets it up before anything else).
// Only a session whose password step is done reaches these (policy "second_factor").
#include "edge/csrf.hpp"
#include "edge/request_state.hpp"
#include "edge/session_middleware.hpp"
#include "service/base/errors.hpp"
#include "service/identity/login.hpp"
#include "service/identity/totp_factor.hpp"
#include "web/error_pages.hpp"
#include "web/login_support.hpp"
#include "web/profile_qr.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

std::string field(const std::map<std::string, std::string>& fields, const char* name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

std::string digits_only(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c != ' ' && c != '-') out += c;
  }
  return out;
}

http::Response render_code(const WebContext& ctx, const http::Request& request, const FormErrors& errors) {
  return ctx.views.render(
      request, {.title = ctx.views.t("totp_title"), .body_template = "auth/totp.tpl", .has_errors = !errors.empty()},
      [&](ctemplate::TemplateDictionary& body) {
        fill_form_basics(body, request);
        fill_errors(body, errors);
      });
}

void fill_enrolment(ctemplate::TemplateDictionary& body, const WebContext& /*ctx*/,
                    const service::totp_factor::Enrolment& e) {
  body.SetValue("secret", e.secret_base32);
  // Shown as text to copy: ctemplate's URL check (rightly) turns an otpauth: link into "#".
  body.SetValue("otpauth_uri", e.otpauth_uri);
  body.SetValue("sealed", e.sealed);
  const QrSvg qr = qr_svg(e.otpauth_uri);
  body.SetIntValue("qr_size", qr.size);
  body.SetValue("qr_path", qr.path);
}

std::string account_label(const WebContext& ctx, const std::string& tenant, const std::string& user_id) {
  return ctx.services.accounts.account_label(tenant, user_id);
}

http::Response render_setup(const WebContext& ctx, const http::Request& request, const std::string& action,
                            const service::totp_factor::Enrolment& e, const FormErrors& errors) {
  return ctx.views.render(request,
                          {.title = ctx.views.t("totp_setup_title"), .body_template = "auth/totp_setup.tpl",
                           .has_errors = !errors.empty()},
                          [&](ctemplate::TemplateDictionary& body) {
                            fill_form_basics(body, request);
                            fill_errors(body, errors);
                            fill_enrolment(body, ctx, e);
                            body.SetValue("action", action);
                          });
}

http::Response no_key(const WebContext& ctx, const http::Request& request) {
  return error_page(ctx.views, request, 503, ctx.views.t("totp_no_key"));
}

}  // namespace

http::Response totp_setup_page(const WebContext& ctx, http::Request& request, const std::string& action,
                               const std::string& tenant, const std::string& user_id) {
  if (!ctx.cipher) return no_key(ctx, request);
  return render_setup(ctx, request, action,
                      service::totp_factor::begin(*ctx.cipher, tenant, user_id, account_label(ctx, tenant, user_id),
                                                  ctx.now_ms()),
                      {});
}

http::Response totp_setup_retry(const WebContext& ctx, http::Request& request, const std::string& action,
                                const std::string& tenant, const std::string& user_id, const std::string& sealed,
                                const std::string& message) {
  try {
    const auto e = service::totp_factor::reopen(*ctx.cipher, tenant, user_id, account_label(ctx, tenant, user_id),
                                                sealed, ctx.now_ms());
    return render_setup(ctx, request, action, e, {{"kode", message}});
  } catch (const service::Invalid&) {
    const auto e = service::totp_factor::begin(*ctx.cipher, tenant, user_id, account_label(ctx, tenant, user_id),
                                               ctx.now_ms());
    return render_setup(ctx, request, action, e, {{"kode", ctx.views.t("totp_error_expired")}});
  }
}

void add_login_totp_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/log-ind/totp",
      [&context](http::Request& request) {
        if (state(request).second_factor_step == "totp_setup") return http::Response::redirect("/log-ind/totp-opsaetning");
        return render_code(context, request, {});
      },
      {.name = "login.totp_form", .policy = "second_factor"});

  // Both steps post the code here; a set-up also posts its sealed enrolment.
  auto submit = [&context](http::Request& request) {
    if (!context.cipher) return no_key(context, request);
    const RequestState& s = state(request);
    const auto fields = form_fields(request);
    const std::string code = digits_only(field(fields, "kode"));
    const std::string sealed = s.second_factor_step == "totp_setup" ? field(fields, "sealed") : "";
    const bool setup = s.second_factor_step == "totp_setup";
    auto again = [&](const std::string& message) {
      if (setup) {
        return totp_setup_retry(context, request, "/log-ind/totp-opsaetning", s.pending_tenant, s.pending_user_id,
                                sealed, message);
      }
      return render_code(context, request, {{"kode", message}});
    };
    if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) {
      return again(context.views.t("totp_error_format"));
    }
    if (setup && sealed.empty()) return again(context.views.t("totp_error_expired"));
    const auto result = context.services.second_factor.complete_login(*context.cipher, s.session_id_hash,
                                                                      s.pending_tenant, s.pending_user_id, sealed,
                                                                      code, context.now_ms(), request.request_id);
    using service::totp_factor::Verdict;
    if (result.verdict == Verdict::wrong_code) return again(context.views.t("totp_error_wrong"));
    if (result.verdict == Verdict::expired) return again(context.views.t("totp_error_expired"));
    if (result.verdict == Verdict::locked) return again(context.views.t("login_error_locked"));
    http::Response r = http::Response::redirect("/");
    set_session_cookie(r, context.settings, result.session.token);
    return r;
  };
  router.add("POST", "/log-ind/totp", submit, {.name = "login.totp_submit", .policy = "second_factor"});

  router.add(
      "GET", "/log-ind/totp-opsaetning",
      [&context](http::Request& request) {
        const RequestState& s = state(request);
        if (s.second_factor_step != "totp_setup") return http::Response::redirect("/log-ind/totp");
        return totp_setup_page(context, request, "/log-ind/totp-opsaetning", s.pending_tenant, s.pending_user_id);
      },
      {.name = "login.totp_setup_form", .policy = "second_factor"});
  router.add("POST", "/log-ind/totp-opsaetning", submit, {.name = "login.totp_setup_submit", .policy = "second_factor"});
}

}  // namespace samspil::web
