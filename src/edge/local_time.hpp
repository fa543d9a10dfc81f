#pragma once
// Dates and times as people type them (Copenhagen local time) read into UTC milliseconds;
// the meeting pages and the API share them.
#include <cstdint>
#include <optional>
#include <string>

namespace samspil::edge {

// "2026-12-03" + "09:30" in Copenhagen time -> UTC ms; nullopt when malformed.
std::optional<std::int64_t> parse_local_time(const std::string& date, const std::string& time);
// "2027-03-01" -> 16:00 Copenhagen time that day (ms); nullopt for "" or a bad date.
std::optional<std::int64_t> parse_due_date(const std::string& text);

}  // namespace samspil::edge
