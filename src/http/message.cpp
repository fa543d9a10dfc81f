// Request/response helpers. No Beast here, so everything in this file is cheap to compile
// and usable from handlers and tests.
#include "http/message.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace samspil::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view in, bool plus_as_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return std::nullopt;
      int hi = hex_value(in[i + 1]);
      int lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      if (c == '\0') return std::nullopt;
      i += 2;
    } else if (c == '+' && plus_as_space) {
      c = ' ';
    }
    out.push_back(c);
  }
  return out;
}

std::string Request::header(std::string_view name) const {
  std::string key(name);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto it = headers.find(key);
  return it == headers.end() ? std::string() : it->second;
}

std::string Request::query_param(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    std::size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    std::size_t eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    if (!key || *key != name) continue;
    if (eq == std::string_view::npos) return {};
    auto value = percent_decode(pair.substr(eq + 1), true);
    return value ? *value : std::string();
  }
  return {};
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [n, v] : headers) {
    if (iequals(n, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string Response::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (iequals(n, name)) return v;
  return {};
}

bool Response::has_header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (iequals(n, name)) return true;
  return false;
}

std::string_view Response::body_view() const {
  return shared_body ? std::string_view(*shared_body) : std::string_view(body);
}

namespace {

// A response with a body of one content type: what text(), json() and html() share.
Response with_body(int status, const char* content_type, std::string body) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", content_type);
  r.body = std::move(body);
  return r;
}

}  // namespace

Response Response::event_stream(std::shared_ptr<StreamChannel> channel) {
  Response r;
  r.status = 200;
  r.headers.emplace_back("Content-Type", "text/event-stream; charset=utf-8");
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("X-Accel-Buffering", "no");
  r.stream = std::move(channel);
  return r;
}

bool StreamChannel::write(std::string_view chunk) {
  bool overflow = false;
  {
    std::lock_guard lock(m_mutex);
    if (m_closed) return false;
    if (m_pending.size() + chunk.size() > m_max_pending) {
      // A reader this far behind is gone or hostile; ending its stream bounds memory.
      m_closed = true;
      m_pending.clear();
      overflow = true;
    } else {
      m_pending.append(chunk);
    }
  }
  wake();
  return !overflow;
}

void StreamChannel::close() {
  {
    std::lock_guard lock(m_mutex);
    if (m_closed) return;
    m_closed = true;
  }
  wake();
}

bool StreamChannel::closed() const {
  std::lock_guard lock(m_mutex);
  return m_closed;
}

void StreamChannel::set_waker(std::function<void()> waker) {
  std::lock_guard lock(m_mutex);
  m_waker = std::move(waker);
}

std::string StreamChannel::take(bool& finished) {
  std::lock_guard lock(m_mutex);
  std::string out;
  out.swap(m_pending);
  finished = m_closed && out.empty();
  return out;
}

void StreamChannel::wake() {
  std::function<void()> waker;
  {
    std::lock_guard lock(m_mutex);
    waker = m_waker;
  }
  if (waker) waker();
}

Response Response::text(int status, std::string body) {
  return with_body(status, "text/plain; charset=utf-8", std::move(body));
}

Response Response::json(int status, std::string body) {
  return with_body(status, "application/json", std::move(body));
}

Response Response::html(int status, std::string body) {
  return with_body(status, "text/html; charset=utf-8", std::move(body));
}

Response Response::problem(int status, std::string_view title, std::string_view detail) {
  nlohmann::json doc = {{"type", "about:blank"},
                        {"title", std::string(title)},
                        {"status", status},
                        {"detail", std::string(detail)}};
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/problem+json");
  // Replacement on invalid UTF-8 keeps a bad byte in a detail from turning into a throw.
  r.body = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
  }
}

}  // namespace samspil::http
