#pragma once
// Triage at the PPR district meeting (P1, issue 5 item 5): the district lead's queue of
// requests, decisions on them (assign a PPR staff member, ask for more information, redirect
// to konsultativ vejledning, decline with a reason) and the waiting times that follow from
// them. A decision moves the case through its model (domain::check_move with the model's
// forum/event ids) and writes the decision, the case change, a task for the assignee, a
// timeline row, an audit entry and a mail to the requester in ONE transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "storage/database.hpp"
#include "storage/triage_store.hpp"

namespace samspil::service {

// Working days the assignee has to contact the institution when the model names no
// deadline "triage_contact" (P1 says "henvender sig", without a number; 5 working days is
// this installation's documented default, see docs/triage.md).
inline constexpr int kDefaultContactWorkingDays = 5;

struct TriageConfig {
  const ModelRegistry* models = nullptr;         // the case's model is models->find(cases.model_id)
  const crypto::FieldCipher* cipher = nullptr;   // seals reasons and task titles
  std::string public_base_url;                   // links in mails ("" = relative links)
};

// The decision kinds (stable codes stored in triage_decisions.decision).
inline constexpr const char* kAssign = "assign";
inline constexpr const char* kMoreInfo = "more_info";
inline constexpr const char* kRedirectKv = "redirect_kv";
inline constexpr const char* kDecline = "decline";

// The model event/forum a decision moves the case through (the model's case.triage); ""
// when the model makes no move for it.
std::string decision_via(const domain::Model& model, const std::string& decision);
// The Danish name of a decision ("Fordelt til PPR-medarbejder", …).
std::string decision_label(const std::string& decision);

struct DecisionInput {
  std::string decision;      // assign, more_info, redirect_kv, decline
  std::string assignee_id;   // assign: a staff member of the case's district
  std::string reason;        // required for more_info and decline; optional otherwise
};

struct DecisionResult {
  std::string decision_id;
  std::string task_id;       // assign only
  std::string new_state;
  std::optional<std::int64_t> task_due_ms;
};

struct QueueEntry {
  storage::QueueItem item;
  std::int64_t waiting_days = 0;                  // whole days since the request
  std::vector<storage::StaffMember> staff;        // who may be assigned (the district's staff)
};

struct DistrictStats {
  std::string unit_id;
  std::string unit_name;
  int decided = 0;
  std::optional<double> median_decision_days;     // request -> decision
  int started = 0;
  std::optional<double> median_startup_days;      // request -> first start-up meeting
};

struct Board {
  std::vector<QueueEntry> queue;                  // oldest request first
  std::vector<DistrictStats> districts;
};

// Waiting times of one case (for the case page).
struct CaseWaiting {
  std::optional<std::int64_t> requested_at_ms;
  std::optional<std::int64_t> decided_at_ms;
  std::optional<std::int64_t> decision_wait_ms;   // request -> decision
  std::optional<std::int64_t> startup_at_ms;      // first start-up meeting
  std::optional<std::int64_t> startup_wait_ms;    // request -> start-up meeting
  std::string startup_type_name;
  std::vector<storage::TriageDecisionRow> decisions;  // reason_encrypted replaced by the opened text (staff only)
};

class Triage {
 public:
  Triage(storage::Database& db, TriageConfig config) : m_db(db), m_config(std::move(config)) {}

  // The lead's board: the queues of the PPR districts they belong to; Forbidden for anyone
  // but a ppr_district_lead (audited as a search).
  Board board(const Actor& actor, std::int64_t now_ms);
  // Decides on a waiting request. NotFound when the case is not in one of the actor's
  // districts' queues (or not visible at all); Invalid with Danish field messages; Conflict
  // when the request was already decided or the model refuses the move.
  DecisionResult decide(const Actor& actor, const std::string& case_id, const DecisionInput& input,
                        std::int64_t now_ms);
  // Waiting times and decisions of a case the actor reaches (NotFound otherwise; audited read).
  CaseWaiting waiting(const Actor& actor, const std::string& case_id, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  TriageConfig m_config;
};

// The start-up meeting type of a model: the meeting type through which a case leaves the
// state an "assign" decision leads to (ppr-vejen-ind: distrikt -> forloeb via opstartsmoede);
// "" when the model has none.
std::string startup_meeting_type(const domain::Model& model, const std::string& assigned_state);
// The median of the values (nullopt for none).
std::optional<double> median(std::vector<double> values);

}  // namespace samspil::service
