#pragma once
// JSON-lines logging for the HTTP layer: one access line per request and start/stop/error
// events, through a dedicated spdlog logger. Lines carry the route NAME, never the path,
// query, body, cookies or Authorization, since those may hold personal data.
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include <spdlog/spdlog.h>

namespace samspil::http {

// One finished request, as it goes into the access log.
struct AccessEntry {
  std::string_view request_id;
  std::string_view method;
  std::string_view route;  // route name; "unmatched" when none
  int status = 0;
  double duration_ms = 0;
  std::size_t bytes_out = 0;
};

// The logger named "access" from spdlog's registry; when none is registered, creates one
// that writes buffered to stdout (flushed every second and on warnings) so logging costs
// no system call per request.
std::shared_ptr<spdlog::logger> access_logger();
// Writes one access line.
void log_access(spdlog::logger& logger, const AccessEntry& entry);
// Writes an event line {"ts","level","event",<extra JSON members>}; extra_json is either
// empty or a comma-led list of members the caller has already escaped.
void log_event(spdlog::logger& logger, spdlog::level::level_enum level, std::string_view event,
               std::string_view extra_json = {});
// Escapes a string for a JSON string literal (without the quotes).
std::string json_escape(std::string_view in);

// True for an incoming X-Request-Id we accept as is: [A-Za-z0-9-]{8,64}.
bool valid_request_id(std::string_view id);
// A fresh random request id (32 hex digits).
std::string new_request_id();

}  // namespace samspil::http
