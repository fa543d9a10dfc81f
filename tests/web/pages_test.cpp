// Error pages (HTML for pages, problem+json for /api/), the layout chrome, and hashed asset names.
#include <gtest/gtest.h>
#include <unistd.h>

#include "edge/request_state.hpp"
#include "shell_test_support.hpp"
#include "web/error_pages.hpp"

namespace samspil::web {
namespace {

http::Request request_for(std::string path) {
  http::Request r;
  r.method = "GET";
  r.path = std::move(path);
  r.request_id = "req-42";
  return r;
}

TEST(ErrorPages, PagesGetDanishHtmlInsideTheLayout) {
  const auto views = testing::make_views();
  const http::Response r = error_page(*views, request_for("/sager/abc"), 404);
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  EXPECT_NE(r.body.find("<title>Siden findes ikke - Samspil</title>"), std::string::npos);
  EXPECT_NE(r.body.find("<h1>Siden findes ikke</h1>"), std::string::npos);
  EXPECT_NE(r.body.find("Tilgængelighedserklæring"), std::string::npos);  // the footer
  EXPECT_EQ(r.body.find("req-42"), std::string::npos);  // request ids only on server errors
}

TEST(ErrorPages, ServerErrorsShowTheRequestId) {
  const auto views = testing::make_views();
  const http::Response r = error_page(*views, request_for("/"), 500);
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("Der opstod en fejl i Samspil"), std::string::npos);
  EXPECT_NE(r.body.find("<code>req-42</code>"), std::string::npos);
}

TEST(ErrorPages, ForbiddenWithADetail) {
  const auto views = testing::make_views();
  const http::Response r = error_page(*views, request_for("/admin"), 403, "Kun administratorer <b>må</b> det.");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("Du har ikke adgang til siden"), std::string::npos);
  EXPECT_NE(r.body.find("Kun administratorer &lt;b&gt;må&lt;/b&gt; det."), std::string::npos);
}

TEST(ErrorPages, UnknownStatusesUseTheirClassText) {
  const auto views = testing::make_views();
  EXPECT_NE(error_page(*views, request_for("/"), 418).body.find("Forespørgslen kunne ikke behandles"),
            std::string::npos);
  EXPECT_NE(error_page(*views, request_for("/"), 502).body.find("Der opstod en fejl i Samspil"), std::string::npos);
}

TEST(ErrorPages, ApiPathsGetProblemJson) {
  const auto views = testing::make_views();
  const http::Response r = error_page(*views, request_for("/api/v1/cases/x"), 404);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.header("Content-Type"), "application/problem+json");
  EXPECT_NE(r.body.find("\"title\":\"Siden findes ikke\""), std::string::npos);
  EXPECT_NE(r.body.find("\"status\":404"), std::string::npos);
  EXPECT_EQ(r.body.find("<html"), std::string::npos);
  EXPECT_TRUE(is_api_request(request_for("/api")));
  EXPECT_FALSE(is_api_request(request_for("/apiary")));
}

TEST(Layout, SignedInChromeShowsTheUserNavigationAndLogOut) {
  const auto views = testing::make_views();
  http::Request request = request_for("/sager/1");
  service::Actor actor;
  actor.display_name = "Lis <Leder>";
  actor.role = service::Role::administrator;
  state(request).actor = actor;
  state(request).csrf_token = "tok";
  state(request).flash = "Sagen er gemt";
  const http::Response r = views->render(
      request, {.title = "Sag", .body_template = "errors/error.tpl", .breadcrumbs = {{"Sager", "/sager"}, {"Sag", ""}}},
      nullptr);
  const std::string& html = r.body;
  EXPECT_NE(html.find("Lis &lt;Leder&gt;"), std::string::npos);
  EXPECT_NE(html.find("<form method=\"post\" action=\"/log-ud\""), std::string::npos);
  EXPECT_NE(html.find("name=\"csrf_token\" value=\"tok\""), std::string::npos);
  EXPECT_NE(html.find("href=\"/admin\""), std::string::npos);
  EXPECT_NE(html.find("<li class=\"active current\"><a href=\"/sager\" class=\"nav-link\" aria-current=\"page\">"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"/sager\" class=\"breadcrumbs__link\">Sager</a>"), std::string::npos);
  EXPECT_NE(html.find("role=\"status\""), std::string::npos);
  EXPECT_NE(html.find("Sagen er gemt"), std::string::npos);
  EXPECT_LT(html.find("class=\"skipnav\""), html.find("<header"));
}

