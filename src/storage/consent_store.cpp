#include "storage/consent_store.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kSelect =
    "SELECT id, tenant, child_id, guardian_id, scope, purpose, parties, given_at, source, scan_attachment_id, "
    "expires_at, withdrawn_at, recorded_by, created_at FROM consents ";

ConsentRow consent_from(const Row& r) {
  ConsentRow c;
  c.id = r.text(0);
  c.tenant = r.text(1);
  c.child_id = r.text(2);
  c.guardian_id = r.text(3);
  c.scope = r.text(4);
  c.purpose = r.text(5);
  c.parties = r.text(6);
  c.given_at_ms = r.integer(7);
  c.source = r.text(8);
  c.scan_attachment_id = r.optional_text(9).value_or("");
  c.expires_at_ms = r.optional_integer(10);
  c.withdrawn_at_ms = r.optional_integer(11);
  c.recorded_by = r.text(12);
  c.created_at_ms = r.integer(13);
  return c;
}

}  // namespace

void insert_consent(Connection& conn, const ConsentRow& c) {
  conn.query(
      "INSERT INTO consents (id, tenant, child_id, guardian_id, scope, purpose, parties, given_at, source, "
      "scan_attachment_id, expires_at, withdrawn_at, recorded_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
      {c.id, c.tenant, c.child_id, c.guardian_id, c.scope, c.purpose, c.parties, c.given_at_ms, c.source,
       c.scan_attachment_id.empty() ? Value{nullptr} : Value{c.scan_attachment_id},
       c.expires_at_ms ? Value{*c.expires_at_ms} : Value{nullptr},
       c.withdrawn_at_ms ? Value{*c.withdrawn_at_ms} : Value{nullptr}, c.recorded_by, c.created_at_ms});
}

std::optional<ConsentRow> find_consent(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(std::string(kSelect) + "WHERE tenant = $1 AND id = $2", {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return consent_from(r.rows.front());
}

std::vector<ConsentRow> consents_of_child(Connection& conn, const std::string& tenant, const std::string& child_id) {
  const Result r = conn.query(std::string(kSelect) + "WHERE tenant = $1 AND child_id = $2 ORDER BY given_at, id",
                              {tenant, child_id});
  std::vector<ConsentRow> out;
  for (const Row& row : r.rows) out.push_back(consent_from(row));
  return out;
}

bool withdraw_consent(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t at_ms) {
  return conn.query("UPDATE consents SET withdrawn_at = $3 WHERE tenant = $1 AND id = $2 AND withdrawn_at IS NULL",
                    {tenant, id, at_ms})
             .affected > 0;
}

}  // namespace samspil::storage
