#include "app/commands/calendar_command.hpp"

#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli_support.hpp"
#include "calendar/ical.hpp"

namespace samspil::app {

namespace {

using json = nlohmann::ordered_json;

json to_json(const calendar::Parsed& p) {
  json out;
  out["method"] = p.method;
  out["uid"] = p.uid;
  out["sequence"] = p.sequence;
  out["summary"] = p.summary;
  out["tzid"] = p.tzid;
  out["start_ms"] = p.start_ms;
  out["end_ms"] = p.end_ms;
  out["status"] = p.status;
  out["has_vtimezone"] = p.has_vtimezone;
  out["attendee_emails"] = p.attendee_emails;
  return out;
}

}  // namespace

void add_calendar_commands(CLI::App& app) {
  CLI::App* calendar = app.add_subcommand("calendar", "iCalendar tools");
  calendar->require_subcommand(1);
  CLI::App* parse = calendar->add_subcommand(
      "parse", "Read an invitation (.ics) from stdin and print method, UID, SEQUENCE, times (UTC ms) and attendees as JSON");
  parse->callback([] {
    const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    try {
      std::cout << to_json(calendar::parse_invitation(text)).dump() << '\n';
    } catch (const calendar::ParseError& e) {
      throw CommandError(std::string("ikke en gyldig kalenderinvitation: ") + e.what());
    }
  });
}

}  // namespace samspil::app
