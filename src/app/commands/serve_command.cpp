#include "app/model_files.hpp"
#include "app/commands/serve_command.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include "api/routes.hpp"
#include "app/cli_support.hpp"
#include "app/clock.hpp"
#include "app/config.hpp"
#include "app/database_setup.hpp"
#include "app/job_handlers.hpp"
#include "app/ops_routes.hpp"
#include "app/router_setup.hpp"
#include "edge/security_headers.hpp"
#include "edge/session_middleware.hpp"
#include "http/server.hpp"
#include "jobs/probe.hpp"
#include "jobs/queue.hpp"
#include "live/broadcast.hpp"
#include "service/agreements/records_export.hpp"
#include "service/base/mail_outbox.hpp"
#include "service/identity/login.hpp"
#include "service/identity/sessions.hpp"
#include "service/meetings/free_busy.hpp"
#include "service/meetings/meetings.hpp"
#include "service/obligations/obligations.hpp"
#include "service/services.hpp"
#include "web/error_pages.hpp"
#include "web/routes.hpp"
#include "web/sso.hpp"
#include "web/views.hpp"

namespace samspil::app {

namespace {

// Background job threads that share the process's database pool. They stop between
// batches when asked; a job in progress finishes (or its lease expires elsewhere).
class JobThreads {
 public:
  JobThreads(storage::Database& db, int count, const JobHandlerSettings& handlers) {
    char host[256] = "host";
    ::gethostname(host, sizeof host - 1);
    for (int i = 0; i < count; ++i) {
      jobs::WorkerOptions options;
      options.worker_id = std::string(host) + ":" + std::to_string(::getpid()) + ":" + std::to_string(i);
      auto worker = std::make_unique<jobs::Worker>(db, options);
      register_job_handlers(*worker, handlers);
      jobs::Worker* w = worker.get();
      m_workers.push_back(std::move(worker));
      m_threads.emplace_back([this, w] {
        try {
          w->run([this] { return m_stop.load(); });
        } catch (const std::exception& e) {
          spdlog::error("{}", nlohmann::json{{"event", "job_worker_stopped"}, {"error", e.what()}}.dump());
        }
      });
    }
  }
  ~JobThreads() {
    m_stop = true;
    for (auto& t : m_threads) t.join();
  }

 private:
  std::atomic<bool> m_stop{false};
  std::vector<std::unique_ptr<jobs::Worker>> m_workers;
  std::vector<std::thread> m_threads;
};

// After the server has drained, the rest of shutdown (a job in hand, a handler still on the
// pool) gets the same grace period; past it the process exits anyway, so an orchestrator's
// SIGTERM is always followed by an exit. Committed changes are safe either way: nothing is
// accepted before its transaction commits.
class ShutdownWatchdog {
 public:
  explicit ShutdownWatchdog(std::chrono::milliseconds grace)
      : m_thread([this, grace] {
          std::unique_lock lock(m_mutex);
          if (!m_done.wait_for(lock, grace, [this] { return m_finished; })) {
            spdlog::error("{}", nlohmann::json{{"event", "shutdown_forced"}, {"grace_ms", grace.count()}}.dump());
            spdlog::shutdown();
            std::_Exit(0);
          }
        }) {}
  ~ShutdownWatchdog() {
    {
      std::lock_guard lock(m_mutex);
      m_finished = true;
    }
    m_done.notify_all();
    m_thread.join();
  }
  ShutdownWatchdog(const ShutdownWatchdog&) = delete;
  ShutdownWatchdog& operator=(const ShutdownWatchdog&) = delete;

