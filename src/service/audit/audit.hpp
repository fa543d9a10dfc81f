#pragma once
// The access log (audit): one append-only entry per read of personal data and per change,
// written in the caller's transaction, chained by hash per municipality (migration 0003).
// Guardians can be shown who (unit/role, not name) accessed their child's data and why.
#include <cstdint>
#include <string>
#include <string_view>

#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service::audit {

enum class Action { read, search, create, change, export_data, delete_data, sign_in, sign_out, sign_in_failed };

// The stable code stored in audit_log.action ("read", "search", …).
std::string_view action_code(Action action);

struct Entry {
  Action action = Action::read;
  std::string object_type;  // "child", "case", "user", "unit", "api_token", "session", …
  std::string object_id;    // opaque id; never a CPR number or a name
  std::string child_id;     // the child the object concerns, "" when none (for the extract)
  std::string purpose;      // why, in Danish, e.g. "Sagsbehandling", "Administration"
  std::string criterion;    // for searches: the criterion as entered
};

// Appends an entry for the actor in the caller's transaction (so it commits or rolls back
// with the change it records).
void record(storage::Connection& conn, const Actor& actor, const Entry& entry, std::int64_t now_ms);

// Appends an entry for the system itself or an anonymous caller (failed log-in, a job).
// actor_role is e.g. "system" or "anonymous"; actor_id may be "".
void record_system(storage::Connection& conn, const std::string& tenant, std::string_view actor_role,
                   const std::string& actor_id, const Entry& entry, const std::string& request_id,
                   std::int64_t now_ms);

}  // namespace samspil::service::audit
