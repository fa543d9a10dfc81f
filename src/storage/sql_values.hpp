#pragma once
// Binding values the way every store does: NULL for an absent value, and "$n, $n+1, …"
// placeholders for an IN (…) list. Included only by storage/*.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

// NULL for "", else the text.
inline Value or_null(const std::string& s) { return s.empty() ? Value{nullptr} : Value{s}; }
// NULL for no value, else the integer.
inline Value or_null(const std::optional<std::int64_t>& v) { return v ? Value{*v} : Value{nullptr}; }

// "$n, $n+1, …" for a list of values appended to params; "NULL" for an empty list so the
// IN (…) matches nothing on both engines.
inline std::string placeholders(std::vector<Value>& params, const std::vector<std::string>& values) {
  if (values.empty()) return "NULL";
  std::string out;
  for (const auto& v : values) {
    params.emplace_back(v);
    if (!out.empty()) out += ", ";
    out += "$" + std::to_string(params.size());
  }
  return out;
}

}  // namespace samspil::storage
