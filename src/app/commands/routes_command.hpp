#pragma once
// `samspil routes`: the served route table as JSON (method, pattern, name, policy).
#include <CLI/CLI.hpp>

namespace samspil::app {

// Adds the `routes` sub-command.
void add_routes_command(CLI::App& app);

}  // namespace samspil::app
