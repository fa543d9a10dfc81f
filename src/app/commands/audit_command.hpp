#pragma once
// `samspil audit verify`: checks every municipality's access-log hash chain.
#include <CLI/CLI.hpp>

namespace samspil::app {

// Adds the `audit` sub-command group (verify).
void add_audit_commands(CLI::App& app);

}  // namespace samspil::app
