#pragma once
// Internal to the model loader: a YAML reader that turns every problem into a Diagnostic
// with the node's position, so that the loader can report every error instead of stopping
// at the first. Not part of the public API; include only from model*.cpp.
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"

namespace samspil::domain::detail {

// A position in a model file (1-based line and column).
struct Pos {
  std::string file;
  int line = 0;
  int column = 0;
};

// The ids a model declares, with where each was first declared (pass 1 of the loader).
struct IdIndex {
  std::map<std::string, Pos, std::less<>> professions;
  std::map<std::string, Pos, std::less<>> consent_scopes;
  std::map<std::string, Pos, std::less<>> meeting_types;
  std::map<std::string, Pos, std::less<>> forums;
  std::map<std::string, Pos, std::less<>> states;
  std::map<std::string, Pos, std::less<>> events;
};

// Vocabularies the engine knows; the model refers to them by these ids.
extern const std::vector<std::string_view> kRoles;           // chair, convener, …
extern const std::vector<std::string_view> kImplicitRoles;   // participant, invitee
extern const std::vector<std::string_view> kRelations;       // parents, child, network
extern const std::vector<std::string_view> kGroups;          // local_professionals, …
extern const std::vector<std::string_view> kAnchors;         // meeting_start, …
extern const std::vector<std::string_view> kFulfilments;     // facts that discharge a deadline
extern const std::vector<std::string_view> kDocumentKinds;   // request_form, brief, …
extern const std::vector<std::string_view> kIdentifyingFields;  // child_name, cpr, …

// The value under key in map, or an undefined (but valid) node when map is not a mapping or
// lacks key. yaml-cpp's own const operator[] returns an "invalid" node on a missing key
// whose Mark() and Type() throw, which would abort the loader on ordinary user mistakes.
YAML::Node at(const YAML::Node& map, std::string_view key);

// Joins a vocabulary for a message: "a, b, c".
std::string join(const std::vector<std::string_view>& words);
bool contains(const std::vector<std::string_view>& words, std::string_view w);

class Reader {
 public:
  Reader(Model& model, std::vector<Diagnostic>& out) : m_model(model), m_out(out) {}

  // The file whose nodes are read next (for positions).
  void set_file(const std::string& file) { m_file = file; }
  const std::string& file() const { return m_file; }

  Pos pos(const YAML::Node& node) const;
  void error(const YAML::Node& at, std::string message);
  void error(const Pos& at, std::string message);
  std::size_t error_count() const { return m_out.size(); }

  // Checks that node is a mapping whose keys are all in allowed (unknown and repeated keys
  // are errors). Returns false, after reporting, when node is not a mapping.
  bool expect_map(const YAML::Node& node, std::initializer_list<std::string_view> allowed,
                  std::string_view what);
  // Reports when node is not a sequence; a missing node is an empty list.
  bool expect_list(const YAML::Node& node, std::string_view what);

  // The scalar under key, or nullopt (reported when required).
  std::optional<std::string> text(const YAML::Node& map, std::string_view key,
                                  std::string_view what, bool required = false);
  std::optional<int> integer(const YAML::Node& map, std::string_view key, std::string_view what,
                             bool required = false);
  std::optional<bool> boolean(const YAML::Node& map, std::string_view key,
                              std::string_view what);
  // A list of scalars under key (a single scalar counts as a one-element list), paired with
  // their nodes so that later checks can point at each entry.
  std::vector<std::pair<std::string, YAML::Node>> texts(const YAML::Node& map,
                                                         std::string_view key,
                                                         std::string_view what);
  // The same for a node that is itself the scalar or list (key is used in messages only).
  std::vector<std::pair<std::string, YAML::Node>> texts_of(const YAML::Node& v,
                                                            std::string_view key,
                                                            std::string_view what);
  // Reads `rule:` and/or `rules:`, checks the ids' form and records where each is expressed.
  RuleIds rules(const YAML::Node& map, const std::string& where);

  // Reference checks: report and return false when id names nothing of that kind.
  bool check_party(const std::string& id, const YAML::Node& at);
  bool check_meeting_type(const std::string& id, const YAML::Node& at);
  bool check_consent(const std::string& id, const YAML::Node& at);
  bool check_role(const std::string& role, const YAML::Node& at);

  Model& model() { return m_model; }
  IdIndex& ids() { return m_ids; }

 private:
  Model& m_model;
  std::vector<Diagnostic>& m_out;
  std::string m_file;
  IdIndex m_ids;
};

// Section parsers (model_parse_*.cpp). Each reads one top-level key of one file.
void parse_professions(Reader& r, const YAML::Node& list);
void parse_consent_scopes(Reader& r, const YAML::Node& list);
void parse_meeting_types(Reader& r, const YAML::Node& list);
void parse_forums(Reader& r, const YAML::Node& list);
void parse_transitions(Reader& r, const YAML::Node& list);
void parse_case(Reader& r, const YAML::Node& map, Pos& initial_pos);
void parse_action_plan(Reader& r, const YAML::Node& map);
void parse_request_form(Reader& r, const YAML::Node& map);  // model_parse_request_form.cpp
void parse_closing_days(Reader& r, const YAML::Node& list);

// Shared pieces used by meeting types and forums (model_parse_parts.cpp).
Participants parse_participants(Reader& r, const YAML::Node& map, const std::string& where);
std::vector<RoleAssignment> parse_roles(Reader& r, const YAML::Node& map,
                                        const Participants& who, const std::string& where);
std::vector<DeadlineRule> parse_deadlines(Reader& r, const YAML::Node& list,
                                          const std::vector<RoleAssignment>& roles,
                                          const std::string& where);
std::vector<Duty> parse_duties(Reader& r, const YAML::Node& list,
                               const std::vector<RoleAssignment>& roles,
                               const std::string& where);
std::vector<TimeWindow> parse_windows(Reader& r, const YAML::Node& list, std::string_view what);
// Reports when role is neither implicit nor held by someone in roles.
void check_role_held(Reader& r, const std::string& role, const YAML::Node& at,
                     const std::vector<RoleAssignment>& roles, std::string_view context);

// Whole-model checks after every file is read: case graph and closing reachability.
void check_case_machine(Reader& r, const Pos& initial_pos);

}  // namespace samspil::domain::detail
