#pragma once
// The obligations part of "Mit overblik": the user's own obligations (due and overdue) and a
// unit leader's compliance (met/missed per obligation kind, last 90 days), read from the
// agenda helper's obligations table (0009).
#include <cstdint>
#include <string>
#include <vector>

#include "service/overview/overview.hpp"

namespace samspil::service {

// True when the obligations table exists in this database.
bool obligations_available(storage::Connection& conn);
// The actor's open obligations, earliest due first (overdue first by construction).
OverviewPage<OverviewObligation> overview_obligations(storage::Connection& conn, const ModelRegistry* models,
                                                      const Actor& actor, const std::string& token, int limit,
                                                      std::int64_t now_ms);
// Met/missed per unit the actor leads and obligation kind, over the last 90 days.
std::vector<ComplianceRow> unit_compliance(storage::Connection& conn, const ModelRegistry* models,
                                           const Actor& actor, std::int64_t now_ms);

inline constexpr std::int64_t kComplianceWindowMs = 90LL * 24 * 60 * 60 * 1000;

}  // namespace samspil::service
