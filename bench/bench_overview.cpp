// "Mit overblik" in process (issue 7): GET / for the demo unit leader through the router
// `samspil serve` builds (session middleware, CSRF, policy, the overview service, the
// template), without the network; and the service alone (Overview::of). bench/http.sh
// measures the same page over HTTP against nginx; this one says which part of the page's
// cost is the handler's (and, under perf, which part of that is SQL or ctemplate). Results:
// bench/RESULTS.md.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "app/allocator.hpp"
#include "app/database_setup.hpp"
#include "app/demo/demo.hpp"
#include "app/cli_support.hpp"
#include "app/model_files.hpp"
#include "app/router_setup.hpp"
#include "service/identity/sessions.hpp"
#include "service/overview/overview.hpp"
#include "service/services.hpp"
#include "storage/statement_count.hpp"
#include "storage/user_store.hpp"
#include "web/error_pages.hpp"
#include "web/views.hpp"

namespace {

using namespace samspil;

constexpr const char* kLeader = "leder@demo-kommune.invalid";

struct World {
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<service::ModelRegistry> models;
  std::unique_ptr<web::Views> views;
  std::unique_ptr<service::Services> services;
  std::unique_ptr<web::WebContext> context;
  http::Metrics metrics;
  http::Router router;
  std::string tenant;
  std::string leader_id;
  std::string cookie;
  std::int64_t now_ms = 0;
};

World& world() {
  // Built in place once (Metrics and Router are not movable) and kept for the process.
  static World& w = *[] {
    app::tune_allocator();  // as samspil's main does
    auto* out = new World;
    World& w = *out;
    const std::filesystem::path source = app::data_dir();
    const auto dir = std::filesystem::temp_directory_path() / "samspil_bench_overview";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    // Two pooled connections, like the two cores the HTTP benchmark has.
    w.db = app::open_database("sqlite://" + (dir / "bench.db").string(), source,
                              app::MigrationPolicy::apply_pending, 2);
    w.models = std::make_unique<service::ModelRegistry>(app::load_model_registry(source));
    w.now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    const auto demo = demo::create_demo(*w.db, w.now_ms, nullptr, w.models.get());
    w.tenant = demo.tenant_id;
    w.db->transaction([&](storage::Connection& c) {
      w.leader_id = storage::find_user_by_email(c, w.tenant, kLeader).value().id;
      w.cookie = "samspil_session=" + service::sessions::start(c, w.tenant, w.leader_id, "password", false, w.now_ms, {}).token;
    });
    w.views = std::make_unique<web::Views>(source / "templates", source / "locale");
    // A fixed clock: the session's last_seen_at touch (once a minute) never falls due, so
    // every request takes the read-only path a busy signed-in user's requests take.
    const std::int64_t now = w.now_ms;
    w.services = std::make_unique<service::Services>(
        *w.db, service::ServicesSettings{.models = w.models.get()});
    w.context = std::make_unique<web::WebContext>(web::page_context(
        {*w.services, {.secure_cookies = false, .public_base_url = ""}, [now] { return now; }, source, nullptr, w.models.get()},
        *w.views));
    app::build_router(w.router, *w.db, w.metrics, *w.context, nullptr);
    return out;
  }();
  return w;
}

http::Request overview_request(const World& w) {
  http::Request request;
  request.method = "GET";
  request.target = "/";
  request.path = "/";
  request.headers["cookie"] = w.cookie;
  request.headers["host"] = "127.0.0.1";
  request.remote_address = "127.0.0.1";
  request.request_id = "bench";
  return request;
}

// The whole page as the router answers it (what bench/http.sh adds is the network).
void BM_OverviewPage(benchmark::State& state) {
  World& w = world();
  std::size_t bytes = 0;
  const std::uint64_t statements_before = storage::statements_run_on_this_thread();
  for (auto _ : state) {
    http::Request request = overview_request(w);
    const http::Response response = w.router.dispatch(request);
    if (response.status != 200 || response.body.find("Mit overblik") == std::string::npos) {
      state.SkipWithError("GET / did not answer the signed-in overview");
      break;
    }
    bytes = response.body.size();
    benchmark::DoNotOptimize(response);
  }
  state.counters["page_bytes"] = static_cast<double>(bytes);
  state.counters["statements"] = benchmark::Counter(
      static_cast<double>(storage::statements_run_on_this_thread() - statements_before), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_OverviewPage)->Unit(benchmark::kMicrosecond);

// The overview service alone: the five lists and the unit's compliance.
void BM_OverviewService(benchmark::State& state) {
  World& w = world();
  service::Overview overview(*w.db, w.models.get());
  std::optional<service::Actor> actor;
  {
    auto lease = w.db->acquire();
    actor = service::sessions::load_actor(*lease, w.tenant, w.leader_id);
  }
  for (auto _ : state) benchmark::DoNotOptimize(overview.of(*actor, {}, 10, w.now_ms));
}
BENCHMARK(BM_OverviewService)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
