#pragma once
// A municipality's collaboration model, loaded from YAML (docs/model-format.md).
// SKELETON: the model helper owns this file and extends it; the members below are the
// contract other parts rely on and keep their names.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/types.hpp"

namespace samspil::domain {

struct MeetingType {
  std::string id;
  std::string name;  // Danish display name
  int default_duration_minutes = 90;
  std::vector<TimeWindow> windows;       // empty = any working-day time
  std::vector<DeadlineRule> deadlines;   // obligations anchored to this type's meetings
};

struct Model {
  std::string id;
  std::string name;
  std::vector<MeetingType> meeting_types;
  ClosingDays closing_days;

  const MeetingType* meeting_type(std::string_view id) const;
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