 private:
  std::mutex m_mutex;
  std::condition_variable m_done;
  bool m_finished = false;
  std::thread m_thread;  // last: started after the members it uses
};

void run_serve(Config config) {
  const auto errors = validate(config);
  if (!errors.empty()) {
    std::string message = "invalid configuration:";
    for (const auto& e : errors) message += "\n  " + e;
    throw CommandError(message);
  }
  spdlog::set_level(spdlog::level::from_str(config.log_level));

  auto db = open_database(config.database_url, config.data_dir,
                          config.migrate ? MigrationPolicy::apply_pending : MigrationPolicy::require_current,
                          config.db_pool_size);

  http::Metrics metrics;
  http::Router router;
  std::unique_ptr<web::Views> views;
  try {
    views = std::make_unique<web::Views>(config.data_dir / "templates", config.data_dir / "locale");
  } catch (const std::exception& e) {
    throw CommandError(std::string("cannot load the page templates: ") + e.what());
  }
  std::unique_ptr<crypto::FieldCipher> cipher;
  if (const std::string key = load_secret_key(config); !key.empty()) cipher = std::make_unique<crypto::FieldCipher>(key);
  const service::sessions::Policy session_policy{.idle_ms = config.session_idle_seconds * 1000LL,
                                                 .absolute_ms = config.session_absolute_seconds * 1000LL};
  const service::login::Limits login_limits{.account_failures = config.login_account_failures,
                                            .address_failures = config.login_address_failures,
                                            .window_ms = config.login_lockout_seconds * 1000LL,
                                            .lock_ms = config.login_lockout_seconds * 1000LL};
  const auto models = load_model_registry(config.data_dir);
  for (const auto& error : models.errors()) spdlog::warn("model not loaded: {}", error);
  // Meeting mode's live fan-out: in-process, so one serving process per database (docs/live.md).
  live::Broadcast live;
  // Users' imported free/busy calendars for the slot finder (libcurl, ~3 s, 1 MiB; cached).
  const service::free_busy::Feeds free_busy(*db, cipher.get(), service::free_busy::curl_fetcher(),
                                            [] { return now_ms(); });
  // Every use case, built once; the handlers reach them through the context.
  service::Services services(*db, {.models = &models,
                                   .cipher = cipher.get(),
                                   .live = &live,
                                   .public_base_url = config.public_base_url,
                                   .records_export = !config.records_export.empty(),
                                   .free_busy = free_busy.source(),
                                   .sessions = session_policy,
                                   .login = login_limits});
  const web::WebContext web_context =
      web::page_context({services,
                         {.secure_cookies = config.secure_cookies, .public_base_url = config.public_base_url},
                         [] { return now_ms(); },
                         config.data_dir,
                         cipher.get(),
                         &models,
                         &free_busy},
                        *views);
  // Staff single sign-on (OpenID Connect) when an issuer is configured; the provider is
  // discovered on the first log-in, so serving starts even while it is unreachable. Without
  // an issuer the SSO paths answer a Danish "not available" page.
  std::unique_ptr<service::sso::OidcLogin> sso;
  if (!config.oidc_issuer.empty()) {
    service::sso::OidcSettings sso_settings;
    sso_settings.client = {.issuer = config.oidc_issuer,
                           .client_id = config.oidc_client_id,
                           .client_secret = load_oidc_client_secret(config),
                           .redirect_uri = config.oidc_redirect_uri,
                           .allowed_algorithms = config.oidc_algorithm_list,
                           .skew_seconds = config.oidc_clock_skew_seconds,
                           .jwks_refetch_interval_ms = 60'000};
    sso_settings.user_claim = config.oidc_user_claim;
    sso_settings.tenant = config.oidc_tenant;
    sso_settings.sessions = session_policy;
    sso = std::make_unique<service::sso::OidcLogin>(*db, std::move(sso_settings), oidc::curl_fetcher());
  }
  build_router(router, *db, metrics, web_context, sso.get());


  http::ServerConfig server_config;
  server_config.host = config.host;
  server_config.port = config.port;
  server_config.body_limit = config.body_limit;
  server_config.header_limit = config.header_limit;
  server_config.read_timeout = std::chrono::milliseconds(config.read_timeout_ms);
  server_config.idle_timeout = std::chrono::milliseconds(config.idle_timeout_ms);
  server_config.shutdown_grace = std::chrono::milliseconds(config.shutdown_grace_ms);
  server_config.io_threads = config.io_threads;
  server_config.worker_threads = config.worker_threads;
  server_config.static_dir = config.data_dir / "static";
  server_config.default_headers =
      edge::security_headers({.hsts = edge::hsts_enabled(config.hsts, config.public_base_url)});

  std::optional<ShutdownWatchdog> watchdog;  // declared before the server: outlives its teardown
  http::Server server(server_config, router, metrics);
  try {
    server.bind();
  } catch (const std::runtime_error& e) {
    throw CommandError(e.what());  // already "cannot listen on HOST:PORT: reason"
  }
  spdlog::info("{{\"event\":\"serving\",\"listen\":\"{}:{}\",\"database\":\"{}\"}}", config.host, server.port(),
               db->dialect() == storage::Dialect::sqlite ? "sqlite" : "postgresql");
  // Tests and scripts read the actual port (with --listen …:0) from this line on stdout.
  std::cout << "samspil: listening on http://" << config.host << ":" << server.port() << "/" << std::endl;

  {
    JobThreads job_threads(*db, config.job_workers,
                           {.mail = {.smtp = {.url = config.smtp_url}, .from = config.mail_from},
                            .records = {.target = config.records_export, .cipher = cipher.get()},
                            .public_base_url = config.public_base_url});
    server.run(/*handle_signals=*/true);
    watchdog.emplace(std::chrono::milliseconds(std::max(config.shutdown_grace_ms, 1000)));
  }
  spdlog::info("{\"event\":\"stopped\"}");
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto config = std::make_shared<Config>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the web pages and the JSON API over HTTP");
  add_config_options(cmd, *config);
  cmd->callback([config] { run_serve(*config); });
}

}  // namespace samspil::app
