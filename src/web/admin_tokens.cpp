// /admin/tokens: list, create and revoke API tokens. A new token is shown once on the page
// that answers the POST (never in a redirect URL); the response is no-store.
#include "edge/request_state.hpp"
#include "service/identity/api_tokens.hpp"
#include "service/people/people.hpp"
#include "web/admin_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

namespace tokens = service::api_tokens;

http::Response show(const WebContext& ctx, http::Request& request, const service::FieldErrors& errors,
                    const FormData* posted, const std::string& new_secret) {
  const auto& t = ctx.views;
  const auto& who = actor(request);
  const std::int64_t now = ctx.now_ms();
  std::vector<Option> users{{"", t.t("admin_tokens_user")}};
  std::string cursor;
  // Staff only: tokens are for integrations acting as an employee (service refuses guardians).
  for (int pages = 0; pages < 20; ++pages) {
    const auto page = ctx.services.directory.list_users(who, {"", "", cursor, 200}, now);
    for (const auto& u : page.users) {
      if (u.role != "guardian" && !u.disabled) users.push_back({u.id, u.display_name + " (" + u.email + ")"});
    }
    if (page.next_cursor.empty()) break;
    cursor = page.next_cursor;
  }
  Form form(request, errors, posted);
  form.select({.name = "user_id", .label = t.t("admin_tokens_user"), .options = users})
      .text({.name = "label", .label = t.t("admin_tokens_label")})
      .text({.name = "expires_at", .label = t.t("admin_tokens_expires"), .hint = t.t("admin_tokens_expires_hint"),
             .type = "date", .width_class = "input-width-s", .optional = true});
  const auto list = ctx.services.tokens.list(who, "", 200);
  http::Response r = ctx.views.render(
      request,
      {.title = new_secret.empty() ? t.t("admin_tokens") : t.t("admin_tokens_shown_once_title"),
       .body_template = "admin/tokens.tpl",
       .breadcrumbs = {{t.t("admin_title"), "/admin"}, {t.t("admin_tokens"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        form.fill(body, ctx.views);
        if (!new_secret.empty()) body.SetValueAndShowSection("secret", new_secret, "NEW_TOKEN");
        if (list.empty()) body.ShowSection("EMPTY");
        for (const auto& tok : list) {
          auto* row = body.AddSectionDictionary("TOKEN");
          row->SetValue("label", tok.label);
          row->SetValue("user", tok.user_name);
          row->SetValue("expires", tok.expires_at_ms ? tokens::expiry_date(*tok.expires_at_ms) : t.t("admin_tokens_never"));
          const bool expired = tok.expires_at_ms && *tok.expires_at_ms <= now;
          row->SetValue("status", t.t(tok.revoked_at_ms ? "admin_tokens_revoked"
                                                        : (expired ? "admin_tokens_expired" : "admin_tokens_active")));
          if (!tok.revoked_at_ms) row->SetValueAndShowSection("revoke_action", "/admin/tokens/" + tok.id + "/tilbagekald", "REVOKE");
        }
      });
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void add_admin_token_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/admin/tokens", [&context](http::Request& request) { return show(context, request, {}, nullptr, ""); },
      {.name = "admin.tokens", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/admin/tokens",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return admin::bad_form();
        tokens::NewToken input{form->trimmed("user_id"), form->trimmed("label"), std::nullopt};
        if (const std::string date = form->trimmed("expires_at"); !date.empty()) {
          input.expires_at_ms = tokens::expiry_from_date(date);
          if (!input.expires_at_ms) {
            return show(context, request, {{"expires_at", context.views.t("admin_invalid_date")}}, &*form, "");
          }
        }
        try {
          const auto created = context.services.tokens.create(actor(request), input, context.now_ms());
          // Shown once, on this answer: a fresh, empty form below it.
          return show(context, request, {}, nullptr, created.secret);
        } catch (const service::Invalid& e) {
          return show(context, request, e.fields, &*form, "");
        }
      },
      {.name = "admin.tokens.create", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/admin/tokens/{id}/tilbagekald",
      [&context](http::Request& request) {
        context.services.tokens.revoke(actor(request), request.params.at("id"), context.now_ms());
        return admin::done(context, request, "/admin/tokens", context.views.t("admin_tokens_revoked_flash"));
      },
      {.name = "admin.tokens.revoke", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
