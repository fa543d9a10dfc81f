#pragma once
// Obligations of meetings (X3, issue 6 item 7): computed from the meeting type's deadline
// rules (domain::compute_deadlines) over the meeting's facts, stored per meeting with the
// user who holds the owning role, reminded before they are due and reported when missed.
//
// Reminders run through the job outbox: every stored obligation with a due time gets an
// "obligations.remind" job at (due - remind_working_days working days) and, after that,
// one at the due time that marks the obligation missed when it is still not done. A job
// whose obligation has since moved (due time changed), been done or been removed is a
// no-op, so recomputing after a meeting moves simply enqueues new jobs.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "jobs/queue.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "storage/database.hpp"
#include "storage/obligation_store.hpp"

namespace samspil::service::obligations {

constexpr const char* kJobKind = "obligations.remind";

struct Settings {
  int remind_working_days = 2;   // a reminder goes out this many working days before due
  std::string public_base_url;   // for the link in reminder mails
};

// One obligation as pages, the API and "Mit overblik" show it.
struct ObligationView {
  std::string id;
  std::string meeting_id;
  std::string case_id;
  std::string obligation_id;  // the model's rule id (send_agenda …)
  std::string label;          // Danish, e.g. "Send dagsorden"
  std::string rule;           // F6, S7 …
  std::string owner_role;
  std::string owner_id;
  std::string owner_name;
  std::optional<std::int64_t> due_at_ms;  // nullopt: the anchor fact is not known yet
  std::string anchor;
  bool closed_day = false;
  std::optional<std::int64_t> done_at_ms, reminded_at_ms, missed_at_ms;
  std::string status;  // done, missed, open, unknown (no due time yet)
};

struct Compliance {
  std::int64_t met = 0, late = 0, missed = 0, open = 0;
};

// Computes the meeting's obligations from its type's deadlines and facts, stores them with
// their owners, marks the ones whose fact happened done, and enqueues reminder jobs.
// Call in the transaction that changed the meeting (convened, moved, invitation/agenda sent).
void recompute(storage::Connection& conn, const domain::Model& model, const std::string& tenant,
               const std::string& meeting_id, std::int64_t now_ms, const Settings& settings = {});

// The obligations of a meeting (no access check: callers reach the meeting first).
std::vector<ObligationView> of_meeting(storage::Connection& conn, const std::string& tenant,
                                       const std::string& meeting_id, std::int64_t now_ms);
// The actor's own obligations not done yet, earliest due first.
std::vector<ObligationView> obligations_of_user(storage::Connection& conn, const Actor& actor, std::int64_t now_ms,
                                                int limit = 50);
// Met/late/missed/open counts for a unit's obligations due in [from_ms, to_ms).
Compliance compliance_of_unit(storage::Connection& conn, const std::string& tenant, const std::string& unit_id,
                              std::int64_t from_ms, std::int64_t to_ms, std::int64_t now_ms);
// The Danish label of an obligation id of the presets ("send_agenda" -> "Send dagsorden").
std::string label_of(const std::string& obligation_id);

// Registers the reminder handler on a worker; now_ms is the clock (tests move it).
void register_handler(jobs::Worker& worker, const Settings& settings, std::function<std::int64_t()> now_ms);
// Runs one reminder job's payload at now_ms (what the handler does; exposed for tests).
void run_reminder(storage::Connection& conn, const std::string& payload, const Settings& settings,
                  std::int64_t now_ms);

}  // namespace samspil::service::obligations
