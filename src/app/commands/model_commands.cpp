#include "app/commands/model_commands.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/model_files.hpp"

namespace samspil::app {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Checks every file (not stopping at the first bad one) and returns the process exit code.
int check_models(const std::vector<std::string>& files) {
  std::size_t bad = 0;
  std::size_t errors = 0;
  for (const auto& file : files) {
    const domain::LoadResult r = load_model_from_disk(file);
    if (r.model) {
      std::cout << "OK " << file << " (" << plural(r.model->meeting_types.size(), "mødetype", "mødetyper") << ", "
                << plural(r.model->forums.size(), "forum", "fora") << ")\n";
      continue;
    }
    ++bad;
    errors += r.errors.size();
    for (const auto& e : r.errors) std::cout << e.to_string() << "\n";
  }
  if (bad > 0) {
    std::cerr << "samspil: " << plural(errors, "fejl", "fejl") << " i " << plural(bad, "fil", "filer") << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

void add_model_commands(CLI::App& app) {
  CLI::App* model = app.add_subcommand("model", "Samarbejdsmodeller (YAML, se docs/model-format.md)");
  model->require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* check = model->add_subcommand(
      "check", "Kontrollér modelfiler: skriver OK pr. gyldig fil, ellers hver fejl som FIL:LINJE:KOLONNE: besked");
  check->add_option("FILE", *files, "Modelfiler, fx models/*.yaml")->required();
  check->callback([files] {
    // Exit through CLI11 so that main's normal exit path (and its error handling) is kept.
    const int code = check_models(*files);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace samspil::app
