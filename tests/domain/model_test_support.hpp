#pragma once
// Helpers for the model tests: reading files from the source tree (tests may do I/O; the
// domain code may not, so the loader gets this as its ReadFile).
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "domain/model.hpp"
#include "source_dir.hpp"

namespace samspil::test {

inline std::string source_path(const std::string& relative) {
  return std::string(samspil::test::source_dir()) + "/" + relative;
}

inline std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline domain::LoadResult load(const std::string& relative) {
  return domain::load_model(source_path(relative), read_file);
}

// Loads a model and fails the test with every diagnostic when it does not load.
inline domain::Model load_ok(const std::string& relative) {
  auto r = load(relative);
  std::string all;
  for (const auto& e : r.errors) all += e.to_string() + "\n";
  if (!r.model) throw std::runtime_error("model did not load:\n" + all);
  return *r.model;
}

}  // namespace samspil::test
