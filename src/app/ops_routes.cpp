#include "app/ops_routes.hpp"

#include <spdlog/spdlog.h>

#include <mutex>

#include <nlohmann/json.hpp>

#include "jobs/queue.hpp"
#include "storage/migrations.hpp"

namespace samspil::app {

void add_ops_routes(http::Router& router, storage::Database& db, http::Metrics& metrics,
                    const std::filesystem::path& data_dir) {
  // /healthz answers on the I/O thread: it proves the process serves, and a load balancer
  // polls it often, so it must cost nothing (TOOLCHAIN.md: the pool hop costs ~33 %).
  router.add("GET", "/healthz", [](http::Request&) { return http::Response::text(200, "ok\n"); },
             {.name = "healthz", .policy = "public", .execution = http::Execution::io_thread});

  // The migration files are read once; /readyz compares them with the database each call.
  auto files = std::make_shared<std::vector<storage::MigrationFile>>(
      storage::load_migrations(data_dir / "migrations", db.dialect()));
  router.add(
      "GET", "/readyz",
      [&db, files](http::Request&) {
        if (!db.ping()) {
          return http::Response::problem(503, "Databasen svarer ikke", "Samspil kan ikke nå databasen lige nu.");
        }
        const storage::MigrationStatus status = storage::migration_status(db, *files);
        if (!status.current()) {
          return http::Response::problem(503, "Databasen er ikke opdateret",
                                         "Databasens skema mangler migreringer. Kør samspil migrate.");
        }
        return http::Response::json(200, "{\"status\":\"ready\"}");
      },
      {.name = "readyz", .policy = "public", .execution = http::Execution::worker_pool});

  // One query per scrape for all three queue gauges: the first one read (gauges are read in
  // the order added) refreshes the cache; the mutex keeps parallel scrapes race-free.
  struct GaugeCache {
    std::mutex mutex;
    jobs::QueueGauges values;
  };
  auto cache = std::make_shared<GaugeCache>();
  metrics.add_gauge("samspil_jobs_ready", "Background jobs due or waiting to run", [&db, cache] {
    std::lock_guard lock(cache->mutex);
    cache->values = jobs::queue_gauges(db);
    return static_cast<double>(cache->values.ready);
  });
  metrics.add_gauge("samspil_jobs_running", "Background jobs leased by a worker", [cache] {
    std::lock_guard lock(cache->mutex);
    return static_cast<double>(cache->values.running);
  });
  metrics.add_gauge("samspil_jobs_dead", "Background jobs that failed for good", [cache] {
    std::lock_guard lock(cache->mutex);
    return static_cast<double>(cache->values.dead);
  });
  metrics.add_gauge("samspil_db_pool_in_use", "Database connections leased",
                    [&db] { return static_cast<double>(db.pool_in_use()); });
  metrics.add_gauge("samspil_db_pool_size", "Database connections in the pool",
                    [&db] { return static_cast<double>(db.pool_size()); });
  router.add(
      "GET", "/metrics",
      [&metrics](http::Request&) {
        http::Response r = http::Response::text(200, metrics.render());
        r.set_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        return r;
      },
      {.name = "metrics", .policy = "ops", .execution = http::Execution::worker_pool});
}

http::Middleware database_unavailable_middleware() {
  return [](http::Request& request, const http::Next& next) {
    try {
      return next(request);
    } catch (const storage::Unavailable& e) {
      spdlog::warn("{}", nlohmann::json{{"event", "database_unavailable"},
                                        {"request_id", request.request_id},
                                        {"error", e.what()}}.dump());
      return http::Response::problem(503, "Databasen svarer ikke",
                                     "Samspil kan ikke nå databasen lige nu. Prøv igen om lidt.");
    }
  };
}

}  // namespace samspil::app
