// Consent evaluation. Only custody holders count: a foster parent or other guardian without
// forældremyndighed can be told and heard, but cannot consent on the child's behalf.
#include "domain/consent.hpp"

#include <algorithm>

namespace samspil::domain {

bool record_in_force(const ConsentRecord& r, std::int64_t at_ms) {
  if (at_ms < r.given_at_ms) return false;
  if (r.expires_at_ms && at_ms >= *r.expires_at_ms) return false;
  if (r.withdrawn_at_ms && at_ms >= *r.withdrawn_at_ms) return false;
  return true;
}

bool consent_in_force(ConsentRequirement requirement, const std::vector<ConsentGuardian>& guardians,
                      const std::vector<ConsentRecord>& records, std::string_view scope, std::int64_t at_ms) {
  int holders = 0;
  int consenting = 0;
  for (const auto& g : guardians) {
    if (!g.has_custody) continue;
    ++holders;
    const bool given = std::any_of(records.begin(), records.end(), [&](const ConsentRecord& r) {
      return r.guardian_id == g.user_id && r.scope == scope && record_in_force(r, at_ms);
    });
    if (given) ++consenting;
  }
  if (holders == 0) return false;
  return requirement == ConsentRequirement::any_custody_holder ? consenting > 0 : consenting == holders;
}

std::set<std::string> scopes_in_force(const Model& model, ConsentRequirement requirement,
                                      const std::vector<ConsentGuardian>& guardians,
                                      const std::vector<ConsentRecord>& records, std::int64_t at_ms) {
  std::set<std::string> out;
  for (const auto& scope : model.consent_scopes) {
    if (consent_in_force(requirement, guardians, records, scope.id, at_ms)) out.insert(scope.id);
  }
  return out;
}

const ConsentScope* find_consent_scope(const Model& model, std::string_view id) {
  for (const auto& scope : model.consent_scopes) {
    if (scope.id == id) return &scope;
  }
  return nullptr;
}

std::optional<ConsentRequirement> parse_consent_requirement(std::string_view code) {
  if (code == "any") return ConsentRequirement::any_custody_holder;
  if (code == "every") return ConsentRequirement::every_custody_holder;
  return std::nullopt;
}

}  // namespace samspil::domain
