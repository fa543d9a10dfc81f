#pragma once
// Loading what the cases services need at start-up: the municipality's collaboration model.
// Which model a municipality runs is not yet a Config setting; until it is, the preset
// models/ppr-vejen-ind.yaml under the data directory is used (issue 5's road into PPR).
#include <filesystem>
#include <memory>

#include "domain/model.hpp"

namespace samspil::service {

// The preset every municipality uses for now.
inline constexpr const char* kDefaultCaseModel = "ppr-vejen-ind.yaml";

// Loads data_dir/models/<file>; nullptr when it cannot be read or does not validate.
std::shared_ptr<const domain::Model> load_case_model(const std::filesystem::path& data_dir,
                                                     const char* file = kDefaultCaseModel);

}  // namespace samspil::service
