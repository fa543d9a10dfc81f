#include "app/job_handlers.hpp"

#include "app/clock.hpp"
#include "jobs/probe.hpp"
#include "service/meetings/meetings.hpp"
#include "service/obligations/obligations.hpp"

namespace samspil::app {

void register_job_handlers(jobs::Worker& worker, const JobHandlerSettings& settings) {
  jobs::register_probe_handler(worker);
  service::mail_outbox::register_handler(worker, settings.mail);
  service::register_meeting_jobs(worker);
  if (!settings.records.target.empty()) service::records_export::register_handler(worker, settings.records);
  service::obligations::register_handler(worker, {.public_base_url = settings.public_base_url}, [] { return now_ms(); });
}

}  // namespace samspil::app
