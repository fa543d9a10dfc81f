#pragma once

namespace samspil::app {

// Parses the command line and runs the chosen sub-command; returns the exit code.
int run_main(int argc, char** argv);

}  // namespace samspil::app
