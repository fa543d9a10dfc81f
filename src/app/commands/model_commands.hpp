#pragma once
#include <CLI/CLI.hpp>

namespace samspil::app {

// `samspil model check FILE...`: validates collaboration model files; prints one OK line per
// valid file, or every error as FILE:LINE:COL: message, and exits 1 if any file is invalid.
void add_model_commands(CLI::App& app);

}  // namespace samspil::app
