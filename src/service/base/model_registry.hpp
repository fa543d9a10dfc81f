#pragma once
// Every collaboration model the installation offers: the presets in data_dir/models/*.yaml
// (not the included fragments under common/ or the examples/), loaded and validated once at
// start-up by the composition root (app/model_files.hpp reads the files). A case keeps the id of the model it was opened under (cases.model_id), so a
// municipality may change its model without changing the rules of running cases.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"

namespace samspil::service {

class ModelRegistry {
 public:
  // The models that loaded; a file that did not validate is left out and named in errors().
  // default_id is the model new cases use when a municipality chose none.
  static ModelRegistry of_loaded(std::vector<domain::LoadResult> loaded, std::string default_id = "ppr-vejen-ind");

  // The model with this id, or nullptr.
  const domain::Model* find(std::string_view id) const;
  // The default model (nullptr when it did not load).
  const domain::Model* default_model() const { return find(m_default_id); }
  const std::string& default_id() const { return m_default_id; }
  // Every loaded model, ordered by id.
  std::vector<const domain::Model*> all() const;
  // "FILE:LINE:COL: message" for each preset that did not load.
  const std::vector<std::string>& errors() const { return m_errors; }

  // For tests: a registry of the given models.
  static ModelRegistry of(std::vector<domain::Model> models, std::string default_id);

 private:
  std::map<std::string, std::shared_ptr<const domain::Model>, std::less<>> m_models;
  std::string m_default_id;
  std::vector<std::string> m_errors;
};

}  // namespace samspil::service
