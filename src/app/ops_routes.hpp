#pragma once
// Operational endpoints: /healthz (process up), /readyz (database reachable and migrations
// current), /metrics (Prometheus). None of them carries personal data.
#include <filesystem>

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace samspil::app {

// Adds /healthz, /readyz and /metrics to the router.
void add_ops_routes(http::Router& router, storage::Database& db, http::Metrics& metrics,
                    const std::filesystem::path& data_dir);

// Middleware: a database that is away turns into 503 with a Danish message.
http::Middleware database_unavailable_middleware();

}  // namespace samspil::app
