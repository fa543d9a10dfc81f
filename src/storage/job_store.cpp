#include "storage/job_store.hpp"

#include <algorithm>

namespace samspil::storage {

std::int64_t insert_job(Connection& conn, const std::optional<std::string>& tenant, const std::string& kind,
                        const std::string& payload, int max_attempts, std::int64_t run_at_ms, std::int64_t now_ms) {
  const Value tenant_value = tenant ? Value(*tenant) : Value(nullptr);
  auto result = conn.query(
      "INSERT INTO jobs (tenant, kind, payload, state, attempts, max_attempts, run_at, created_at) "
      "VALUES ($1, $2, $3, 'ready', 0, $4, $5, $6) RETURNING id",
      {tenant_value, kind, payload, static_cast<std::int64_t>(std::max(max_attempts, 1)), run_at_ms, now_ms});
  return result.rows.at(0).integer(0);
}

void bury_jobs_out_of_attempts(Connection& conn, std::int64_t now_ms) {
  conn.query(
      "UPDATE jobs SET state = 'dead', lease_until = NULL, done_at = $1, "
      "last_error = 'the lease expired on the last attempt: the worker stopped while running the job' "
      "WHERE state = 'running' AND lease_until <= $1 AND attempts >= max_attempts",
      {now_ms});
}

std::vector<JobRow> lease_jobs(Connection& conn, const std::string& worker, std::int64_t lease_until_ms,
                               std::int64_t now_ms, int batch) {
  static const std::string base =
      "UPDATE jobs SET state = 'running', lease_owner = $1, lease_until = $2, attempts = attempts + 1 "
      "WHERE id IN (SELECT id FROM jobs "
      "WHERE (state = 'ready' AND run_at <= $3) "
      "OR (state = 'running' AND lease_until <= $3 AND attempts < max_attempts) "
      "ORDER BY run_at, id LIMIT $4";
  static const std::string returning = ") RETURNING id, kind, payload, tenant, attempts, max_attempts";
  static const std::string sqlite_sql = base + returning;
  static const std::string postgresql_sql = base + " FOR UPDATE SKIP LOCKED" + returning;
  const auto rows = conn.query(conn.dialect() == Dialect::postgresql ? postgresql_sql : sqlite_sql,
                               {worker, lease_until_ms, now_ms, static_cast<std::int64_t>(std::max(batch, 1))})
                        .rows;
  std::vector<JobRow> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    out.push_back(JobRow{.id = row.integer(0), .kind = row.text(1), .payload = row.text(2),
                         .tenant = row.optional_text(3), .attempts = static_cast<int>(row.integer(4)),
                         .max_attempts = static_cast<int>(row.integer(5))});
  }
  return out;
}

bool claim_job(Connection& conn, std::int64_t id, const std::string& worker) {
  const char* claim = conn.dialect() == Dialect::postgresql
                          ? "SELECT id FROM jobs WHERE id = $1 AND lease_owner = $2 AND state = 'running' FOR UPDATE"
                          : "SELECT id FROM jobs WHERE id = $1 AND lease_owner = $2 AND state = 'running'";
  return !conn.query(claim, {id, worker}).rows.empty();
}

bool finish_job(Connection& conn, std::int64_t id, const std::string& worker, std::int64_t now_ms) {
  const auto done = conn.query(
      "UPDATE jobs SET state = 'done', done_at = $3, lease_until = NULL, last_error = NULL "
      "WHERE id = $1 AND lease_owner = $2 AND state = 'running'",
      {id, worker, now_ms});
  return done.affected == 1;
}

void hand_back_job(Connection& conn, std::int64_t id, const std::string& worker) {
  conn.query(
      "UPDATE jobs SET state = 'ready', attempts = attempts - 1, lease_until = NULL "
      "WHERE id = $1 AND lease_owner = $2 AND state = 'running'",
      {id, worker});
}

void record_job_failure(Connection& conn, std::int64_t id, const std::string& worker, bool dead,
                        std::int64_t run_at_ms, const std::string& message, std::int64_t now_ms) {
  conn.query(
      "UPDATE jobs SET state = $3, run_at = $4, last_error = $5, lease_until = NULL, "
      "done_at = $6 WHERE id = $1 AND lease_owner = $2 AND state = 'running'",
      {id, worker, std::string(dead ? "dead" : "ready"), run_at_ms, message, dead ? Value(now_ms) : Value(nullptr)});
}

JobCounts count_jobs(Connection& conn, JobStates states) {
  // The small states only for scrapes: 'done' rows accumulate.
  const char* sql = states == JobStates::all
                        ? "SELECT state, count(*) FROM jobs GROUP BY state"
                        : "SELECT state, count(*) FROM jobs WHERE state IN ('ready', 'running', 'dead') GROUP BY state";
  JobCounts counts;
  for (const auto& row : conn.query(sql).rows) {
    const std::string& state = row.text(0);
    const std::int64_t n = row.integer(1);
    if (state == "ready") counts.ready = n;
    else if (state == "running") counts.running = n;
    else if (state == "done") counts.done = n;
    else if (state == "dead") counts.dead = n;
  }
  return counts;
}

bool jobs_due_or_running(Connection& conn, std::int64_t now_ms) {
  const auto rows =
      conn.query("SELECT count(*) FROM jobs WHERE (state = 'ready' AND run_at <= $1) OR state = 'running'", {now_ms});
  return rows.rows.at(0).integer(0) > 0;
}

void insert_probe_run(Connection& conn, std::int64_t job_id, const std::string& worker, std::int64_t ran_at_ms) {
  conn.query("INSERT INTO job_probe_runs (job_id, worker, ran_at) VALUES ($1, $2, $3)", {job_id, worker, ran_at_ms});
}

}  // namespace samspil::storage
