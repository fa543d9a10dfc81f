#pragma once
// A municipality's collaboration model, loaded from YAML (docs/model-format.md).
// The model is plain data: the loader (model.cpp, model_*.cpp) fills it and checks every
// cross-reference, and the rule functions (preconditions.hpp) answer questions over it.
// Members named in the original skeleton (MeetingType::{id,name,default_duration_minutes,
// windows,deadlines}, Model::{id,name,meeting_types,closing_days}) are a contract.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/request_form.hpp"
#include "domain/types.hpp"

namespace samspil::domain {

// Rule ids (F1, R7, …) an element implements; kept so a test can prove coverage.
using RuleIds = std::vector<std::string>;

// Where a professional works relative to the child (SPEC: lokale vs. eksterne/centrale).
enum class Side { local, external };

// A profession and its task card (opgavekort, FP8): what it may decide.
struct Profession {
  std::string id;
  std::string name;
  Side side = Side::local;
  std::vector<std::string> decides;  // task card lines, Danish
  RuleIds rules;
};

// A kind of consent a guardian can give (X1), e.g. professionals meeting without parents.
struct ConsentScope {
  std::string id;
  std::string name;
  RuleIds rules;
};

// Who takes part. Entries are profession ids, relations (parents, child, network) or the
// groups local_professionals, external_professionals, any_professional.
struct Participants {
  std::vector<std::string> fixed;
  std::vector<std::string> possible;
  std::vector<std::string> excluded;
  RuleIds rules;
};

// Who holds a role (chair, convener, minute_taker, …) and to whom it may be delegated.
struct RoleAssignment {
  std::string role;
  std::vector<std::string> holders;       // any of these holds it
  bool delegable = false;
  std::vector<std::string> delegable_to;  // empty with delegable = anyone taking part
  std::string note;
  RuleIds rules;
};

struct AgendaItem {
  std::string title;
  std::string description;
  RuleIds rules;
};

// An ordered agenda; speaking_order lists who speaks first under every item (R5).
struct Agenda {
  std::string kind;  // initial, follow_up or a municipality's own name
  std::vector<AgendaItem> items;
  std::vector<std::string> speaking_order;
  RuleIds rules;
};

// A document a meeting uses: request_form, brief, agenda, agreement, evaluation, …
struct DocumentUse {
  std::string kind;
  std::string owner_role;               // may be empty
  std::vector<std::string> questions;   // e.g. the five evaluation questions (R9)
  bool filed_to_records = false;        // journaliseres (FP7, FP9)
  bool shared_with_parents = false;     // (R4.3, FP7, X6)
  std::string note;
  RuleIds rules;
};

// A duty without a date ("the chair sums up under each item", R6).
struct Duty {
  std::string id;
  std::string owner_role;
  std::string text;
  RuleIds rules;
};

// A yes/no requirement of a meeting with its rule (child's perspective X2, PPV decision F7).
struct Requirement {
  bool required = false;
  RuleIds rules;
};

// Whether meetings are booked into recurring slots agreed with each institution (F4).
struct Booking {
  bool fixed_slots = false;
  // R4.4: the convener offers 2–4 times and the parents choose before anyone is invited.
  bool parents_choose_date = false;
  std::vector<TimeWindow> default_slots;
  RuleIds rules;
};

enum class RequestFormNeed { none, existing, new_or_updated };

// Something that must be true before a meeting type may be convened.
struct Precondition {
  enum class Kind { consent, held_before, request_form, tried_recorded };
  Kind kind = Kind::consent;
  std::string consent_scope;                // Kind::consent
  std::vector<std::string> meeting_types;   // Kind::held_before: any one of these
  RequestFormNeed request_form = RequestFormNeed::existing;  // Kind::request_form
  std::string reason;                       // Danish text shown when it fails; may be empty
  RuleIds rules;
};

struct MeetingType {
  std::string id;
  std::string name;  // Danish display name
  int default_duration_minutes = 90;
  std::vector<TimeWindow> windows;       // empty = any working-day time
  std::vector<DeadlineRule> deadlines;   // obligations anchored to this type's meetings

  std::string purpose;
  bool duration_adjustable = false;      // F5
  bool may_run_past_windows = false;     // FP4: "Møder kan afvikles efter kl. 16"
  std::vector<std::string> initiators;   // who may ask for it (F2, R1)
  RuleIds initiator_rules;
  Participants participants;
  std::vector<RoleAssignment> roles;
  std::vector<Agenda> agendas;
  std::vector<DocumentUse> documents;
  std::vector<Duty> duties;
  std::vector<Precondition> preconditions;
  Requirement child_perspective;
  Requirement ppv_decision;
  Booking booking;
  RuleIds rules;
  RuleIds window_rules;

