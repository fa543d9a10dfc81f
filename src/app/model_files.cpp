#include "app/model_files.hpp"

#include <fstream>
#include <sstream>

namespace samspil::app {

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  // A directory opens on Linux but fails on read; treat it as unreadable.
  if (in.bad()) return std::nullopt;
  return text.str();
}

domain::LoadResult load_model_from_disk(const std::string& path) {
  return domain::load_model(path, read_text_file);
}

}  // namespace samspil::app
