#pragma once
// The access log's rows (audit_log) and each municipality's chain end (audit_heads).
// Rows are only ever inserted: no function here updates or deletes an audit_log row.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct AuditRecord {
  std::string tenant;
  std::int64_t seq = 0;
  std::int64_t at_ms = 0;
  std::optional<std::string> actor_id;
  std::string actor_role;
  std::optional<std::string> actor_unit;
  std::string action;
  std::string object_type;
  std::optional<std::string> object_id;
  std::optional<std::string> child_id;
  std::string purpose;
  std::optional<std::string> criterion;
  std::optional<std::string> request_id;
  std::string prev_hash;
  std::string hash;
};

struct AuditHead {
  std::int64_t seq = 0;  // 0 = no entries yet
  std::string hash;      // the last entry's hash (64 zeros before the first)
};

// The genesis prev_hash: 64 zeros.
const std::string& audit_genesis_hash();
// Reads the tenant's chain end and locks it until the transaction ends (FOR UPDATE on
// PostgreSQL; SQLite's write transaction already serialises), creating it at seq 0 if absent.
AuditHead lock_audit_head(Connection& conn, const std::string& tenant);
// Reads the tenant's chain end without locking; nullopt when the tenant has none.
std::optional<AuditHead> find_audit_head(Connection& conn, const std::string& tenant);
// Inserts one entry and moves the tenant's head to it (same transaction).
void append_audit_record(Connection& conn, const AuditRecord& record);
// Up to limit entries of the tenant with seq > after_seq, in seq order.
std::vector<AuditRecord> list_audit_records(Connection& conn, const std::string& tenant, std::int64_t after_seq,
                                            int limit);
// Every tenant that has entries or a head, sorted.
std::vector<std::string> list_audit_tenants(Connection& conn);

// One row of a guardian's extract: an entry about one of the guardian's children, with the
// actor's unit name resolved (never the actor's own name).
struct AccessLogRow {
  std::int64_t at_ms = 0;
  std::string actor_role;
  std::string unit_name;  // "" when the actor had no unit
  std::string action;
  std::string object_type;
  std::string purpose;
  std::string child_id;
  std::string child_first_name;
};
// Entries whose child is one of the guardian's children (per guardianships), newest first.
std::vector<AccessLogRow> list_child_access(Connection& conn, const std::string& tenant,
                                            const std::string& guardian_user_id, int offset, int limit);
// How many such entries exist (for pagination).
std::int64_t count_child_access(Connection& conn, const std::string& tenant, const std::string& guardian_user_id);

}  // namespace samspil::storage
