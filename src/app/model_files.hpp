#pragma once
// The one place where collaboration model files are read from disk; domain/ gets the text
// through the ReadFile it is handed, so the loader itself stays free of I/O.
#include <optional>
#include <string>

#include "domain/model.hpp"

namespace samspil::app {

// Reads a whole file (a model, or a command's JSON input); nullopt when it cannot be
// opened or read.
std::optional<std::string> read_text_file(const std::string& path);

// Loads and validates the model at path and every file it includes, from disk.
domain::LoadResult load_model_from_disk(const std::string& path);

}  // namespace samspil::app
