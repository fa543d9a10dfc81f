// The job queue's worker: leases due jobs, runs each handler in the job's own transaction
// and records the outcome. Its statements are storage/job_store's.
#include "jobs/queue.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <thread>

#include "storage/job_store.hpp"

namespace samspil::jobs {

namespace {

// One JSON log line; values are escaped by the JSON library, so error texts with quotes
// stay valid JSON.
void log_warning(const nlohmann::json& event) { spdlog::warn("{}", event.dump()); }

using storage::Connection;

constexpr std::size_t kMaxErrorLength = 2000;

// Thrown inside a job's transaction when its lease was taken over, so the handler's
// writes roll back with the transaction.
class LeaseLost : public std::runtime_error {
 public:
  LeaseLost() : std::runtime_error("lease lost") {}
};

// A handler failure that is not worth retrying (unknown kind).
class PermanentFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string truncate(std::string s) {
  if (s.size() > kMaxErrorLength) s = s.substr(0, kMaxErrorLength) + "…";
  return s;
}

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Sleeps up to `total`, waking early when stop() turns true.
void sleep_unless_stopped(std::chrono::milliseconds total, const std::function<bool()>& stop) {
  const auto until = std::chrono::steady_clock::now() + total;
  while (!stop() && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(total, std::chrono::milliseconds(50)));
  }
}

}  // namespace

std::int64_t system_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::chrono::milliseconds retry_delay(const WorkerOptions& options, int attempts) {
  const std::int64_t base = std::max<std::int64_t>(options.backoff_base.count(), 1);
  const std::int64_t cap = std::max<std::int64_t>(options.backoff_max.count(), base);
  const int exponent = std::clamp(attempts - 1, 0, 40);  // 2^40 · base exceeds any cap
  const std::int64_t full = base > (cap >> exponent) ? cap : std::min(cap, base << exponent);
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<std::int64_t> jitter(0, full / 2);
  return std::chrono::milliseconds(full - full / 2 + jitter(rng));
}

std::int64_t enqueue(Connection& conn, const NewJob& job, std::int64_t now_ms) {
  return storage::insert_job(conn, job.tenant, job.kind, job.payload, job.max_attempts,
                             job.run_at_ms == 0 ? now_ms : job.run_at_ms, now_ms);
}

Worker::Worker(storage::Database& db, WorkerOptions options) : m_db(db), m_options(std::move(options)) {
  if (m_options.worker_id.empty()) throw std::invalid_argument("a job worker needs a worker_id");
}

void Worker::register_handler(std::string kind, JobHandler handler) {
  m_handlers[std::move(kind)] = std::move(handler);
}

int Worker::run_once(std::int64_t now_ms) {
  const std::int64_t started = steady_ms();
  auto rows = m_db.transaction([&](Connection& conn) {
    storage::bury_jobs_out_of_attempts(conn, now_ms);
    return storage::lease_jobs(conn, m_options.worker_id, now_ms + m_options.lease.count(), now_ms, m_options.batch);
  });
  std::vector<Job> jobs;
  jobs.reserve(rows.size());
  for (auto& row : rows) {
    jobs.push_back(Job{.id = row.id, .kind = std::move(row.kind), .payload = std::move(row.payload),
                       .tenant = std::move(row.tenant), .attempts = row.attempts, .max_attempts = row.max_attempts});
  }
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.id < b.id; });
  // The batch's attempts were charged when it was leased. Jobs this worker does not get to
  // (the batch ran into the last quarter of its lease, or the database failed midway) are
  // handed back uncharged, so only a job that actually started uses up an attempt and no
  // other worker has to wait out the lease to take them.
  const std::int64_t lease_end = now_ms + m_options.lease.count();
  const std::int64_t stop_starting_at = lease_end - m_options.lease.count() / 4;
  int ran = 0;
  std::size_t next = 0;
  try {
    for (; next < jobs.size(); ++next) {
      // The caller's clock plus the time this batch has taken so far.
      const std::int64_t now = now_ms + (steady_ms() - started);
      if (now >= stop_starting_at) break;
      // Shutting down: finish the job in hand, give the rest back for another process.
      if (m_stop != nullptr && (*m_stop)()) break;
      if (run_job(jobs[next], now)) ++ran;
    }
  } catch (const storage::DatabaseError&) {
    ++next;  // the failing job's own lease expires as usual
    hand_back_rest(jobs, next);
    throw;
  }
  hand_back_rest(jobs, next);
  return ran;
}

void Worker::hand_back_rest(const std::vector<Job>& jobs, std::size_t from) {
  for (std::size_t i = from; i < jobs.size(); ++i) {
    try {
      hand_back(jobs[i], "not started before the batch's lease ran short");
    } catch (const storage::DatabaseError&) {
      return;  // the database is away: the remaining leases simply expire
    }
  }
}

