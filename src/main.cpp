// The samspil program: sub-commands only; everything else lives in app/.
#include "app/main_command.hpp"

int main(int argc, char** argv) { return samspil::app::run_main(argc, argv); }
