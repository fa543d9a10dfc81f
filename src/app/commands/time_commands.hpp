#pragma once
#include <CLI/CLI.hpp>

namespace samspil::app {

// `samspil deadlines` (a meeting's obligations with due times) and `samspil slots` (free
// meeting times for a set of busy calendars), both printing JSON on stdout.
void add_time_commands(CLI::App& app);

}  // namespace samspil::app
