#pragma once
// The job queue's rows (migration 0002): every statement the worker runs. A state change is
// one UPDATE guarded by the lease (lease_owner and state = 'running'), so a worker that lost
// its lease can never overwrite the outcome the worker that took the job over recorded.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct JobRow {
  std::int64_t id = 0;
  std::string kind;
  std::string payload;
  std::optional<std::string> tenant;
  int attempts = 0;  // including the one just leased
  int max_attempts = 0;
};

struct JobCounts {
  std::int64_t ready = 0;
  std::int64_t running = 0;
  std::int64_t done = 0;  // counted only with JobStates::all
  std::int64_t dead = 0;
};

// Which states count_jobs reads: the small ones (a metrics scrape), or all (done rows pile up).
enum class JobStates { open_and_dead, all };

// Adds a ready job; returns its id.
std::int64_t insert_job(Connection& conn, const std::optional<std::string>& tenant, const std::string& kind,
                        const std::string& payload, int max_attempts, std::int64_t run_at_ms, std::int64_t now_ms);
// Running jobs whose lease expired on their last attempt took their worker down with them
// every time: they become dead instead of being leased again forever.
void bury_jobs_out_of_attempts(Connection& conn, std::int64_t now_ms);
// Leases up to `batch` due ready jobs and running jobs whose lease expired (their worker
// died) to the worker until lease_until_ms, charging an attempt each. PostgreSQL skips rows
// locked by another worker; SQLite's single writer runs it inside BEGIN IMMEDIATE.
std::vector<JobRow> lease_jobs(Connection& conn, const std::string& worker, std::int64_t lease_until_ms,
                               std::int64_t now_ms, int batch);
// True while the worker holds the job's lease; on PostgreSQL the row stays locked for the
// rest of the transaction, so no other worker can lease it even when the lease runs out.
bool claim_job(Connection& conn, std::int64_t id, const std::string& worker);
// Records success; false when the worker no longer holds the lease.
bool finish_job(Connection& conn, std::int64_t id, const std::string& worker, std::int64_t now_ms);
// Gives a leased job back uncharged (it never started).
void hand_back_job(Connection& conn, std::int64_t id, const std::string& worker);
// Records a failure: dead for good, or ready again at run_at_ms.
void record_job_failure(Connection& conn, std::int64_t id, const std::string& worker, bool dead,
                        std::int64_t run_at_ms, const std::string& message, std::int64_t now_ms);
// The number of jobs per state (served by the (state, run_at, id) index).
JobCounts count_jobs(Connection& conn, JobStates states);
// True when a job is due or running.
bool jobs_due_or_running(Connection& conn, std::int64_t now_ms);

// The probe job's trace (`samspil jobs probe`): which worker ran which job when.
void insert_probe_run(Connection& conn, std::int64_t job_id, const std::string& worker, std::int64_t ran_at_ms);

}  // namespace samspil::storage
