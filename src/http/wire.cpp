// Response serialisation. Header names and values from handlers are checked for CR, LF and
// NUL so that nothing a handler echoes can split the response (header injection).
#include "http/wire.hpp"

#include <array>
#include <charconv>
#include <ctime>

#include <fmt/format.h>

namespace samspil::http {
namespace {

bool clean(std::string_view s) {
  for (char c : s)
    if (c == '\r' || c == '\n' || c == '\0') return false;
  return true;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// "Date: Sun, 22 Nov 2026 22:51:45 GMT\r\n", formatted once per second per thread.
std::string_view date_header() {
  thread_local std::time_t cached = 0;
  thread_local std::array<char, 64> text{};
  thread_local std::size_t len = 0;
  std::time_t now = std::time(nullptr);
  if (now != cached) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    len = std::strftime(text.data(), text.size(), "Date: %a, %d %b %Y %H:%M:%S GMT\r\n", &tm);
    cached = now;
  }
  return {text.data(), len};
}

void append_header(std::string& out, std::string_view name, std::string_view value) {
  out.append(name);
  out.append(": ");
  out.append(value);
  out.append("\r\n");
}

void append_number(std::string& out, std::size_t n) {
  std::array<char, 24> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  out.append(buf.data(), end);
}

}  // namespace

bool serialize_head(std::string& out, const Response& r, const WireOptions& o, const HeaderList* extra_defaults) {
  out.clear();
  out.append("HTTP/1.1 ");
  append_number(out, static_cast<std::size_t>(r.status));
  out.push_back(' ');
  out.append(reason_phrase(r.status));
  out.append("\r\n");
  out.append(date_header());

  bool has_nosniff = false, has_referrer = false, has_frame = false, has_csp = false;
  std::string_view declared_length;
  for (const auto& [name, value] : r.headers) {
    if (!clean(name) || !clean(value) || name.empty()) continue;
    // The server owns framing: these come from the message, never from a handler.
    if (iequals(name, "Content-Length")) {
      declared_length = value;
      continue;
    }
    if (iequals(name, "Connection") || iequals(name, "Transfer-Encoding") ||
        iequals(name, "X-Request-Id"))
      continue;
    if (iequals(name, "X-Content-Type-Options")) has_nosniff = true;
    else if (iequals(name, "Referrer-Policy")) has_referrer = true;
    else if (iequals(name, "X-Frame-Options")) has_frame = true;
    else if (iequals(name, "Content-Security-Policy")) has_csp = true;
    append_header(out, name, value);
  }
  if (!has_nosniff) out.append("X-Content-Type-Options: nosniff\r\n");
  if (!has_referrer) out.append("Referrer-Policy: no-referrer\r\n");
  if (!has_frame) out.append("X-Frame-Options: DENY\r\n");
  if (!has_csp) append_header(out, "Content-Security-Policy", default_csp);
  if (extra_defaults) {
    for (const auto& [name, value] : *extra_defaults) {
      if (!r.has_header(name)) append_header(out, name, value);
    }
  }
  if (!o.request_id.empty()) append_header(out, "X-Request-Id", o.request_id);

  bool bodiless_status = (r.status >= 100 && r.status < 200) || r.status == 204 || r.status == 304;
  // A streamed body is delimited by closing the connection (the session sends it with
  // keep-alive off), so it has no Content-Length.
  if (!bodiless_status && !r.stream) {
    out.append("Content-Length: ");
    std::size_t length = r.body_view().size();
    if (o.head_request && !declared_length.empty()) {
      std::size_t parsed = 0;
      auto [p, ec] = std::from_chars(declared_length.data(),
                                     declared_length.data() + declared_length.size(), parsed);
      if (ec == std::errc() && p == declared_length.data() + declared_length.size())
        length = parsed;
    }
    append_number(out, length);
    out.append("\r\n");
  }
  if (!o.keep_alive) out.append("Connection: close\r\n");
  else if (o.http10) out.append("Connection: keep-alive\r\n");
  out.append("\r\n");
  return !o.head_request && !bodiless_status;
}

}  // namespace samspil::http
