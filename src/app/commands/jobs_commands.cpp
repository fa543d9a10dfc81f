// Operator commands for the background job queue. `jobs work` runs the same workers as
// `serve` does, without the HTTP server, so a queue can be drained or tested on its own.
#include "app/commands/jobs_commands.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "app/cli_support.hpp"
#include "app/config.hpp"
#include "app/database_setup.hpp"
#include "app/job_handlers.hpp"
#include "crypto/field_cipher.hpp"
#include "jobs/probe.hpp"
#include "jobs/queue.hpp"
#include "service/agreements/records_export.hpp"

namespace samspil::app {

namespace {

struct JobsOptions {
  std::string database_url;
  std::int64_t count = 1;
  std::int64_t sleep_ms = 0;
  bool until_idle = false;
  int threads = 1;
  std::int64_t lease_ms = 30'000;
  std::int64_t poll_ms = 500;
  int batch = 16;
  std::string smtp_url;  // mail.send jobs (--smtp-url)
  std::string mail_from = "Samspil <noreply@samspil.invalid>";
  std::string public_base_url;   // links in reminder mails (--public-base-url)
  std::string records_export;    // records.export jobs (--records-export)
  std::string secret_key_file;   // the field key the export needs to open the stored PDF
};

// Set by SIGINT/SIGTERM: workers finish the job in hand and stop between batches.
std::atomic<bool> g_stop{false};
extern "C" void request_stop(int) { g_stop = true; }

std::string host_name() {
  char host[256] = "host";
  ::gethostname(host, sizeof host - 1);
  return host;
}

void run_probe(const JobsOptions& o) {
  if (o.count < 1) throw CommandError("--count must be at least 1");
  auto db = open_database(o.database_url, data_dir(), MigrationPolicy::require_current, 1);
  const std::string payload = o.sleep_ms > 0 ? "{\"sleep_ms\":" + std::to_string(o.sleep_ms) + "}" : "{}";
  jobs::enqueue_probes(*db, o.count, payload);
  std::cout << "enqueued " << o.count << " probe job(s)\n";
}

void run_work(const JobsOptions& o) {
  if (o.threads < 1 || o.threads > 64) throw CommandError("--threads must be between 1 and 64");
  if (o.lease_ms < 100) throw CommandError("--lease-ms must be at least 100");
  auto db = open_database(o.database_url, data_dir(), MigrationPolicy::require_current, o.threads + 1);
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  const std::string prefix = host_name() + ":" + std::to_string(::getpid()) + ":";
  if (!service::records_export::valid_target(o.records_export)) {
    throw CommandError("--records-export must be dir:/path or an http(s):// URL");
  }
  Config key_config;
  key_config.secret_key_file = o.secret_key_file;
  std::unique_ptr<crypto::FieldCipher> cipher;
  if (const std::string key = load_secret_key(key_config); !key.empty()) cipher = std::make_unique<crypto::FieldCipher>(key);
  if (!o.records_export.empty() && !cipher) throw CommandError("--records-export needs --secret-key-file");
  const JobHandlerSettings handlers{.mail = {.smtp = {.url = o.smtp_url}, .from = o.mail_from},
                                    .records = {.target = o.records_export, .cipher = cipher.get()},
                                    .public_base_url = o.public_base_url};
  std::vector<std::unique_ptr<jobs::Worker>> workers;
  for (int i = 0; i < o.threads; ++i) {
    jobs::WorkerOptions options;
    options.worker_id = prefix + std::to_string(i);
    options.lease = std::chrono::milliseconds(o.lease_ms);
    options.poll = std::chrono::milliseconds(o.poll_ms);
    options.batch = o.batch;
    workers.push_back(std::make_unique<jobs::Worker>(*db, options));
    register_job_handlers(*workers.back(), handlers);
  }
  const auto stop = [] { return g_stop.load(); };
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (auto& worker : workers) {
    threads.emplace_back([&, w = worker.get()] {
      try {
        if (o.until_idle) {
          w->run_until_idle(stop);
        } else {
          w->run(stop);
        }
      } catch (const std::exception& e) {
        std::cerr << "samspil: job worker " << w->options().worker_id << " stopped: " << e.what() << "\n";
        ++failed;
        g_stop = true;
      }
    });
  }
  for (auto& t : threads) t.join();
  if (failed > 0) throw CommandError("a job worker stopped with an error");
}

void run_status(const JobsOptions& o) {
  auto db = open_database(o.database_url, data_dir(), MigrationPolicy::require_current, 1);
  const jobs::QueueStats s = jobs::queue_stats(*db);
  std::cout << "{\"ready\":" << s.ready << ",\"running\":" << s.running << ",\"done\":" << s.done
            << ",\"dead\":" << s.dead << "}\n";
}

}  // namespace

void add_jobs_commands(CLI::App& app) {
  auto o = std::make_shared<JobsOptions>();
  CLI::App* jobs = app.add_subcommand("jobs", "Background job queue: probe, work, status");
  jobs->require_subcommand(1);

  CLI::App* probe = jobs->add_subcommand(
      "probe", "Enqueue probe jobs; each run adds a row to job_probe_runs (checks the queue end to end)");
  add_database_option(probe, o->database_url);
  probe->add_option("--count", o->count, "How many probe jobs")->default_val(1);
  probe->add_option("--sleep-ms", o->sleep_ms, "Make each probe run take this long (tests leases)")->default_val(0);
  probe->callback([o] { run_probe(*o); });

  CLI::App* work = jobs->add_subcommand("work", "Run job workers until SIGINT/SIGTERM (or --until-idle)");
  add_database_option(work, o->database_url);
  work->add_flag("--until-idle", o->until_idle,
                 "Exit 0 once a worker finds nothing to lease while no job is due or running "
                 "(jobs waiting out a retry back-off are not waited for)");
  work->add_option("--threads", o->threads, "Worker threads in this process")->default_val(1);
  work->add_option("--lease-ms", o->lease_ms, "Lease per job: a job not finished by then is retried elsewhere")
      ->default_val(30'000);
  work->add_option("--poll-ms", o->poll_ms, "Sleep between polls when nothing is due")->default_val(500);
  work->add_option("--batch", o->batch, "Jobs leased per round")->default_val(16)->check(CLI::Range(1, 1000));
  add_mail_options(work, o->smtp_url, o->mail_from);
  work->add_option("--public-base-url", o->public_base_url, "Public URL of the service, for links in reminder mails")
      ->envname("SAMSPIL_PUBLIC_BASE_URL");
  work->add_option("--records-export", o->records_export,
                   "Where final agreements go: dir:/path (file drop) or http(s)://… (POST), as for serve")
      ->envname("SAMSPIL_RECORDS_EXPORT");
  work->add_option("--secret-key-file", o->secret_key_file, "File with the base64 field key (as for serve)")
      ->envname("SAMSPIL_SECRET_KEY_FILE");
  work->callback([o] { run_work(*o); });

  CLI::App* status = jobs->add_subcommand("status", "Print the number of jobs by state as JSON");
  add_database_option(status, o->database_url);
  status->callback([o] { run_status(*o); });
}

}  // namespace samspil::app
