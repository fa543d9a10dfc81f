#pragma once
// The case's timeline (table case_events): every use case that changes a case, its consent,
// its request or its meetings appends a row in its own transaction. The Danish labels of the
// kinds are in locale/da/timeline_labels.yaml (ctest timeline_labels).
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// Appends a timeline row for the case (detail: a JSON object without personal data).
void add_case_event(storage::Connection& conn, const Actor& actor, const std::string& case_id,
                    const std::string& kind, const nlohmann::json& detail, std::int64_t now_ms);

}  // namespace samspil::service
