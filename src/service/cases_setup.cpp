#include "service/cases_setup.hpp"

#include <fstream>
#include <sstream>

namespace samspil::service {

std::shared_ptr<const domain::Model> load_case_model(const std::filesystem::path& data_dir, const char* file) {
  auto loaded = domain::load_model((data_dir / "models" / file).string(),
                                   [](const std::string& path) -> std::optional<std::string> {
                                     std::ifstream in(path, std::ios::binary);
                                     if (!in) return std::nullopt;
                                     std::ostringstream s;
                                     s << in.rdbuf();
                                     return s.str();
                                   });
  if (!loaded.model) return nullptr;
  return std::make_shared<const domain::Model>(std::move(*loaded.model));
}

}  // namespace samspil::service
