// Standalone driver for the model loader's fuzz target, for compilers without libFuzzer
// (g++). It runs every file under the given paths through LLVMFuzzerTestOneInput, plus
// deterministic variants of each (prefixes and single-byte mutations), so a ctest catches
// crashes and sanitizer reports on the seed corpus without clang.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

// Bytes that matter to YAML's grammar, used to mutate the seeds.
const std::string kInteresting = ":-[]{},#&*!|>'\"%@`? \n\t0aZ\xc3\xa6";

std::size_t run_variants(const std::string& seed, std::uint32_t& rng) {
  std::size_t runs = 0;
  run(seed);
  ++runs;
  for (int cut = 1; cut < 8; ++cut) {
    run(seed.substr(0, seed.size() * cut / 8));
    ++runs;
  }
  for (int i = 0; i < 32 && !seed.empty(); ++i) {
    std::string m = seed;
    rng = rng * 1664525u + 1013904223u;
    const std::size_t at = (rng >> 8) % m.size();
    m[at] = kInteresting[(rng >> 3) % kInteresting.size()];
    run(m);
    ++runs;
  }
  return runs;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path p = argv[i];
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(p))
        if (e.is_regular_file()) files.push_back(e.path());
    } else {
      files.push_back(p);
    }
  }
  if (files.empty()) {
    std::cerr << "usage: model_fuzz_corpus FILE_OR_DIR...\n";
    return 2;
  }
  std::uint32_t rng = 12345;
  std::size_t runs = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    runs += run_variants(s.str(), rng);
  }
  std::cout << "model_fuzz_corpus: " << files.size() << " seeds, " << runs << " inputs, no crash\n";
  return 0;
}
