#pragma once
// Which consent scopes hold for a child now (X1): what the case, triage and the request form
// check before anything the consent covers happens.
#include <cstdint>
#include <set>
#include <string>

#include "service/cases/cases.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// The consent scopes in force for the child now, under the configured requirement (X1).
std::set<std::string> consents_in_force(storage::Connection& conn, const CasesConfig& config,
                                        const std::string& tenant, const std::string& child_id, std::int64_t now_ms);

}  // namespace samspil::service
