#include "source_dir.hpp"

namespace samspil::test {

const std::string& source_dir() {
  static const std::string dir = SAMSPIL_SOURCE_DIR;
  return dir;
}

}  // namespace samspil::test
