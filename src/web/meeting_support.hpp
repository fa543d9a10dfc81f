#pragma once
// Shared by the meeting pages: the meetings configuration from the web context, Danish
// labels for answers/statuses, and reading a local date + time field pair.
#include <cstdint>
#include <optional>
#include <string>

#include "http/message.hpp"
#include "service/meetings.hpp"
#include "web/context.hpp"

namespace samspil::web {

// The meetings service configuration (models, base URL) from the context.
service::MeetingsConfig meetings_config(const WebContext& context);
// "Afventer svar" / "Deltager" / "Deltager ikke".
std::string response_label(const Views& views, const std::string& response);
// "Indkaldt" / "Holdt" / "Aflyst" …
std::string status_label(const Views& views, const std::string& status);
// "2026-12-03" + "09:30" in Copenhagen time → UTC ms; nullopt when malformed.
std::optional<std::int64_t> parse_local_time(const std::string& date, const std::string& time);
// Marks a response as personal data: never cached.
http::Response no_store(http::Response response);
// Sets a one-time flash message on the session (no-op without one).
void meeting_flash(const WebContext& context, const http::Request& request, const std::string& message);

}  // namespace samspil::web
