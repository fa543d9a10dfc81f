#pragma once
#include <CLI/CLI.hpp>

namespace samspil::app {

// `samspil migrate`: applies pending migrations and prints what it did.
void add_migrate_command(CLI::App& app);
// `samspil demo`: migrates and creates "Demo Kommune" with its log-ins.
void add_demo_command(CLI::App& app);

}  // namespace samspil::app
