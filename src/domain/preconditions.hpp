#pragma once
// Preconditions and transitions: may a meeting type be convened now, and may a case move
// from one state to another? Pure functions over the model and a plain description of the
// case's history; every refusal carries a Danish reason and the rule ids behind it.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"

namespace samspil::domain {

// The request form's state relative to the last meeting held (R10).
enum class RequestFormStatus {
  missing,         // no request form in the case
  existing,        // one exists, unchanged since the last meeting
  new_or_updated,  // written or updated since the last meeting (or none held yet)
};

// Whether the meeting to convene continues the same course or starts a new one (R10).
enum class Course { same, new_course };

// What the engine needs to know about a case; built by the service layer from storage.
struct CaseHistory {
  std::string state;                        // current case state id; empty = the model's initial
  std::vector<std::string> meetings_held;   // meeting type ids, oldest first
  std::set<std::string> consents;           // consent scope ids in force (withdrawn ones left out, X1)
  RequestFormStatus request_form = RequestFormStatus::missing;
  bool tried_recorded = false;              // what the institution tried is recorded (F3)
};

// Why something is not allowed: a Danish sentence ending in its rule ids, e.g.
// "Forældrenes samtykke til at fagpersoner mødes uden dem mangler (FP2)".
struct Refusal {
  std::string reason;
  RuleIds rules;
};

struct ConveneCheck {
  std::string meeting_type;
  bool allowed = false;
  std::vector<Refusal> refusals;  // empty when allowed
};

struct MoveCheck {
  bool allowed = false;
  const CaseMove* move = nullptr;  // the move that applies, when allowed
  std::vector<Refusal> refusals;
};

// May a meeting of this type be convened now, given the case's history?
ConveneCheck check_convene(const Model& model, const CaseHistory& history,
                           std::string_view meeting_type, Course course = Course::same);

// check_convene for every meeting type of the model, in model order.
std::vector<ConveneCheck> convene_options(const Model& model, const CaseHistory& history,
                                          Course course = Course::same);

// May the case move from its current state to to_state, caused by via (a meeting type,
// forum or event id; empty when nothing in particular caused it)?
MoveCheck check_move(const Model& model, const CaseHistory& history, std::string_view to_state,
                     std::string_view via);

// The moves the model allows out of a state.
std::vector<const CaseMove*> moves_from(const Model& model, std::string_view state);

}  // namespace samspil::domain
