#pragma once
// The access log's hash chain: the canonical hash of an entry and the verification that
// `samspil audit verify` runs over every municipality's chain.
#include <cstdint>
#include <optional>
#include <string>

#include "storage/audit_store.hpp"
#include "storage/database.hpp"

namespace samspil::service::audit {

// SHA-256 hex over a length-prefixed encoding of every field of the entry (prev_hash
// included, hash excluded), so no two different entries encode alike.
std::string entry_hash(const storage::AuditRecord& record);

struct VerifyResult {
  bool ok = true;
  std::int64_t entries = 0;  // entries checked
  std::int64_t tenants = 0;  // chains checked
  // The first broken entry when !ok.
  std::string tenant;
  std::int64_t seq = 0;
  std::string what;  // "edited", "missing", "head mismatch"
};

// Walks each tenant's chain (or only `tenant`) in seq order in pages and stops at the first
// break: a recomputed hash or link that differs (edited), a gap in seq (missing), or a
// head that does not point at the last entry (head mismatch / missing at the end).
VerifyResult verify_chains(storage::Database& db, const std::optional<std::string>& tenant, int page_size = 500);

}  // namespace samspil::service::audit
