#pragma once
// The built-in job kind "queue.probe": each run inserts one row into job_probe_runs.
// Operators use it to check the queue end to end (`samspil jobs probe`, `jobs status`);
// the tests use it to prove that every job runs exactly once.
#include <cstdint>
#include <string>

#include "jobs/queue.hpp"

namespace samspil::jobs {

inline constexpr const char* kProbeKind = "queue.probe";

// Registers the probe handler on the worker. A payload {"sleep_ms": N} makes a run take N
// milliseconds (inside its transaction), to test leases and crashes mid-job.
void register_probe_handler(Worker& worker);

// Enqueues `count` probe jobs with the given payload, in transactions of up to 1000.
void enqueue_probes(storage::Database& db, std::int64_t count, const std::string& payload = "{}");

}  // namespace samspil::jobs
