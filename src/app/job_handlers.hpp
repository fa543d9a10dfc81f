#pragma once
// Every background job kind Samspil enqueues, registered on a worker in one place, so that
// `serve`'s job threads and a separate `samspil jobs work` process handle the same kinds
// (a kind only one of them knew would sit in the queue until its attempts ran out).
#include <string>

#include "jobs/queue.hpp"
#include "service/agreements/records_export.hpp"
#include "service/base/mail_outbox.hpp"

namespace samspil::app {

struct JobHandlerSettings {
  service::mail_outbox::Settings mail;
  service::records_export::Settings records;  // target "" = the export kind is not handled here
  std::string public_base_url;                // links in reminder mails
};

void register_job_handlers(jobs::Worker& worker, const JobHandlerSettings& settings);

}  // namespace samspil::app
