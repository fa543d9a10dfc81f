// The samspil program: sub-commands only; everything else lives in app/.
#include "app/allocator.hpp"
#include "app/main_command.hpp"

int main(int argc, char** argv) {
  samspil::app::tune_allocator();
  return samspil::app::run_main(argc, argv);
}
