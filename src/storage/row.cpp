// Typed access to one result row. A wrong type is a programming error in the store that
// asked, so it throws DatabaseError naming the column index instead of guessing.
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

namespace {
const Value& at(const std::vector<Value>& values, std::size_t i) {
  if (i >= values.size()) {
    throw DatabaseError("column " + std::to_string(i) + " out of range (row has " +
                        std::to_string(values.size()) + " columns)");
  }
  return values[i];
}
[[noreturn]] void wrong_type(std::size_t i, const char* wanted) {
  throw DatabaseError("column " + std::to_string(i) + " is not " + wanted);
}
}  // namespace

bool Row::is_null(std::size_t i) const {
  return std::holds_alternative<std::nullptr_t>(at(m_values, i));
}

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = at(m_values, i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  wrong_type(i, "an integer");
}

double Row::real(std::size_t i) const {
  const Value& v = at(m_values, i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  // SQLite stores 2.0 in a REAL column as REAL, but an expression may yield an integer.
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  wrong_type(i, "a number");
}

const std::string& Row::text(std::size_t i) const {
  const Value& v = at(m_values, i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  wrong_type(i, "text");
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

}  // namespace samspil::storage
