#pragma once
// Cases (issue 5): register a concern about a child, record what was tried (F3), move the
// case through the loaded model's states (the engine decides, domain::check_move), assign
// PPR staff and participants, close with a reason and a retention date, reopen only where
// the model allows it (F9: through a new meeting). Every change writes the change, an
// audit entry and a case_events row in ONE transaction; every read writes an audit entry.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "domain/consent.hpp"
#include "domain/model.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "storage/case_search.hpp"
#include "storage/case_store.hpp"
#include "storage/database.hpp"
#include "storage/event_store.hpp"

namespace samspil::service {

// What the cases services need besides the database; built once by the composition root.
struct CasesConfig {
  const domain::Model* model = nullptr;          // fallback when a case's model is not in `models`
  // Every installed model: a case runs under its cases.model_id, a new case under the
  // tenant's chosen model (service/organisation/settings.hpp). Null in tests that use `model` alone.
  const ModelRegistry* models = nullptr;
  const crypto::FieldCipher* cipher = nullptr;   // seals CPR numbers and notes
  domain::ConsentRequirement consent_requirement = domain::ConsentRequirement::every_custody_holder;
  int retention_days = 5 * 365;                  // kept after closing, then deleted by retention
};

// A guardian to link to a new child.
struct NewGuardian {
  std::string user_id;              // an existing user with role guardian in the tenant
  std::string relation = "parent";  // parent, foster_parent, other
  bool has_custody = true;
};

struct RegisterConcern {
  std::string child_id;             // an existing child, or "" to create one from the fields below
  std::string first_name, last_name;
  std::string birth_date;           // YYYY-MM-DD; may be "" when a CPR number gives it
  std::string cpr;                  // optional; validated, stored sealed, never logged
  std::string unit_id;              // the child's unit (one the actor belongs to)
  std::string group_name;
  std::vector<NewGuardian> guardians;
  std::string title;                // short, non-sensitive
  std::string tried;                // what was tried so far (F3), optional at registration
  std::string idempotency_key;      // optional; a repeated key returns the first case
};

struct RegisteredCase {
  std::string case_id;
  std::string child_id;
  bool repeated = false;            // the idempotency key had been used: nothing new was made
  std::string cpr_warning;          // Danish, e.g. modulus 11 failed
};

// One possible next state with whether the engine allows it now and why not.
struct MoveOption {
  std::string to_state;
  std::string to_name;
  std::string via;
  std::string via_name;
  bool allowed = false;
  std::string reason;               // Danish, with rule ids, when not allowed
};

struct CaseView {
  storage::CaseRecord record;       // tried_encrypted is cleared; see tried
  std::string relation;             // relation_code()
  std::string state_name;
  bool closed = false;
  std::string tried;                // decrypted for staff; "" for guardians
  std::vector<storage::CaseParticipant> participants;  // empty for guardians
  std::vector<MoveOption> moves;    // empty for guardians
  std::vector<std::string> consents_in_force;
  // Staff only: the municipality's PPR districts (id, name) a request may be sent to.
  std::vector<std::pair<std::string, std::string>> ppr_units;
};

struct MoveRequest {
  std::string to_state;
  std::string via;                  // meeting type, forum or event id of the model
  std::string reason;               // required when the target state is closed
  std::string ppr_unit_id;          // optional: the PPR district the request goes to
};

class Cases {
 public:
  Cases(storage::Database& db, CasesConfig config) : m_db(db), m_config(config) {}

  // Registers a concern (F2, R1); a new child is created when child_id is empty.
  RegisteredCase register_concern(const Actor& actor, const RegisterConcern& input, std::int64_t now_ms);
  // Records what the institution has tried (F3): the engine's tried_recorded precondition.
  void record_tried(const Actor& actor, const std::string& case_id, const std::string& text, std::int64_t now_ms);
  // Moves the case through the model; Conflict with the engine's Danish reason and rule ids.
  CaseView move(const Actor& actor, const std::string& case_id, const MoveRequest& request, std::int64_t now_ms);
  // Assigns the PPR staff member (district lead with the case in queue, or its unit's leader).
  void assign(const Actor& actor, const std::string& case_id, const std::string& user_id, std::int64_t now_ms);
  // Adds a professional to the case with a role in it.
  void add_participant(const Actor& actor, const std::string& case_id, const std::string& user_id,
                       const std::string& role, std::int64_t now_ms);
  // The case as the actor may see it (audited read).
  CaseView get(const Actor& actor, const std::string& case_id, std::int64_t now_ms);
  // One page of the actor's cases by id after `after` (audited as a search).
  std::vector<storage::CaseRecord> list(const Actor& actor, const std::string& after, int limit, std::int64_t now_ms);
  // One page of the actor's cases matching the filter (service/cases/cases_search.cpp; audited as
  // a search with the filter as criterion). Unknown ids in the filter simply match nothing.
  std::vector<storage::CaseRecord> search(const Actor& actor, const storage::CaseFilter& filter,
                                          const std::string& after, int limit, std::int64_t now_ms);
  // The timeline, filtered by kind ("" = all); guardians see only shared kinds (audited read).
  std::vector<storage::CaseEventRow> timeline(const Actor& actor, const std::string& case_id, const std::string& kind,
                                              const std::string& after, int limit, std::int64_t now_ms);
  // The retention days a case of the tenant closed now gets (the municipality's setting, else
  // the default): what move() applies when it closes a case, for the pages to show beforehand.
  int retention_days(const std::string& tenant);

 private:
  storage::Database& m_db;
  CasesConfig m_config;
};

// The Danish name of a state in the model (the id when unknown).
std::string state_name(const domain::Model& model, const std::string& state_id);

}  // namespace samspil::service
