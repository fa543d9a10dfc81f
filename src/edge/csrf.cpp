#include "edge/csrf.hpp"

#include "edge/errors.hpp"
#include "edge/form_data.hpp"
#include "edge/multipart.hpp"
#include "edge/request_state.hpp"
#include "edge/session_middleware.hpp"

namespace samspil::edge {

std::map<std::string, std::string> form_fields(const http::Request& request) {
  // One parser for every form (web/forms.hpp): size, field-count, %-escape and UTF-8 checks.
  // A body it refuses yields no fields, so the CSRF check (and any form) fails closed.
  std::map<std::string, std::string> fields;
  if (const auto form = FormData::parse(request.body)) {
    for (const auto& [name, value] : form->fields()) fields.emplace(name, value);  // first value wins
  }
  return fields;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

http::Middleware csrf_middleware(const Context& context) {
  return [&context](http::Request& request, const http::Next& next) {
    const std::string& m = request.method;
    if (m == "GET" || m == "HEAD" || m == "OPTIONS") return next(request);
    const RequestState& s = state(request);
    if (s.actor && s.actor->via == service::Via::token) return next(request);
    // Signed in (or half-way): the session's token. Signed out: the CSRF cookie itself,
    // not a token the middleware may just have minted for this response.
    const std::string expected = !s.session_id_hash.empty()
                                     ? s.csrf_token
                                     : cookie_value(request, csrf_cookie_name(context.settings));
    std::string given = request.header("x-csrf-token");
    if (given.empty() && request.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0) {
      const auto fields = form_fields(request);
      if (auto it = fields.find("csrf_token"); it != fields.end()) given = it->second;
    }
    // File uploads (multipart/form-data) carry the token as an ordinary part.
    if (given.empty() && multipart_boundary(request.header("content-type"))) {
      if (const auto parts = read_multipart(request)) {
        if (const auto* part = find_part(*parts, "csrf_token")) given = part->data;
      }
    }
    if (expected.empty() || given.empty() || !constant_time_equal(expected, given)) {
      return error_response(context, request, 403,
                        "Formularen kunne ikke sendes, fordi sikkerhedsnøglen mangler eller er forkert. "
                        "Gå tilbage, genindlæs siden og prøv igen.");
    }
    return next(request);
  };
}

}  // namespace samspil::edge
