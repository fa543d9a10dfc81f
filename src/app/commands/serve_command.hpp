#pragma once
#include <CLI/CLI.hpp>

namespace samspil::app {

// `samspil serve`: the HTTP server with its background job workers.
void add_serve_command(CLI::App& app);

}  // namespace samspil::app