bool Worker::run_job(const Job& job, std::int64_t now_ms) {
  const auto handler = m_handlers.find(job.kind);
  std::string error;
  bool permanent = false;
  bool handler_started = false;
  try {
    m_db.transaction([&](Connection& conn) {
      // Take the row lock first (PostgreSQL): while this transaction is open no other
      // worker can lease the job, even if its lease runs out. SQLite's BEGIN IMMEDIATE
      // already excludes every other writer.
      if (!storage::claim_job(conn, job.id, m_options.worker_id)) throw LeaseLost();
      if (handler == m_handlers.end()) {
        throw PermanentFailure("no handler for job kind '" + job.kind + "' in worker " + m_options.worker_id);
      }
      handler_started = true;
      handler->second(conn, job);
      if (!storage::finish_job(conn, job.id, m_options.worker_id, now_ms)) throw LeaseLost();
    });
    return true;
  } catch (const LeaseLost&) {
    log_warning({{"event", "job_lease_lost"}, {"job", job.id}, {"worker", m_options.worker_id}});
    return false;
  } catch (const storage::Unavailable&) {
    throw;  // the database is gone: nothing can be recorded; the lease will expire
  } catch (const PermanentFailure& e) {
    error = e.what();
    permanent = true;
  } catch (const storage::DatabaseError& e) {
    if (!handler_started) {
      // The job's transaction could not even start (SQLite busy beyond its timeout):
      // not the job's fault, so it must not use up an attempt.
      hand_back(job, e.what());
      return false;
    }
    error = e.what();
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "the handler threw a value that is not a std::exception";
  }
  record_failure(job, now_ms, error, permanent);
  return true;
}

void Worker::hand_back(const Job& job, const std::string& why) {
  log_warning({{"event", "job_handed_back"}, {"job", job.id}, {"worker", m_options.worker_id}, {"error", why}});
  try {
    m_db.transaction([&](Connection& conn) { storage::hand_back_job(conn, job.id, m_options.worker_id); });
  } catch (const storage::Unavailable&) {
    throw;
  } catch (const storage::DatabaseError& e) {
    // Still busy: the job stays leased to this worker until the lease expires, and then
    // any worker takes it again. Nothing is lost, it only waits longer.
    log_warning({{"event", "job_hand_back_failed"}, {"job", job.id}, {"error", e.what()}});
  }
}

void Worker::record_failure(const Job& job, std::int64_t now_ms, const std::string& error, bool permanent) {
  const bool dead = permanent || job.attempts >= job.max_attempts;
  const std::int64_t run_at = dead ? now_ms : now_ms + retry_delay(m_options, job.attempts).count();
  const std::string message = truncate("attempt " + std::to_string(job.attempts) + " of " +
                                       std::to_string(job.max_attempts) + ": " + error);
  m_db.transaction([&](Connection& conn) {
    storage::record_job_failure(conn, job.id, m_options.worker_id, dead, run_at, message, now_ms);
  });
  // Job ids and kinds only: payloads and errors may hold personal data.
  log_warning({{"event", "job_failed"}, {"job", job.id}, {"kind", job.kind}, {"attempt", job.attempts},
               {"state", dead ? "dead" : "ready"}});
}

void Worker::report_worker_error(const std::string& error) {
  // While the database is away every poll fails; log the first failure and the recovery,
  // not one line per poll interval.
  if (m_failing) return;
  m_failing = true;
  log_warning({{"event", "job_worker_error"}, {"worker", m_options.worker_id}, {"error", error}});
}

void Worker::report_worker_recovered() {
  if (!m_failing) return;
  m_failing = false;
  log_warning({{"event", "job_worker_recovered"}, {"worker", m_options.worker_id}});
}

namespace {

// Points the worker at the caller's stop flag for as long as run()/run_until_idle() runs.
class StopScope {
 public:
  StopScope(const std::function<bool()>*& slot, const std::function<bool()>& stop) : m_slot(slot) { m_slot = &stop; }
  ~StopScope() { m_slot = nullptr; }
  StopScope(const StopScope&) = delete;
  StopScope& operator=(const StopScope&) = delete;

 private:
  const std::function<bool()>*& m_slot;
};

}  // namespace

void Worker::run(const std::function<bool()>& stop) { loop(stop, Until::stopped); }

void Worker::run_until_idle(const std::function<bool()>& stop) { loop(stop, Until::idle); }

void Worker::loop(const std::function<bool()>& stop, Until until) {
  StopScope scope(m_stop, stop);
  while (!stop()) {
    int ran = 0;
    try {
      ran = run_once(system_now_ms());
      report_worker_recovered();
      if (until == Until::idle && ran == 0 && !queue_busy(m_db, system_now_ms())) return;
    } catch (const storage::DatabaseError& e) {
      // Busy or unreachable database: wait a poll interval and try again, so the worker
      // recovers by itself when the database returns.
      report_worker_error(e.what());
    }
    if (ran == 0) sleep_unless_stopped(m_options.poll, stop);
  }
}

QueueGauges queue_gauges(storage::Database& db) {
  auto lease = db.acquire();
  const auto counts = storage::count_jobs(*lease, storage::JobStates::open_and_dead);
  return {.ready = counts.ready, .running = counts.running, .dead = counts.dead};
}

QueueStats queue_stats(storage::Database& db) {
  auto lease = db.acquire();
  const auto counts = storage::count_jobs(*lease, storage::JobStates::all);
  return {.ready = counts.ready, .running = counts.running, .done = counts.done, .dead = counts.dead};
}

bool queue_busy(storage::Database& db, std::int64_t now_ms) {
  auto lease = db.acquire();
  return storage::jobs_due_or_running(*lease, now_ms);
}

}  // namespace samspil::jobs
