// /moeder/svar/{token}: the signed single-use link in an invitation, for people without an
// account (network persons) and anyone answering from the mail. GET shows two buttons (a
// GET never answers: mail scanners follow links); POST answers once. The token is not
// personal data; only its SHA-256 is stored.
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/meetings.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/meeting_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

constexpr auto kWorker = http::Execution::worker_pool;

http::Response page(const WebContext& ctx, http::Request& request, const std::string& token,
                    const service::TokenResponse* done, bool gone) {
  const auto& t = ctx.views;
  return no_store(ctx.views.render(
      request, {.title = t.t("meetings_link_title"), .body_template = "meetings/respond_link.tpl", .status = gone ? 404 : 200},
      [&](ctemplate::TemplateDictionary& body) {
        if (done != nullptr) {
          auto* d = body.AddSectionDictionary("DONE");
          d->SetValue("answer", response_label(t, done->response));
          d->SetValue("when", done->starts_at_ms ? danish_time(done->starts_at_ms) : "");
        } else if (gone) {
          body.ShowSection("GONE");
        } else {
          auto* ask = body.AddSectionDictionary("ASK");
          ask->SetValue("token", token);
          ask->SetValue("csrf_token", state(request).csrf_token);
        }
      }));
}

}  // namespace

void add_meeting_response_link_routes(http::Router& router, const WebContext& context) {
  router.add(
      "GET", "/moeder/svar/{id}",
      [&context](http::Request& r) {
        // An unknown or used link says so at once (404), before anyone presses a button.
        const auto& token = r.params.at("id");
        const bool open = context.services.meetings.token_is_open(token);
        return page(context, r, token, nullptr, !open);
      },
      {.name = "meetings.link.form", .policy = "public", .execution = kWorker});
  router.add(
      "POST", "/moeder/svar/{id}",
      [&context](http::Request& r) {
        const auto form = read_form(r);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& token = r.params.at("id");
        auto& meetings = context.services.meetings;
        if (!meetings.token_is_open(token)) return page(context, r, token, nullptr, true);
        try {
          const auto done = meetings.respond_by_token(token, form->trimmed("response"), context.now_ms());
          return page(context, r, token, &done, false);
        } catch (const service::NotFound&) {
          return page(context, r, token, nullptr, true);
        } catch (const service::Invalid&) {
          return page(context, r, token, nullptr, false);
        }
      },
      {.name = "meetings.link.respond", .policy = "public", .execution = kWorker});
}

}  // namespace samspil::web
