#include "app/model_files.hpp"
#include "app/commands/routes_command.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "app/cli_support.hpp"
#include "app/clock.hpp"
#include "app/config.hpp"
#include "app/router_setup.hpp"
#include "service/base/model_registry.hpp"
#include "service/services.hpp"
#include "web/error_pages.hpp"
#include "web/views.hpp"

namespace samspil::app {

namespace {

void run_routes(Config config) {
  if (config.data_dir.empty()) config.data_dir = data_dir();
  // Building the router touches no table, so an empty in-memory database will do; the
  // options are serve's, so routes that depend on configuration appear as they would there.
  auto db = storage::Database::open({.url = "sqlite::memory:", .pool_size = 1});
  http::Metrics metrics;
  http::Router router;
  std::unique_ptr<web::Views> views;
  try {
    views = std::make_unique<web::Views>(config.data_dir / "templates", config.data_dir / "locale");
  } catch (const std::exception& e) {
    throw CommandError(std::string("cannot load the page templates: ") + e.what());
  }
  const auto models = load_model_registry(config.data_dir);
  service::Services services(*db, {.models = &models});
  const web::WebContext context = web::page_context(
      {services, {.secure_cookies = config.secure_cookies, .public_base_url = config.public_base_url},
       [] { return now_ms(); }, config.data_dir, nullptr, &models},
      *views);
  build_router(router, *db, metrics, context, nullptr);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& route : router.routes()) {
    out.push_back({{"method", route.method},
                   {"pattern", route.pattern},
                   {"name", route.options.name},
                   {"policy", route.options.policy}});
  }
  std::cout << out.dump(2) << "\n";
}

}  // namespace

void add_routes_command(CLI::App& app) {
  auto config = std::make_shared<Config>();
  CLI::App* cmd = app.add_subcommand(
      "routes", "Print every route the server would serve as JSON: method, pattern, name, policy (who may use it)");
  add_config_options(cmd, *config);
  cmd->callback([config] { run_routes(*config); });
}

}  // namespace samspil::app
