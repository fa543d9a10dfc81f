#pragma once
// Consent (X1) as pure evaluation: given who holds custody of a child, the recorded
// consents and the municipality's rule (one or every custody holder must consent), is a
// scope in force at a moment? A withdrawal is not retroactive: it ends the consent from its
// own moment on, so what happened before stays lawful and what comes after is blocked.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"

namespace samspil::domain {

// How many custody holders must consent (a municipality setting; default: every one).
enum class ConsentRequirement { any_custody_holder, every_custody_holder };

// A guardian of the child as far as consent is concerned.
struct ConsentGuardian {
  std::string user_id;
  bool has_custody = true;  // only custody holders (forældremyndighed) can give consent
};

// One recorded consent of one guardian for one scope.
struct ConsentRecord {
  std::string guardian_id;
  std::string scope;                       // a consent scope id of the model
  std::int64_t given_at_ms = 0;
  std::optional<std::int64_t> expires_at_ms;
  std::optional<std::int64_t> withdrawn_at_ms;
};

// True when this single record covers the moment (given ≤ at < expiry and < withdrawal).
bool record_in_force(const ConsentRecord& record, std::int64_t at_ms);

// True when the scope is in force for the child at the moment under the requirement.
// With no custody holder on file nothing is in force: consent must come from one.
bool consent_in_force(ConsentRequirement requirement, const std::vector<ConsentGuardian>& guardians,
                      const std::vector<ConsentRecord>& records, std::string_view scope, std::int64_t at_ms);

// Every scope of the model in force at the moment (the engine's CaseHistory::consents).
std::set<std::string> scopes_in_force(const Model& model, ConsentRequirement requirement,
                                      const std::vector<ConsentGuardian>& guardians,
                                      const std::vector<ConsentRecord>& records, std::int64_t at_ms);

// The model's consent scope with this id, or nullptr.
const ConsentScope* find_consent_scope(const Model& model, std::string_view id);

// Parses the setting's code ("any" / "every"); nullopt for anything else.
std::optional<ConsentRequirement> parse_consent_requirement(std::string_view code);

}  // namespace samspil::domain
