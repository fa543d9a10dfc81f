#include "service/base/model_registry.hpp"

#include <algorithm>

namespace samspil::service {

ModelRegistry ModelRegistry::of_loaded(std::vector<domain::LoadResult> loaded, std::string default_id) {
  ModelRegistry registry;
  registry.m_default_id = std::move(default_id);
  for (auto& result : loaded) {
    if (!result.model) {
      for (const auto& error : result.errors) registry.m_errors.push_back(error.to_string());
      continue;
    }
    auto id = result.model->id;
    registry.m_models.emplace(std::move(id), std::make_shared<const domain::Model>(std::move(*result.model)));
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
