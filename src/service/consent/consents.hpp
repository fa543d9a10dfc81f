#pragma once
// Consent per guardian (X1, issue 5 item 4): given in the portal by a custody holder, or
// recorded from paper by staff who reach the child; withdrawn at any time, not
// retroactively. A withdrawal immediately blocks what the scope covered (the engine reads
// the scopes in force on every move) and tells the professionals on the child's open cases
// (a "mail.send" job each, in the same transaction).
//
// Scopes come from the CASE's model (cases.model_id, through the registry in CasesConfig):
// a consent is about the child, so the scopes offered and accepted for a child are those of
// the models of the child's open cases (a closed case's model no longer matters), or, for a
// child without an open case, of the model the municipality opens new cases under. Paper
// consent (record_from_paper) keeps the signed scan sealed in consent_scans (migration 0016).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "service/base/actor.hpp"
#include "service/cases/cases.hpp"
#include "storage/consent_scan_store.hpp"
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
  std::string scan_attachment_id;   // paper: the scan (required; a consent_scans id of the child)
  std::optional<std::int64_t> expires_at_ms;
  std::optional<std::int64_t> given_at_ms;  // paper: when it was signed (not in the future); else now
  std::string case_id;              // optional: recorded from this case; the scope must be of its model
  std::string idempotency_key;      // optional
};

// Staff record a consent given on paper, with the signed scan, from a case's page: one
// consent per scope, all from the same paper, in one transaction with the scan.
struct RecordPaperConsent {
  std::string case_id;
  std::string guardian_id;          // a custody holder of the case's child
  std::vector<std::string> scopes;  // consent scope ids of the case's model (at least one)
  std::string purpose;
  std::string parties;
  std::string given_on;             // YYYY-MM-DD (Copenhagen) written on the paper, not in the future
  std::string expires_on;           // YYYY-MM-DD or "": in force through that day
  std::string file_name;            // the scan as uploaded: PDF, PNG or JPEG (magic bytes decide)
  std::string file_bytes;
  std::string idempotency_key;      // optional
};

// A scan without its content (for lists and the API).
struct ConsentScanInfo {
  std::string id;
  std::string case_id;
  std::string name;                 // the original file name, opened
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::int64_t uploaded_at_ms = 0;
};

struct ConsentScanContent {
  ConsentScanInfo info;
  std::string bytes;
};

// A guardian who can give consent (a custody holder of the child), for the staff form.
struct ConsentGiver {
  std::string user_id;
  std::string name;
  std::string relation;             // parent, foster_parent, other
};

// Scans are at most this large (the server's --body-limit is 10 MiB).
inline constexpr std::int64_t kMaxConsentScanBytes = 8 * 1024 * 1024;

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
  // Uploads the scan of a paper consent to the case (staff who may change it): the type is
  // decided by the magic bytes (PDF, PNG, JPEG), at most kMaxConsentScanBytes; sealed.
  ConsentScanInfo add_scan(const Actor& actor, const std::string& case_id, const std::string& file_name,
                           const std::string& bytes, std::int64_t now_ms);
  // Records a consent given on paper with its scan from the case's page; returns the ids of the
  // consents (one per scope). Invalid with Danish field errors; nothing is saved then.
  std::vector<std::string> record_from_paper(const Actor& actor, const RecordPaperConsent& input, std::int64_t now_ms);
  // The scan, for staff who reach a case of the same child (the download is audited).
  ConsentScanContent scan(const Actor& actor, const std::string& case_id, const std::string& scan_id,
                          std::int64_t now_ms);
  // The consent scopes of the case's own model (staff and guardians who reach the case).
  std::vector<domain::ConsentScope> scopes_for_case(const Actor& actor, const std::string& case_id);
  // The consent scopes for a child: those of the models of the child's open cases, else of the
  // model new cases use (guardians of the child and staff who reach it).
  std::vector<domain::ConsentScope> scopes_for_child(const Actor& actor, const std::string& child_id);
  // The child's custody holders, who can give consent (staff who reach the case).
  std::vector<ConsentGiver> givers_for_case(const Actor& actor, const std::string& case_id);
  // Withdraws a consent from now on (Conflict when already withdrawn).
  void withdraw(const Actor& actor, const std::string& consent_id, std::int64_t now_ms);
  // The child's consents (guardians: their own child; staff: a child they reach). Audited.
  std::vector<ConsentView> for_child(const Actor& actor, const std::string& child_id, std::int64_t now_ms);
  // One consent (same access as for_child). Audited.
  ConsentView get(const Actor& actor, const std::string& consent_id, std::int64_t now_ms);

 private:
  std::string give_in(storage::Connection& conn, const Actor& actor, const GiveConsent& input, std::int64_t now_ms);

  storage::Database& m_db;
  CasesConfig m_config;
};

}  // namespace samspil::service