  // The assignment of role, or nullptr when nobody holds it.
  const RoleAssignment* role(std::string_view role) const;
  // The document the meeting's agreement is written as: its "agreement", else its
  // "action_plan" (models that write the outcome as an action plan, e.g. PPR's opstartsmøde,
  // P4/P5, record it in the agreement and share it by the action plan's rules); else nullptr.
  const DocumentUse* agreement_document() const;
};

enum class CadenceUnit { weeks, months, years, none };

struct Cadence {
  int every = 1;
  CadenceUnit unit = CadenceUnit::none;
  std::string note;
};

// A recurring forum (KV, district meeting, monthly, annual, social worker on site).
struct Forum {
  std::string id;
  std::string name;
  std::string purpose;
  std::string setting;  // school, daycare, both
  Cadence cadence;
  Participants participants;
  std::vector<RoleAssignment> roles;
  bool has_agenda = true;
  bool shared_agenda = false;                 // every participant may add items (S2)
  std::vector<std::string> agenda_contributors;
  bool minutes = true;                        // whether minutes are kept (P2, S3)
  bool anonymous = false;                     // no child-identifying data (P2, X4)
  std::vector<std::string> fields;            // the data an item of this forum records
  std::vector<DeadlineRule> deadlines;        // e.g. submit_forum_item (P2)
  std::vector<Duty> duties;
  RuleIds rules;
};

// Which meeting type may follow which, and what request form it needs (R10, S8, FP2).
struct Transition {
  std::string from;  // a meeting type id, "start" (nothing held yet) or "any"
  std::string to;    // a meeting type id
  enum class Course { any, same, new_course };
  Course course = Course::any;
  RequestFormNeed request_form = RequestFormNeed::none;
  RuleIds rules;
};

struct CaseState {
  std::string id;
  std::string name;
  bool closed = false;
  bool all_meetings = false;           // every meeting type may be convened in this state
  std::vector<std::string> meetings;   // else: these may be convened here
  RuleIds rules;
};

// A named happening that moves a case and is neither a meeting nor a forum (P1).
struct CaseEvent {
  std::string id;
  std::string name;
  RuleIds rules;
};

// An allowed move of a case between states, caused by a meeting, forum or event.
struct CaseMove {
  std::string from;
  std::string to;
  std::string via;            // meeting type, forum or event id; empty = free move
  std::string consent_scope;  // consent that must be in force (P1)
  RuleIds rules;
};

// PPR's decisions on a request to the district (P1, P2), in the service's stable codes.
inline constexpr std::string_view kTriageDecisions[] = {"assign", "more_info", "redirect_kv", "decline"};

struct CaseMachine {
  std::string initial;
  std::vector<CaseState> states;
  std::vector<CaseEvent> events;
  std::vector<CaseMove> moves;
  // `case.triage`: which move (its via: a forum or event of a move) each PPR decision makes,
  // e.g. assign -> distriktsmoede. A model without it offers no triage.
  std::map<std::string, std::string, std::less<>> triage;

  const CaseState* state(std::string_view id) const;
  // The via of the move a triage decision makes; "" when the model has none for it.
  std::string triage_via(std::string_view decision) const;
};

// Action plans (P4, P5): the template's sections, intervention levels and principles.
struct ActionPlanFormat {
  std::vector<std::string> sections;
  std::vector<std::string> levels;
  std::vector<std::string> principles;
  RuleIds rules;
};

// Where a rule id is expressed, e.g. {"R7", "meeting_types[samarbejdsmoede].agendas[initial]"}.
struct RuleRef {
  std::string rule;
  std::string where;
};

// Whose consent a scope needs (X1): `consent: {required_from: every_custody_holder |
// one_custody_holder}`; every custody holder when the model says nothing.
struct ConsentSetting {
  bool every_custody_holder = true;
};

struct Model {
  std::string id;
  std::string name;
  std::vector<MeetingType> meeting_types;
  ClosingDays closing_days;

  std::string description;
  std::vector<Profession> professions;
  std::vector<ConsentScope> consent_scopes;
  ConsentSetting consent;
  std::vector<Forum> forums;
  std::vector<Transition> transitions;
  CaseMachine case_machine;
  std::optional<ActionPlanFormat> action_plan;
  std::optional<RequestFormFormat> request_form;  // `request_form:`; default_request_form() when absent
  std::vector<RuleRef> rule_refs;      // every rule id the model expresses
  std::vector<std::string> files;      // the root file and every included file, load order

  const MeetingType* meeting_type(std::string_view id) const;
  const Forum* forum(std::string_view id) const;
  const Profession* profession(std::string_view id) const;
  // True when some element of the model carries this rule id.
  bool expresses(std::string_view rule) const;
};

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based
  std::string message;
  std::string to_string() const;  // "FILE:LINE:COL: message"
};

struct LoadResult {
  std::optional<Model> model;          // set only when there are no errors
  std::vector<Diagnostic> errors;
};

// Reads a file's text; returns nullopt when it cannot be read. Injected so domain/ does no I/O.
using ReadFile = std::function<std::optional<std::string>(const std::string& path)>;

// Loads and validates a model file and the files it includes.
LoadResult load_model(const std::string& path, const ReadFile& read);

}  // namespace samspil::domain
