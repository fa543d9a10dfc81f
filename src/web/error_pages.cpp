#include "web/error_pages.hpp"

#include <array>
#include <exception>
#include <string>

#include "web/views.hpp"

namespace samspil::web {

namespace {

// The statuses with their own texts (locale keys error_<status>_heading/_text); any other
// status is shown with the texts of the nearest class (4xx → 400, 5xx → 500).
constexpr std::array kKnown{400, 401, 403, 404, 405, 409, 413, 429, 500, 503};

int text_status(int status) {
  for (int known : kKnown) {
    if (known == status) return status;
  }
  return status >= 400 && status < 500 ? 400 : 500;
}

}  // namespace

http::Response error_page(const Views& views, const http::Request& request, int status) {
  return error_page(views, request, status, {});
}

http::Response error_page(const Views& views, const http::Request& request, int status, std::string_view detail) {
  const std::string key = "error_" + std::to_string(text_status(status));
  const std::string& heading = views.t(key + "_heading");
  const std::string text = detail.empty() ? views.t(key + "_text") : std::string(detail);
  if (is_api_request(request)) {
    http::Response r = http::Response::problem(status, heading, text);
    r.set_header("Cache-Control", "no-store");
    return r;
  }
  try {
    http::Response r = views.render(
        request, {.title = heading, .body_template = "errors/error.tpl", .status = status},
        [&](ctemplate::TemplateDictionary& body) {
          body.SetValue("heading", heading);
          body.SetValue("text", text);
          body.SetValue("help", views.t(key + "_help"));
          if (!request.request_id.empty() && status >= 500) {
            body.SetValueAndShowSection("request_id", request.request_id, "REQUEST_ID");
          }
        });
    if (status == 401) r.set_header("WWW-Authenticate", "Bearer");
    return r;
  } catch (const std::exception&) {
    // Rendering an error page must not raise a second error; the caller already logs the first.
    return edge::bare_error_page(status);
  }
}

WebContext page_context(edge::Context shared, const Views& views) {
  shared.error_page = [&views](const http::Request& request, int status, std::string_view detail) {
    return error_page(views, request, status, detail);
  };
  return WebContext{std::move(shared), views};
}

}  // namespace samspil::web
