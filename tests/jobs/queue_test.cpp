// The job queue on both engines: the outbox commits with its transaction, retries with
// back-off, dead-letters, expired leases, lost leases, and exactly-once under threads.
#include <gtest/gtest.h>

#include <thread>

#include "jobs/probe.hpp"
#include "jobs/queue.hpp"
#include "storage/migrations.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::jobs {
namespace {

using storage::Connection;
using storage::Dialect;
using storage::testing::engine_name;

constexpr std::int64_t kT0 = 1'700'000'000'000;

class JobsTest : public storage::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    storage::migrate(*m_db, storage::load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam()));
  }
  WorkerOptions options(const std::string& id) {
    WorkerOptions o;
    o.worker_id = id;
    o.lease = std::chrono::milliseconds(10'000);
    o.backoff_base = std::chrono::milliseconds(1'000);
    o.backoff_max = std::chrono::milliseconds(60'000);
    o.poll = std::chrono::milliseconds(10);
    return o;
  }
  std::int64_t add(const std::string& kind, int max_attempts = 3, std::int64_t now = kT0) {
    NewJob job;
    job.kind = kind;
    job.payload = "{}";
    job.max_attempts = max_attempts;
    return m_db->transaction([&](Connection& c) { return enqueue(c, job, now); });
  }
  storage::Row job_row(std::int64_t id) {
    return m_db->acquire()
        ->query("SELECT state, attempts, run_at, last_error, lease_owner FROM jobs WHERE id = $1", {id})
        .rows.at(0);
  }
  std::int64_t count(const std::string& sql) { return m_db->acquire()->query(sql).rows.at(0).integer(0); }
};

TEST_P(JobsTest, EnqueueCommitsOrRollsBackWithTheCallersTransaction) {
  NewJob job;
  job.kind = "mail.send";
  job.payload = R"({"to":"æøå@example.dk"})";
  job.tenant = "demo";
  EXPECT_THROW(m_db->transaction([&](Connection& c) {
    enqueue(c, job, kT0);
    throw std::runtime_error("the change failed");
  }),
               std::runtime_error);
  EXPECT_EQ(count("SELECT count(*) FROM jobs"), 0);
  const auto id = m_db->transaction([&](Connection& c) { return enqueue(c, job, kT0); });
  auto row = m_db->acquire()->query("SELECT kind, payload, tenant, state, run_at FROM jobs WHERE id = $1", {id}).rows.at(0);
  EXPECT_EQ(row.text(1), job.payload);
  EXPECT_EQ(row.text(2), "demo");
  EXPECT_EQ(row.text(3), "ready");
  EXPECT_EQ(row.integer(4), kT0);
  EXPECT_EQ(queue_stats(*m_db).ready, 1);
}

TEST_P(JobsTest, RunsAHandlerAndCommitsItsWritesWithDone) {
  const auto id = add(kProbeKind);
  Worker worker(*m_db, options("w1"));
  register_probe_handler(worker);
  EXPECT_EQ(worker.run_once(kT0), 1);
  EXPECT_EQ(job_row(id).text(0), "done");
  EXPECT_EQ(job_row(id).integer(1), 1);
  EXPECT_EQ(count("SELECT count(*) FROM job_probe_runs WHERE worker = 'w1'"), 1);
  EXPECT_EQ(worker.run_once(kT0), 0);
  EXPECT_FALSE(queue_busy(*m_db, kT0));
}

TEST_P(JobsTest, FutureJobsWaitForTheirTime) {
  NewJob job;
  job.kind = kProbeKind;
  job.run_at_ms = kT0 + 5'000;
  m_db->transaction([&](Connection& c) { enqueue(c, job, kT0); });
  Worker worker(*m_db, options("w1"));
  register_probe_handler(worker);
  EXPECT_EQ(worker.run_once(kT0), 0);
  EXPECT_FALSE(queue_busy(*m_db, kT0));
  EXPECT_EQ(worker.run_once(kT0 + 5'000), 1);
}

TEST_P(JobsTest, RetriesWithBackoffThenDeadWithLastError) {
  const auto id = add("always.fails", 3);
  Worker worker(*m_db, options("w1"));
  worker.register_handler("always.fails", [](Connection& c, const Job& job) {
    c.query("INSERT INTO job_probe_runs (job_id, worker, ran_at) VALUES ($1, 'x', 0)", {job.id});
    throw std::runtime_error("smtp refused: boom");
  });
  EXPECT_EQ(worker.run_once(kT0), 1);
  auto row = job_row(id);
  EXPECT_EQ(row.text(0), "ready");
  EXPECT_EQ(row.integer(1), 1);
  // run_once adds the batch's own elapsed time to the clock it is given, so the upper
  // bounds allow for a slow (sanitized, loaded) machine.
  constexpr std::int64_t kElapsedSlack = 250;
  EXPECT_GE(row.integer(2), kT0 + 500);  // base 1 s with equal jitter: 0.5–1 s
  EXPECT_LE(row.integer(2), kT0 + 1'000 + kElapsedSlack);
  EXPECT_NE(row.text(3).find("boom"), std::string::npos);
  EXPECT_EQ(count("SELECT count(*) FROM job_probe_runs"), 0);  // the handler's write rolled back
  EXPECT_EQ(worker.run_once(kT0 + 400), 0);                      // not due yet
  // Due by then whatever the first batch's own elapsed time added (at most the slack).
  constexpr std::int64_t kSecondRun = kT0 + 1'000 + kElapsedSlack;
  EXPECT_EQ(worker.run_once(kSecondRun), 1);
  row = job_row(id);
  EXPECT_EQ(row.text(0), "ready");
  EXPECT_GE(row.integer(2), kSecondRun + 1'000);  // second back-off: 1–2 s
  EXPECT_LE(row.integer(2), kSecondRun + 2'000 + kElapsedSlack);
  EXPECT_EQ(worker.run_once(kT0 + 10'000), 1);
  row = job_row(id);
  EXPECT_EQ(row.text(0), "dead");
  EXPECT_EQ(row.integer(1), 3);
  EXPECT_NE(row.text(3).find("attempt 3 of 3: smtp refused: boom"), std::string::npos) << row.text(3);
  EXPECT_EQ(worker.run_once(kT0 + 1'000'000), 0);
  EXPECT_EQ(queue_stats(*m_db).dead, 1);
}

TEST_P(JobsTest, UnknownKindIsDeadAtOnce) {
  const auto id = add("no.such.kind", 8);
  Worker worker(*m_db, options("w1"));
  EXPECT_EQ(worker.run_once(kT0), 1);
  const auto row = job_row(id);
  EXPECT_EQ(row.text(0), "dead");
  EXPECT_NE(row.text(3).find("no handler for job kind 'no.such.kind'"), std::string::npos) << row.text(3);
}

TEST_P(JobsTest, ExpiredLeaseIsLeasedAgain) {
  const auto id = add(kProbeKind);
  // A worker that leased the job and died: running, lease until T0 + 1 s.
  m_db->acquire()->query(
      "UPDATE jobs SET state = 'running', lease_owner = 'dead-worker', lease_until = $2, attempts = 1 WHERE id = $1",
      {id, kT0 + 1'000});
  Worker worker(*m_db, options("w2"));
  register_probe_handler(worker);
  EXPECT_EQ(worker.run_once(kT0 + 999), 0);
  EXPECT_TRUE(queue_busy(*m_db, kT0 + 999));
  EXPECT_EQ(worker.run_once(kT0 + 1'000), 1);
  const auto row = job_row(id);
  EXPECT_EQ(row.text(0), "done");
  EXPECT_EQ(row.integer(1), 2);
  EXPECT_EQ(row.text(4), "w2");
}

TEST_P(JobsTest, JobThatKeepsKillingItsWorkerGoesDeadAfterMaxAttempts) {
  const auto id = add(kProbeKind, /*max_attempts=*/2);
  // Its second (last) attempt's worker died too: the lease ran out with attempts = max.
  m_db->acquire()->query(
      "UPDATE jobs SET state = 'running', lease_owner = 'dead-worker', lease_until = $2, attempts = 2 WHERE id = $1",
      {id, kT0 + 1'000});
  Worker worker(*m_db, options("w3"));
  register_probe_handler(worker);
  EXPECT_EQ(worker.run_once(kT0 + 1'000), 0);
  const auto row = job_row(id);
  EXPECT_EQ(row.text(0), "dead");
  EXPECT_EQ(row.integer(1), 2);
  EXPECT_NE(row.text(3).find("lease expired"), std::string::npos);
  EXPECT_EQ(count("SELECT count(*) FROM job_probe_runs"), 0);
  EXPECT_FALSE(queue_busy(*m_db, kT0 + 1'000));
}

TEST_P(JobsTest, BatchTailNotStartedBeforeTheLeaseRunsShortIsHandedBackUncharged) {
  const auto first = add("slow");
  const auto second = add("slow");
  const auto third = add("slow");
  WorkerOptions o = options("w4");
  o.lease = std::chrono::milliseconds(400);
  o.batch = 3;
  Worker worker(*m_db, o);
  // The first job alone takes past three quarters of the lease.
  worker.register_handler("slow", [](Connection&, const Job&) { std::this_thread::sleep_for(std::chrono::milliseconds(350)); });
  EXPECT_EQ(worker.run_once(kT0), 1);
  EXPECT_EQ(job_row(first).text(0), "done");
  for (const auto id : {second, third}) {
    const auto row = job_row(id);
    EXPECT_EQ(row.text(0), "ready") << id;
    EXPECT_EQ(row.integer(1), 0) << "an unstarted job must not use up an attempt";
  }
  // Handed back, not left leased: another worker can take them at once.
  EXPECT_EQ(worker.run_once(kT0 + 1), 1);
}

TEST_P(JobsTest, LostLeaseRollsBackTheHandlersWrites) {
  const auto id = add("steals");
  Worker worker(*m_db, options("w1"));
  worker.register_handler("steals", [](Connection& c, const Job& job) {
    c.query("INSERT INTO job_probe_runs (job_id, worker, ran_at) VALUES ($1, 'w1', 0)", {job.id});
    // As if another worker had taken the job over meanwhile.
    c.query("UPDATE jobs SET lease_owner = 'thief' WHERE id = $1", {job.id});
  });
  EXPECT_EQ(worker.run_once(kT0), 0);
  EXPECT_EQ(count("SELECT count(*) FROM job_probe_runs"), 0);
  EXPECT_EQ(job_row(id).text(0), "running");
}

TEST_P(JobsTest, ConcurrentWorkersRunEveryJobExactlyOnce) {
  constexpr int kJobs = 400;
  enqueue_probes(*m_db, kJobs);
  auto db = m_test_db.open(5);
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    auto o = options("t" + std::to_string(i));
    o.batch = 8;
    workers.push_back(std::make_unique<Worker>(*db, o));
    register_probe_handler(*workers.back());
    threads.emplace_back([w = workers.back().get()] { w->run_until_idle([] { return false; }); });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(count("SELECT count(*) FROM job_probe_runs"), kJobs);
  EXPECT_EQ(count("SELECT count(DISTINCT job_id) FROM job_probe_runs"), kJobs);
  EXPECT_EQ(queue_stats(*m_db).done, kJobs);
  // Every job ran once. On PostgreSQL none needed a second lease; SQLite's unfair busy
  // handler can starve a worker until its lease expires, which costs an attempt only.
  EXPECT_LE(count("SELECT max(attempts) FROM jobs"), GetParam() == Dialect::postgresql ? 1 : 2);
  // PostgreSQL workers share the work; on SQLite one writer at a time may well take it all.
  if (GetParam() == Dialect::postgresql) {
    EXPECT_GE(count("SELECT count(DISTINCT worker) FROM job_probe_runs"), 2);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, JobsTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql), engine_name);

TEST(RetryDelay, GrowsExponentiallyWithJitterAndCap) {
  WorkerOptions o;
  o.worker_id = "x";
  o.backoff_base = std::chrono::milliseconds(2'000);
  o.backoff_max = std::chrono::milliseconds(60'000);
  for (int i = 0; i < 50; ++i) {
    const auto first = retry_delay(o, 1).count();
    EXPECT_GE(first, 1'000);
    EXPECT_LE(first, 2'000);
    const auto fourth = retry_delay(o, 4).count();
    EXPECT_GE(fourth, 8'000);
    EXPECT_LE(fourth, 16'000);
    const auto late = retry_delay(o, 60).count();
    EXPECT_GE(late, 30'000);
    EXPECT_LE(late, 60'000);
  }
}

}  // namespace
}  // namespace samspil::jobs
