#include "storage/url.hpp"

#include <algorithm>


namespace samspil::storage {

namespace {
bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
}  // namespace

ParsedUrl parse_database_url(std::string_view url) {
  ParsedUrl parsed;
  if (url == "sqlite::memory:" || url == "sqlite://:memory:") {
    parsed.dialect = Dialect::sqlite;
    parsed.memory = true;
    return parsed;
  }
  if (starts_with(url, "sqlite://")) {
    // "sqlite:///abs" leaves "/abs" (absolute); "sqlite://rel/x.db" leaves "rel/x.db".
    parsed.dialect = Dialect::sqlite;
    parsed.target = std::string(url.substr(9));
    if (parsed.target.empty()) throw DatabaseError("SQLite URL has no file path: " + std::string(url));
    return parsed;
  }
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    parsed.dialect = Dialect::postgresql;
    parsed.target = std::string(url);
    return parsed;
  }
  throw DatabaseError("unsupported database URL '" + redact_database_url(url) +
                      "': use sqlite:///path/file.db or postgresql://user@host:port/db");
}

std::string redact_database_url(std::string_view url) {
  std::string out(url);
  // scheme://user:PASSWORD@host… — only inside the authority (before the first '/').
  if (const auto scheme = out.find("://"); scheme != std::string::npos) {
    const std::size_t begin = scheme + 3;
    const std::size_t end = std::min(out.find_first_of("/?#", begin), out.size());
    const std::size_t at = out.rfind('@', end == std::string::npos ? out.size() : end);
    if (at != std::string::npos && at >= begin && at < end) {
      const std::size_t colon = out.find(':', begin);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // …?password=PASSWORD&… in the query string.
  for (std::size_t pos = out.find("password="); pos != std::string::npos; pos = out.find("password=", pos + 1)) {
    if (pos == 0 || (out[pos - 1] != '?' && out[pos - 1] != '&')) continue;
    const std::size_t value = pos + 9;
    const std::size_t end = std::min(out.find('&', value), out.size());
    out.replace(value, end - value, "***");
  }
  return out;
}

}  // namespace samspil::storage
