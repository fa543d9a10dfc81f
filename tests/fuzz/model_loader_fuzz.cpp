// libFuzzer entry point for the collaboration model loader. The input is the root model
// file; any file it includes gets the same bytes, a bounded number of times, so that the
// include machinery (paths, cycles, missing files) is exercised as well.
#include <cstddef>
#include <cstdint>
#include <string>

#include "domain/model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  int reads = 0;
  const samspil::domain::ReadFile read = [&](const std::string&) -> std::optional<std::string> {
    // Each include may name a new path (a/b.yaml, a/a/b.yaml, …); stop after a few reads.
    if (++reads > 8) return std::nullopt;
    return text;
  };
  const auto result = samspil::domain::load_model("fuzz.yaml", read);
  // Invariants: a model exactly when there are no errors, and every error has a position.
  if (result.model.has_value() == !result.errors.empty()) __builtin_trap();
  for (const auto& e : result.errors)
    if (e.file.empty() || e.line < 1 || e.column < 1 || e.message.empty()) __builtin_trap();
  return 0;
}
