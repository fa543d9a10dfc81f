#pragma once
// Consent per guardian (X1, issue 5 item 4): given in the portal by a custody holder, or
// recorded from paper by staff who reach the child; withdrawn at any time, not
// retroactively. A withdrawal immediately blocks what the scope covered (the engine reads
// the scopes in force on every move) and tells the professionals on the child's open cases
// (a "mail.send" job each, in the same transaction).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/actor.hpp"
#include "service/cases.hpp"
#include "storage/consent_store.hpp"
#include "storage/database.hpp"

namespace samspil::service {

struct GiveConsent {
  std::string child_id;
  std::string guardian_id;          // a guardian: themself; staff: the guardian on the paper
  std::string scope;                // a consent scope id of the model
  std::string purpose;              // Danish free text: what for
  std::string parties;              // who may share/meet, e.g. "Skolen, PPR"
  std::string source;               // "portal" (guardian) or "paper" (recorded by staff)
  std::string scan_attachment_id;   // paper: the scan, optional
  std::optional<std::int64_t> expires_at_ms;
  std::string idempotency_key;      // optional
};

struct ConsentView {
  storage::ConsentRow row;
  std::string scope_name;
  bool in_force = false;            // this record alone covers now
};

class Consents {
 public:
  Consents(storage::Database& db, CasesConfig config) : m_db(db), m_config(config) {}

  // Records a consent; returns its id (the first one's for a repeated idempotency key).
  std::string give(const Actor& actor, const GiveConsent& input, std::int64_t now_ms);
  // Withdraws a consent from now on (Conflict when already withdrawn).
  void withdraw(const Actor& actor, const std::string& consent_id, std::int64_t now_ms);
  // The child's consents (guardians: their own child; staff: a child they reach). Audited.
  std::vector<ConsentView> for_child(const Actor& actor, const std::string& child_id, std::int64_t now_ms);
  // One consent (same access as for_child). Audited.
  ConsentView get(const Actor& actor, const std::string& consent_id, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  CasesConfig m_config;
};

}  // namespace samspil::service
