#pragma once
// The checkout the tests read (migrations, models, templates, locale, scripts).
#include <string>

namespace samspil::test {

// The absolute path of the source tree this build was configured from. It is compiled into
// one file only (source_dir.cpp), not passed to every test file as a -D: a definition that
// differs per clone made every test file a compiler-cache miss in a fresh clone.
const std::string& source_dir();

}  // namespace samspil::test
