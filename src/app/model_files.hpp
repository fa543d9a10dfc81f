#pragma once
// The one place where collaboration model files are read from disk; domain/ gets the text
// through the ReadFile it is handed, so the loader itself stays free of I/O.
#include <optional>
#include <string>

#include "domain/model.hpp"
#include "service/base/model_registry.hpp"

namespace samspil::app {

// Reads a whole file (a model, or a command's JSON input); nullopt when it cannot be
// opened or read.
std::optional<std::string> read_text_file(const std::string& path);

// Loads and validates the model at path and every file it includes, from disk.
domain::LoadResult load_model_from_disk(const std::string& path);

// Every data_dir/models/*.yaml (in name order) as the installation's registry; a file that
// does not validate is left out and named in the registry's errors().
service::ModelRegistry load_model_registry(const std::filesystem::path& data_dir);

}  // namespace samspil::app
