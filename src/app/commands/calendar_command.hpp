#pragma once
#include <CLI/CLI.hpp>

namespace samspil::app {

// `samspil calendar parse`: reads an .ics from stdin and prints what the invitation says as
// one JSON object (used by the e2e tests on what reached the SMTP server).
void add_calendar_commands(CLI::App& app);

}  // namespace samspil::app
