#pragma once
// Plain request/response values that the rest of the program sees. Beast stays inside
// src/http/*.cpp (one Beast translation unit costs ~28 s to compile; TOOLCHAIN.md).
#include <any>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samspil::http {

struct Request {
  std::string method;      // "GET", "POST", …
  std::string target;      // raw target, e.g. "/sager/abc?side=2"
  std::string path;        // decoded path without the query, e.g. "/sager/abc"
  std::string query;       // raw query string without '?'
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string remote_address;  // peer IP, for throttling; never logged with personal data
  std::string request_id;      // set by the server before any middleware runs
  std::map<std::string, std::string> params;  // path parameters filled by the router
  std::string route_name;  // the matched route's name ("" if none); used in metrics/logs
  std::string route_policy;  // the matched route's policy ("" if none); read by middleware
  // Per-request state of the layers above http (web/: the signed-in actor, CSRF token,
  // flash). http itself never reads it.
  std::any context;

  // Returns the header value or "" (name in any case).
  std::string header(std::string_view name) const;
  // Returns the decoded query parameter or "".
  std::string query_param(std::string_view name) const;
};

// A response body produced over time (server-sent events). Handlers and publishers write
// chunks from any thread; the connection sends them as they come, with "Connection: close"
// and no Content-Length, until the stream is closed, the client goes away or the server
// stops. A client that does not read is cut off once max_pending bytes wait.
class StreamChannel {
 public:
  explicit StreamChannel(std::size_t max_pending = 1024 * 1024) : m_max_pending(max_pending) {}
  // Queues a chunk; false (and nothing queued) once the stream is closed.
  bool write(std::string_view chunk);
  // Ends the stream after the chunks already queued.
  void close();
  // True once closed by either side.
  bool closed() const;
  // Server side: called (outside the lock) whenever a chunk is queued or the stream closes.
  void set_waker(std::function<void()> waker);
  // Server side: moves the queued bytes out; `finished` is set when closed and drained.
  std::string take(bool& finished);

 private:
  void wake();
  mutable std::mutex m_mutex;
  std::string m_pending;
  std::size_t m_max_pending;
  bool m_closed = false;
  std::function<void()> m_waker;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // An immutable shared body (static files): when set it is sent instead of `body`, so a
  // cached file is never copied per request.
  std::shared_ptr<const std::string> shared_body;
  // When set, the body is streamed from this channel instead (see StreamChannel).
  std::shared_ptr<StreamChannel> stream;

  // Sets a header, replacing an existing one of the same name (any case).
  void set_header(std::string name, std::string value);
  std::string header(std::string_view name) const;
  // True when a header of this name (any case) is present.
  bool has_header(std::string_view name) const;
  // The bytes that will be sent as the body (shared_body when set, else body).
  std::string_view body_view() const;

  // A text/plain; charset=utf-8 response.
  static Response text(int status, std::string body);
  // An application/json response.
  static Response json(int status, std::string body);
  // A text/html; charset=utf-8 response.
  static Response html(int status, std::string body);
  // RFC 9457 problem document with a Danish detail.
  static Response problem(int status, std::string_view title, std::string_view detail);
  // A text/event-stream response fed by `channel` (no-store, not buffered by proxies).
  static Response event_stream(std::shared_ptr<StreamChannel> channel);
  // A redirect (303 See Other by default: post-redirect-get).
  static Response redirect(std::string location, int status = 303);
};

// Decodes %XX escapes (and '+' as space when plus_as_space); nullopt on a malformed escape
// or a decoded NUL byte, which no legitimate path or parameter contains.
std::optional<std::string> percent_decode(std::string_view in, bool plus_as_space);
// The standard reason phrase for a status code ("OK", "Not Found", …).
std::string_view reason_phrase(int status);

}  // namespace samspil::http
