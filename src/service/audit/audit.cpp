#include "service/audit/audit.hpp"

#include <array>
#include <utility>

#include "service/audit/audit_chain.hpp"
#include "storage/audit_store.hpp"

namespace samspil::service::audit {

namespace {

std::optional<std::string> non_empty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// The unit the actor acted for: the first unit they lead, else the first they belong to.
std::optional<std::string> actor_unit(const Actor& actor) {
  if (!actor.led_unit_ids.empty()) return actor.led_unit_ids.front();
  if (!actor.unit_ids.empty()) return actor.unit_ids.front();
  return std::nullopt;
}

void append(storage::Connection& conn, const std::string& tenant, std::string_view actor_role,
            std::optional<std::string> actor_id, std::optional<std::string> unit, const Entry& entry,
            const std::string& request_id, std::int64_t now_ms) {
  const storage::AuditHead head = storage::lock_audit_head(conn, tenant);
  storage::AuditRecord record;
  record.tenant = tenant;
  record.seq = head.seq + 1;
  record.at_ms = now_ms;
  record.actor_id = std::move(actor_id);
  record.actor_role = std::string(actor_role);
  record.actor_unit = std::move(unit);
  record.action = std::string(action_code(entry.action));
  record.object_type = entry.object_type;
  record.object_id = non_empty(entry.object_id);
  record.child_id = non_empty(entry.child_id);
  record.purpose = entry.purpose;
  record.criterion = non_empty(entry.criterion);
  record.request_id = non_empty(request_id);
  record.prev_hash = head.hash;
  record.hash = entry_hash(record);
  storage::append_audit_record(conn, record);
}

}  // namespace

std::string_view action_code(Action action) {
  switch (action) {
    case Action::read: return "read";
    case Action::search: return "search";
    case Action::create: return "create";
    case Action::change: return "change";
    case Action::export_data: return "export";
    case Action::delete_data: return "delete";
    case Action::sign_in: return "sign_in";
    case Action::sign_out: return "sign_out";
    case Action::sign_in_failed: return "sign_in_failed";
  }
  return "read";
}

void record(storage::Connection& conn, const Actor& actor, const Entry& entry, std::int64_t now_ms) {
  append(conn, actor.tenant, role_code(actor.role), non_empty(actor.user_id), actor_unit(actor), entry,
         actor.request_id, now_ms);
}

void record_system(storage::Connection& conn, const std::string& tenant, std::string_view actor_role,
                   const std::string& actor_id, const Entry& entry, const std::string& request_id,
                   std::int64_t now_ms) {
  append(conn, tenant, actor_role, non_empty(actor_id), std::nullopt, entry, request_id, now_ms);
}

}  // namespace samspil::service::audit
