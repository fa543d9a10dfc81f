// /min-profil/kalender: a personal iCalendar feed of one's meetings — create (the URL with
// its token is shown ONCE on the POST answer, no-store) and revoke. GET /kalender/{token}.ics
// is public: the token is the credential; an unknown or revoked token is 404.
#include "edge/request_state.hpp"
#include "service/meetings/calendar_feeds.hpp"
#include "web/cases_support.hpp"
#include "web/meeting_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

constexpr auto kWorker = http::Execution::worker_pool;

http::Response page(const WebContext& ctx, http::Request& request, const std::string& new_url) {
  const auto& t = ctx.views;
  const auto status = ctx.services.calendar_subscriptions.status(actor(request));
  return no_store(ctx.views.render(
      request,
      {.title = t.t("meetings_feed_title"),
       .body_template = "meetings/calendar_feed.tpl",
       .breadcrumbs = {{t.t("meetings_back_to_profile"), "/min-profil"}, {t.t("meetings_feed_title"), ""}}},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("csrf_token", state(request).csrf_token);
        if (!new_url.empty()) body.SetValueAndShowSection("url", new_url, "NEW_URL");
        if (status.active) {
          auto* a = body.AddSectionDictionary("ACTIVE");
          a->SetValue("created", danish_time(status.created_at_ms));
          a->SetValue("csrf_token", state(request).csrf_token);
        } else {
          body.ShowSection("NONE");
        }
      }));
}

}  // namespace

void add_calendar_feed_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/min-profil/kalender", [&context](http::Request& r) { return page(context, r, ""); },
      {.name = "profile.calendar", .policy = "signed_in", .execution = kWorker});
  router.add(
      "POST", "/min-profil/kalender",
      [&context](http::Request& r) {
        const auto token = context.services.calendar_subscriptions.create(actor(r), context.now_ms());
        return page(context, r, context.settings.public_base_url + "/kalender/" + token + ".ics");
      },
      {.name = "profile.calendar.create", .policy = "signed_in", .execution = kWorker});
  router.add(
      "POST", "/min-profil/kalender/tilbagekald",
      [&context](http::Request& r) {
        context.services.calendar_subscriptions.revoke(actor(r), context.now_ms());
        flash(context, r, context.views.t("meetings_feed_revoked"));
        return http::Response::redirect("/min-profil/kalender");
      },
      {.name = "profile.calendar.revoke", .policy = "signed_in", .execution = kWorker});
  router.add(
      "GET", "/kalender/{id}",
      [&context](http::Request& r) {
        std::string token = r.params.at("id");
        constexpr std::string_view kSuffix = ".ics";
        if (token.size() <= kSuffix.size() || token.substr(token.size() - kSuffix.size()) != kSuffix) {
          return http::Response::problem(404, "Ikke fundet", "Kalenderen findes ikke.");
        }
        token.resize(token.size() - kSuffix.size());
        const auto ics = context.services.calendar_subscriptions.render(token, context.now_ms());
        if (!ics) return http::Response::problem(404, "Ikke fundet", "Kalenderen findes ikke.");
        http::Response response = http::Response::text(200, *ics);
        response.set_header("Content-Type", "text/calendar; charset=utf-8");
        return no_store(std::move(response));
      },
      {.name = "calendar.feed", .policy = "public", .execution = kWorker});
}

}  // namespace samspil::web
