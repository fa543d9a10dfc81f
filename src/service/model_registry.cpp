#include "service/model_registry.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace samspil::service {

namespace {

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

ModelRegistry ModelRegistry::load(const std::filesystem::path& data_dir, std::string default_id) {
  ModelRegistry registry;
  registry.m_default_id = std::move(default_id);
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir / "models", ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto loaded = domain::load_model(file.string(), read_text);
    if (!loaded.model) {
      for (const auto& error : loaded.errors) registry.m_errors.push_back(error.to_string());
      continue;
    }
    auto id = loaded.model->id;
    registry.m_models.emplace(std::move(id), std::make_shared<const domain::Model>(std::move(*loaded.model)));
  }
  return registry;
}

const domain::Model* ModelRegistry::find(std::string_view id) const {
  auto it = m_models.find(id);
  return it == m_models.end() ? nullptr : it->second.get();
}

std::vector<const domain::Model*> ModelRegistry::all() const {
  std::vector<const domain::Model*> out;
  out.reserve(m_models.size());
  for (const auto& [id, model] : m_models) out.push_back(model.get());
  return out;
}

ModelRegistry ModelRegistry::of(std::vector<domain::Model> models, std::string default_id) {
  ModelRegistry registry;
  registry.m_default_id = std::move(default_id);
  for (auto& model : models) {
    auto id = model.id;
    registry.m_models.emplace(std::move(id), std::make_shared<const domain::Model>(std::move(model)));
  }
  return registry;
}

}  // namespace samspil::service
