#pragma once
#include <CLI/CLI.hpp>

namespace samspil::app {

// `samspil user add`: creates a staff user or guardian in a municipality.
void add_user_commands(CLI::App& app);

}  // namespace samspil::app
