// /min-profil: the signed-in user's own page: change the passphrase, set up or replace the
// TOTP second factor (the new secret is used only once a code from it is entered); set,
// fetch ("Hent nu") and remove one's imported free/busy calendar (service/meetings/free_busy; the
// URL is never shown back, only its host).
#include "edge/csrf.hpp"
#include "edge/flash.hpp"
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/identity/login.hpp"
#include "service/identity/totp_factor.hpp"
#include "service/meetings/free_busy.hpp"
#include "web/cases_support.hpp"
#include "web/error_pages.hpp"
#include "web/login_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

std::string field(const std::map<std::string, std::string>& fields, const char* name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

void fill_free_busy(const WebContext& ctx, const http::Request& request, ctemplate::TemplateDictionary& body,
                    const std::string& kept_url) {
  const auto* feeds = ctx.free_busy;
  if (!feeds || !feeds->available()) {
    body.ShowSection("UNAVAILABLE");
    return;
  }
  body.ShowSection("AVAILABLE");
  body.SetValue("url_value", kept_url);
  const auto s = feeds->status(actor(request));
  if (!s.configured) {
    body.ShowSection("NONE");
    return;
  }
  body.ShowSection("CONFIGURED");
  body.SetValue("host", s.host);
  if (s.fetched_at_ms) body.SetValue("fetched", danish_time(*s.fetched_at_ms));
  if (s.attempted_at_ms) body.SetValue("attempted", danish_time(*s.attempted_at_ms));
  body.SetIntValue("busy_count", static_cast<long>(s.busy_count));
  if (s.status == "ok") {
    body.ShowSection("OK");
  } else if (s.status == "failed") {
    body.SetValue("error", s.error);
    body.ShowSection("FAILED");
    if (s.fetched_at_ms) body.ShowSection("LAST_GOOD");
  } else {
    body.ShowSection("NEVER");
  }
}


// The outcome of a fetch as a flash: Danish, never the URL.
std::string fetch_message(const WebContext& ctx, const service::free_busy::Status& s, const char* ok_key) {
  if (s.status == "ok") return ctx.views.t(ok_key);
  return ctx.views.t("freebusy_saved_failed") + ": " + s.error + ".";
}

http::Response render_profile(const WebContext& ctx, const http::Request& request, const FormErrors& errors,
                              const std::string& kept_url = "") {
  const service::Actor& a = actor(request);
  const auto credentials = ctx.services.accounts.credentials(a.tenant, a.user_id);
  return ctx.views.render(
      request,
      {.title = ctx.views.t("profile_title"),
       .body_template = "auth/profile.tpl",
       .breadcrumbs = {{ctx.views.t("nav_overview"), "/"}, {ctx.views.t("profile_title"), ""}},
       .has_errors = !errors.empty()},
      [&](ctemplate::TemplateDictionary& body) {
        fill_form_basics(body, request);
        fill_errors(body, errors);
        body.SetValue("name", a.display_name);
        body.SetValue("email", a.email);
        body.SetValue("role", std::string(service::role_label_da(a.role)));
        body.ShowSection(credentials && credentials->totp_enabled ? "TOTP_ON" : "TOTP_OFF");
        if (credentials && !credentials->password_hash.empty()) body.ShowSection("HAS_PASSWORD");
        fill_free_busy(ctx, request, body, kept_url);
      });
}

}  // namespace

void add_profile_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/min-profil", [&context](http::Request& request) { return render_profile(context, request, {}); },
      {.name = "profile.show", .policy = "signed_in"});

  router.add(
      "POST", "/min-profil/adgangskode",
      [&context](http::Request& request) {
        const auto fields = form_fields(request);
        try {
          context.services.accounts.change_password(actor(request), field(fields, "nuvaerende"),
                                                    field(fields, "adgangskode"), field(fields, "gentag"),
                                                    state(request).session_id_hash, context.now_ms());
        } catch (const service::Invalid& e) {
          return render_profile(context, request, e.fields);
        }
        flash(context, request, context.views.t("profile_password_changed"));
        return http::Response::redirect("/min-profil");
      },
      {.name = "profile.password", .policy = "signed_in"});

  router.add(
      "GET", "/min-profil/totp",
      [&context](http::Request& request) {
        const service::Actor& a = actor(request);
        return totp_setup_page(context, request, "/min-profil/totp", a.tenant, a.user_id);
      },
      {.name = "profile.totp_form", .policy = "signed_in"});

  router.add(
      "POST", "/min-profil/totp",
      [&context](http::Request& request) {
        if (!context.cipher) return error_page(context.views, request, 503, context.views.t("totp_no_key"));
        const service::Actor& a = actor(request);
        const auto fields = form_fields(request);
        std::string code;
        for (char c : field(fields, "kode")) {
          if (c != ' ' && c != '-') code += c;
        }
        const std::string sealed = field(fields, "sealed");
        using service::totp_factor::Verdict;
        const Verdict verdict = context.services.second_factor.confirm(*context.cipher, a.tenant, a.user_id, sealed,
                                                                       code, context.now_ms(), request.request_id);
        if (verdict != Verdict::ok) {
          const char* key = verdict == Verdict::locked    ? "login_error_locked"
                            : verdict == Verdict::expired ? "totp_error_expired"
                                                          : "totp_error_wrong";
          return totp_setup_retry(context, request, "/min-profil/totp", a.tenant, a.user_id, sealed,
                                  context.views.t(key));
        }
        flash(context, request, context.views.t("profile_totp_enabled"));
        return http::Response::redirect("/min-profil");
      },
      {.name = "profile.totp", .policy = "signed_in"});

  // The imported free/busy calendar: set (fetched at once, ~3 s at most), fetch now, remove.
  router.add(
      "POST", "/min-profil/ledig-optaget",
      [&context](http::Request& request) {
        if (!context.free_busy || !context.free_busy->available()) {
          return error_page(context.views, request, 503, context.views.t("freebusy_unavailable"));
        }
        const auto fields = form_fields(request);
        const std::string url = trim(field(fields, "url"));
        service::free_busy::Status s;
        try {
          s = context.free_busy->set(actor(request), url);
        } catch (const service::Invalid& e) {
          return render_profile(context, request, e.fields, url);
        }
        flash(context, request, fetch_message(context, s, "freebusy_saved_ok"));
        return http::Response::redirect("/min-profil#ledig-optaget");
      },
      {.name = "profile.freebusy.set", .policy = "signed_in", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/min-profil/ledig-optaget/hent",
      [&context](http::Request& request) {
        if (!context.free_busy || !context.free_busy->available()) {
          return error_page(context.views, request, 503, context.views.t("freebusy_unavailable"));
        }
        try {
          const auto s = context.free_busy->fetch_now(actor(request));
          flash(context, request, s.status == "ok" ? context.views.t("freebusy_fetched_ok")
                                                   : context.views.t("freebusy_status_failed") + ": " + s.error + ".");
        } catch (const service::NotFound&) {
          flash(context, request, context.views.t("freebusy_not_set"));
        }
        return http::Response::redirect("/min-profil#ledig-optaget");
      },
      {.name = "profile.freebusy.fetch", .policy = "signed_in", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/min-profil/ledig-optaget/fjern",
      [&context](http::Request& request) {
        if (context.free_busy && context.free_busy->remove(actor(request))) {
          flash(context, request, context.views.t("freebusy_removed"));
        }
        return http::Response::redirect("/min-profil#ledig-optaget");
      },
      {.name = "profile.freebusy.remove", .policy = "signed_in", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
