#include "service/audit/audit_chain.hpp"

#include "crypto/sha256.hpp"

namespace samspil::service::audit {

namespace {

// "S<length>:<bytes>;" for a string, "N;" for NULL, "I<decimal>;" for an integer: a field
// can never run into the next, and NULL differs from "".
void put(std::string& out, const std::string& s) {
  out += 'S';
  out += std::to_string(s.size());
  out += ':';
  out += s;
  out += ';';
}
void put(std::string& out, const std::optional<std::string>& s) {
  if (s) {
    put(out, *s);
  } else {
    out += "N;";
  }
}
void put(std::string& out, std::int64_t v) {
  out += 'I';
  out += std::to_string(v);
  out += ';';
}

}  // namespace

std::string entry_hash(const storage::AuditRecord& r) {
  std::string enc = "samspil-audit-v1;";
  put(enc, r.tenant);
  put(enc, r.seq);
  put(enc, r.at_ms);
  put(enc, r.actor_id);
  put(enc, r.actor_role);
  put(enc, r.actor_unit);
  put(enc, r.action);
  put(enc, r.object_type);
  put(enc, r.object_id);
  put(enc, r.child_id);
  put(enc, r.purpose);
  put(enc, r.criterion);
  put(enc, r.request_id);
  put(enc, r.prev_hash);
  return crypto::sha256_hex(enc);
}

namespace {

bool verify_one(storage::Connection& conn, const std::string& tenant, int page_size, VerifyResult& result) {
  auto fail = [&](std::int64_t seq, const char* what) {
    result.ok = false;
    result.tenant = tenant;
    result.seq = seq;
    result.what = what;
    return false;
  };
  std::int64_t last_seq = 0;
  std::string prev = storage::audit_genesis_hash();
  for (;;) {
    const auto page = storage::list_audit_records(conn, tenant, last_seq, page_size);
    for (const auto& rec : page) {
      if (rec.seq != last_seq + 1) return fail(last_seq + 1, "missing");
      if (rec.prev_hash != prev || entry_hash(rec) != rec.hash) return fail(rec.seq, "edited");
      last_seq = rec.seq;
      prev = rec.hash;
      ++result.entries;
    }
    if (static_cast<int>(page.size()) < page_size) break;
  }
  const auto head = storage::find_audit_head(conn, tenant);
  if (!head) return last_seq == 0 ? true : fail(last_seq, "head mismatch");
  // A head beyond the last entry means entries at the end were deleted.
  if (head->seq > last_seq) return fail(last_seq + 1, "missing");
  if (head->seq != last_seq || head->hash != prev) return fail(last_seq, "head mismatch");
  return true;
}

}  // namespace

VerifyResult verify_chains(storage::Database& db, const std::optional<std::string>& tenant, int page_size) {
  VerifyResult result;
  storage::Lease lease = db.acquire();
  const std::vector<std::string> tenants =
      tenant ? std::vector<std::string>{*tenant} : storage::list_audit_tenants(*lease);
  for (const auto& t : tenants) {
    ++result.tenants;
    if (!verify_one(*lease, t, page_size, result)) break;
  }
  return result;
}

}  // namespace samspil::service::audit
