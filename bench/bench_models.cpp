// Loading and validating every preset model (models/*.yaml) with domain::load_model, files
// read from disk through the injected ReadFile, as `samspil model check` does.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "domain/model.hpp"

namespace {

namespace fs = std::filesystem;
using namespace samspil::domain;

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> presets() {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(SAMSPIL_MODELS_DIR, ec))
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

void BM_LoadAndValidateAllPresets(benchmark::State& state) {
  const auto paths = presets();
  if (paths.empty()) {
    state.SkipWithError("no models/*.yaml found");
    return;
  }
  for (const auto& path : paths) {
    if (const auto result = load_model(path, read_file); !result.model) {
      state.SkipWithError(("preset does not validate: " + path).c_str());
      return;
    }
  }
  for (auto _ : state) {
    for (const auto& path : paths) {
      auto result = load_model(path, read_file);
      benchmark::DoNotOptimize(result);
    }
  }
  state.counters["files"] = static_cast<double>(paths.size());
}

BENCHMARK(BM_LoadAndValidateAllPresets)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
