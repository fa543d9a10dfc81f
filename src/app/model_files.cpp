#include "app/model_files.hpp"

#include <algorithm>
#include <filesystem>
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

service::ModelRegistry load_model_registry(const std::filesystem::path& data_dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir / "models", ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<domain::LoadResult> loaded;
  loaded.reserve(files.size());
  for (const auto& file : files) loaded.push_back(load_model_from_disk(file.string()));
  return service::ModelRegistry::of_loaded(std::move(loaded));
}

}  // namespace samspil::app
