// The front page. The full page shell (DKFDS layout, templates, log-in) comes with the
// web-interface and identity issues; until then this page says what the program is.
#include "web/routes.hpp"

namespace samspil::web {

namespace {

constexpr const char* kHomePage = R"(<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samspil</title>
<link rel="stylesheet" href="/static/vendor/dkfds/css/dkfds.min.css">
<link rel="stylesheet" href="/static/css/samspil.css">
</head>
<body>
<div class="container">
<main id="main-content">
<h1>Samspil</h1>
<p class="font-lead">Tværfagligt samarbejde om børn og unge: dagtilbud, skole, PPR, sundhedspleje, socialrådgivere &ndash; og forældrene og barnet som ligeværdige parter.</p>
</main>
</div>
</body>
</html>
)";

}  // namespace

void add_routes(http::Router& router) {
  router.add("GET", "/", [](http::Request&) { return http::Response::html(200, kHomePage); },
             {.name = "home", .policy = "public", .execution = http::Execution::io_thread});
}

}  // namespace samspil::web
