#pragma once
#include <CLI/CLI.hpp>

namespace samspil::app {

// `samspil jobs probe|work|status`: check the background queue end to end, run workers,
// and print the queue's counts by state as JSON.
void add_jobs_commands(CLI::App& app);

}  // namespace samspil::app
