#pragma once
// Plain request/response values that the rest of the program sees. Beast stays inside
// src/http/*.cpp (one Beast translation unit costs ~28 s to compile; TOOLCHAIN.md).
#include <chrono>
#include <map>
#include <string>
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

  // Returns the header value or "" (name in any case).
  std::string header(std::string_view name) const;
  // Returns the decoded query parameter or "".
  std::string query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void set_header(std::string name, std::string value);
  std::string header(std::string_view name) const;

  static Response text(int status, std::string body);
  static Response json(int status, std::string body);
  static Response html(int status, std::string body);
  // RFC 9457 problem document with a Danish detail.
  static Response problem(int status, std::string_view title, std::string_view detail);
  static Response redirect(std::string location, int status = 303);
};

}  // namespace samspil::http
