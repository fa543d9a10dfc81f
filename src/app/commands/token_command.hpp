#pragma once
#include <CLI/CLI.hpp>

namespace samspil::app {

// `samspil token create|list|revoke`: API tokens for integrations.
void add_token_commands(CLI::App& app);

}  // namespace samspil::app
