#pragma once
// Shared by the case pages (/sager…): the cases configuration (the model registry of the
// context + cipher), and Danish date formatting.
#include <cstdint>
#include <memory>
#include <string>

#include "domain/model.hpp"
#include "edge/service_config.hpp"
#include "service/cases/cases.hpp"
#include "web/context.hpp"

namespace samspil::web {

// "23.11.2026 14:05" in Copenhagen time.
std::string danish_time(std::int64_t ms);
// "23.11.2026" in Copenhagen time.
std::string danish_date(std::int64_t ms);

}  // namespace samspil::web
