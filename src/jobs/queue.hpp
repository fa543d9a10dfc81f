#pragma once
// Background jobs are rows (the outbox). A job is inserted in the same transaction as the
// change that causes it; workers lease due jobs, run the handler for its kind, retry with
// exponential back-off and move a job to 'dead' after max_attempts.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::jobs {

struct NewJob {
  std::string kind;             // e.g. "mail.send"
  std::string payload;          // JSON; never read by the queue itself
  std::optional<std::string> tenant;
  std::int64_t run_at_ms = 0;   // 0 = now
  int max_attempts = 8;
};

struct Job {
  std::int64_t id = 0;
  std::string kind;
  std::string payload;
  std::optional<std::string> tenant;
  int attempts = 0;      // including the current one
  int max_attempts = 0;
};

// Inserts a job through the caller's connection, so it commits with the caller's change.
std::int64_t enqueue(storage::Connection& conn, const NewJob& job, std::int64_t now_ms);

// A handler does the job's work. Its database writes go through `conn`, inside the same
// transaction that marks the job done, so a job's own database effects happen exactly
// once. External effects (e-mail) must be idempotent: after a crash the job runs again.
using JobHandler = std::function<void(storage::Connection& conn, const Job& job)>;

struct WorkerOptions {
  std::string worker_id;                      // unique per process+thread
  int batch = 16;                             // jobs leased per round
  std::chrono::milliseconds lease{30'000};    // a job not finished by then is leased again
  std::chrono::milliseconds poll{500};        // sleep when nothing is due
  std::chrono::milliseconds backoff_base{2'000};
  std::chrono::milliseconds backoff_max{3'600'000};
};

struct QueueStats {
  std::int64_t ready = 0, running = 0, done = 0, dead = 0;
};

class Worker {
 public:
  Worker(storage::Database& db, WorkerOptions options);
  void register_handler(std::string kind, JobHandler handler);
  // Leases and runs one batch; returns how many jobs it ran. Clock passed in for tests.
  int run_once(std::int64_t now_ms);
  // Runs until stop is set (checked between batches).
  void run(const std::function<bool()>& stop);
  // Runs until stop is set or a round finds nothing to lease while no job is due or
  // running (see queue_busy); jobs waiting out a back-off are not waited for.
  void run_until_idle(const std::function<bool()>& stop);
  // The options this worker was created with (handlers use worker_id).
  const WorkerOptions& options() const { return m_options; }

 private:
  // Runs one leased job; returns true when it completed (done, retried or dead).
  bool run_job(const Job& job, std::int64_t now_ms);
  // Returns a leased job unrun (no attempt used) when its transaction could not start.
  void hand_back(const Job& job, const std::string& why);
  void record_failure(const Job& job, std::int64_t now_ms, const std::string& error, bool permanent);
  enum class Until { stopped, idle };
  // The polling loop behind run() and run_until_idle().
  void loop(const std::function<bool()>& stop, Until until);
  // Hands back jobs[from…] unstarted (no attempt used).
  void hand_back_rest(const std::vector<Job>& jobs, std::size_t from);
  // Logs a failed poll once per outage, and the recovery after it.
  void report_worker_error(const std::string& error);
  void report_worker_recovered();

  storage::Database& m_db;
  WorkerOptions m_options;
  std::map<std::string, JobHandler> m_handlers;
  bool m_failing = false;  // the last poll failed; used only by the thread running this worker
  const std::function<bool()>* m_stop = nullptr;  // set while run()/run_until_idle() runs
};

struct QueueGauges {
  std::int64_t ready = 0, running = 0, dead = 0;
};
// Counts ready, running and dead jobs without touching 'done' rows (for /metrics).
QueueGauges queue_gauges(storage::Database& db);

// Counts jobs by state, including every 'done' row (for `samspil jobs status`).
QueueStats queue_stats(storage::Database& db);

// True while some job is due (ready with run_at <= now) or running (leased, whether or not
// its lease has expired): the work an --until-idle worker waits for.
bool queue_busy(storage::Database& db, std::int64_t now_ms);

// The wall clock in milliseconds since the epoch (UTC).
std::int64_t system_now_ms();

// The delay before attempt `attempts + 1` after a failure: backoff_base · 2^(attempts-1),
// capped at backoff_max, with "equal jitter" (between half and all of it) so failed jobs
// from one outage do not all return at the same moment.
std::chrono::milliseconds retry_delay(const WorkerOptions& options, int attempts);

}  // namespace samspil::jobs
