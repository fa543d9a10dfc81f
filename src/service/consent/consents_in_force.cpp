#include "service/consent/consents_in_force.hpp"

#include "domain/consent.hpp"
#include "storage/consent_store.hpp"
#include "storage/guardian_store.hpp"

namespace samspil::service {

std::set<std::string> consents_in_force(storage::Connection& conn, const CasesConfig& config,
                                        const std::string& tenant, const std::string& child_id, std::int64_t now_ms) {
  std::vector<domain::ConsentGuardian> guardians;
  for (const auto& g : storage::guardianships_of_child(conn, tenant, child_id)) {
    guardians.push_back({g.user_id, g.has_custody});
  }
  std::vector<domain::ConsentRecord> records;
  for (const auto& c : storage::consents_of_child(conn, tenant, child_id)) {
    records.push_back({c.guardian_id, c.scope, c.given_at_ms, c.expires_at_ms, c.withdrawn_at_ms});
  }
  return domain::scopes_in_force(*config.model, config.consent_requirement, guardians, records, now_ms);
}

}  // namespace samspil::service
