#pragma once
// Reading application/x-www-form-urlencoded bodies, bounded (size, field count, %-escapes,
// UTF-8): one parser for every form of the pages and for the CSRF check.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace samspil::edge {

struct FormLimits {
  std::size_t max_bytes = 64 * 1024;  // a form body larger than this is refused (400)
  std::size_t max_fields = 200;       // so a crafted body cannot make thousands of strings
};

// A parsed application/x-www-form-urlencoded body: ordered name/value pairs, repeated
// names kept (checkboxes), every name and value valid UTF-8.
class FormData {
 public:
  // Parses a body; nullopt when it is too large, has too many fields, a malformed %-escape,
  // a NUL byte, or bytes that are not UTF-8.
  static std::optional<FormData> parse(std::string_view body, const FormLimits& limits = {});
  // The first value for a name, "" when absent.
  const std::string& get(std::string_view name) const;
  // The first value without surrounding whitespace (what most text fields want).
  std::string trimmed(std::string_view name) const;
  // Every value for a name in body order (checkboxes, multi-selects).
  std::vector<std::string> all(std::string_view name) const;
  // True when the name occurs at least once.
  bool has(std::string_view name) const;
  // All pairs in body order.
  const std::vector<std::pair<std::string, std::string>>& fields() const { return m_fields; }

 private:
  std::vector<std::pair<std::string, std::string>> m_fields;
};

// True when a byte string is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool is_valid_utf8(std::string_view text);
// The request's form body; nullopt when the Content-Type is not form-urlencoded or parse fails.
std::optional<FormData> read_form(const http::Request& request, const FormLimits& limits = {});

}  // namespace samspil::edge
