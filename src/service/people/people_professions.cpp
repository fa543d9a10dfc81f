// The professions catalogue read from models/common/professions.yaml (its `professions:`
// list of {id, name, …}); staff professions are validated against it.
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "service/people/people.hpp"

namespace samspil::service::people {

ProfessionCatalogue parse_professions(const std::string& yaml_text) {
  ProfessionCatalogue out;
  try {
    const YAML::Node root = YAML::Load(yaml_text);
    const YAML::Node list = root["professions"];
    if (!list || !list.IsSequence()) throw std::runtime_error("professions: a list is expected");
    for (const auto& item : list) {
      out.push_back({item["id"].as<std::string>(), item["name"].as<std::string>()});
    }
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(std::string("professions: ") + e.what());
  }
  return out;
}

ProfessionCatalogue load_professions(const std::filesystem::path& yaml_file) {
  std::ifstream in(yaml_file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + yaml_file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return parse_professions(text.str());
}

}  // namespace samspil::service::people
