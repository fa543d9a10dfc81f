#include "jobs/probe.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <thread>

#include "storage/job_store.hpp"

namespace samspil::jobs {

void register_probe_handler(Worker& worker) {
  const std::string worker_id = worker.options().worker_id;
  worker.register_handler(kProbeKind, [worker_id](storage::Connection& conn, const Job& job) {
    const auto payload = nlohmann::json::parse(job.payload.empty() ? "{}" : job.payload);
    if (const auto sleep = payload.find("sleep_ms"); sleep != payload.end() && sleep->is_number_integer()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(sleep->get<std::int64_t>()));
    }
    storage::insert_probe_run(conn, job.id, worker_id, system_now_ms());
  });
}

void enqueue_probes(storage::Database& db, std::int64_t count, const std::string& payload) {
  constexpr std::int64_t kBatch = 1000;
  for (std::int64_t done = 0; done < count;) {
    const std::int64_t n = std::min(kBatch, count - done);
    NewJob job;
    job.kind = kProbeKind;
    job.payload = payload;
    db.transaction([&](storage::Connection& conn) {
      const std::int64_t now = system_now_ms();
      for (std::int64_t i = 0; i < n; ++i) enqueue(conn, job, now);
    });
    done += n;
  }
}

}  // namespace samspil::jobs
