#pragma once
// The one outbound HTTP client (libcurl) for OpenID Connect, imported free/busy calendars
// and the records export: http and https only, no signals, a connect and a total timeout
// and a cap on the answer's size on every request; redirects only when the caller allows
// some. Callers decide which URLs they accept and what a failure means to their users.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace samspil::net {

// One part of a multipart/form-data POST.
struct Part {
  std::string name;
  std::string file_name;  // "" for a plain field
  std::string content_type;
  std::string data;
};

struct Request {
  std::string url;
  std::vector<std::string> headers = {};  // "Accept: application/json"
  std::string form_body = {};             // when set: POST application/x-www-form-urlencoded
  std::vector<Part> parts = {};           // when set: POST multipart/form-data
  std::string basic_user = {};            // when set: HTTP Basic authentication
  std::string basic_password = {};
  std::string user_agent = {};
  bool accept_compressed = false;  // Accept-Encoding: every encoding libcurl decodes
};

struct Limits {
  long connect_timeout_ms = 5'000;
  long total_timeout_ms = 10'000;
  std::size_t max_body_bytes = 512 * 1024;
  long max_redirects = 0;  // 0: a redirect is the answer, it is not followed
};

struct Response {
  long status = 0;
  std::string body;
};

// Why a transfer did not complete.
enum class Failure { timed_out, host_not_found, cannot_connect, scheme_refused, too_many_redirects, too_large, tls, other };

// A transfer that did not complete (an HTTP error status is a Response, not an Error).
// what() is libcurl's short text, which never holds the URL.
class Error : public std::runtime_error {
 public:
  Error(Failure failure, const std::string& text) : std::runtime_error(text), m_failure(failure) {}
  Failure failure() const { return m_failure; }

 private:
  Failure m_failure;
};

// Sends the request within the limits; throws Error when the transfer fails.
Response send(const Request& request, const Limits& limits);

}  // namespace samspil::net