TEST(Layout, GuardiansSeeOnlyTheParentPortal) {
  const auto views = testing::make_views();
  http::Request request = request_for("/foraeldre");
  service::Actor actor;
  actor.display_name = "Forælder";
  actor.role = service::Role::guardian;
  state(request).actor = actor;
  const std::string html = views->render(request, {.title = "X", .body_template = "errors/error.tpl"}, nullptr).body;
  EXPECT_NE(html.find("href=\"/foraeldre\""), std::string::npos);
  EXPECT_EQ(html.find("href=\"/sager\""), std::string::npos);
  EXPECT_EQ(html.find("href=\"/admin\""), std::string::npos);
}

// Views writes {{t_key}} into the templates at start-up (with_texts); the result must be the
// bytes ctemplate's own HTML autoescaping gives the same text as a value, in text and in a
// quoted attribute, for every Danish text and for the characters that need escaping.
std::string expand_string(const std::string& text, const std::string& value) {
  ctemplate::TemplateCache cache;
  EXPECT_TRUE(cache.StringToTemplateCache("t.tpl", text, ctemplate::DO_NOT_STRIP));
  ctemplate::TemplateDictionary dict("t");
  dict.SetValue("v", value);
  std::string out;
  EXPECT_TRUE(cache.ExpandWithData("t.tpl", ctemplate::DO_NOT_STRIP, &dict, nullptr, &out));
  return out;
}

TEST(Locale, TextsWrittenIntoTemplatesAreEscapedAsCtemplateWould) {
  const auto views = testing::make_views();
  Views::Messages messages = views->messages();
  messages["test_tricky"] = "<b>\"Fejl\" & 'mere'</b>\r\n\tslut æøå";
  ASSERT_GT(messages.size(), 100u);
  const std::string pragma = "{{%AUTOESCAPE context=\"HTML\"}}";
  for (const auto& [key, text] : messages) {
    const std::string at_run_time = expand_string(pragma + "<p title=\"{{v}}\">{{v}}</p>", text);
    const std::string written =
        expand_string(Views::with_texts(pragma + "<p title=\"{{t_" + key + "}}\">{{t_" + key + "}}</p>", messages), "");
    EXPECT_EQ(written, at_run_time) << key;
  }
}

TEST(Locale, UnknownKeysAndTextsWithMarkupAreLeftToCtemplate) {
  const Views::Messages messages{{"known", "Kendt"}, {"markup", "a {{b}}"}};
  EXPECT_EQ(Views::with_texts("<p>{{t_known}} {{t_unknown}} {{t_markup}} {{x}}</p>{{t_known}}", messages),
            "<p>Kendt {{t_unknown}} {{t_markup}} {{x}}</p>Kendt");
  EXPECT_EQ(Views::with_texts("{{t_known", messages), "{{t_known");
}

TEST(Assets, HashedNamesFromTheManifest) {
  const auto views = testing::make_views(R"({"css/samspil.css": "css/samspil.0123abcd.css"})");
  EXPECT_EQ(views->asset_url("css/samspil.css"), "/static/css/samspil.0123abcd.css");
  EXPECT_EQ(views->asset_url("js/samspil.js"), "/static/js/samspil.js");
  const std::string html = views->render(request_for("/"), {.title = "X", .body_template = "errors/error.tpl"}, nullptr).body;
  EXPECT_NE(html.find("href=\"/static/css/samspil.0123abcd.css\""), std::string::npos);
}

TEST(Assets, AMissingHashedCopyFallsBackToThePlainName) {
  const auto views = testing::make_views(R"({"js/samspil.js": "js/samspil.89abcdef.js"})");
  EXPECT_EQ(views->asset_url("js/samspil.js"), "/static/js/samspil.js");
}

TEST(Assets, PlainNamesWithoutAManifestAndABrokenOneIsRefused) {
  const auto views = testing::make_views();
  EXPECT_EQ(views->asset_url("css/samspil.css"), "/static/css/samspil.css");
  EXPECT_THROW(testing::make_views("{not json"), std::runtime_error);
}

}  // namespace
}  // namespace samspil::web
