#pragma once
// Imported free/busy calendars (freebusy_imports, migration 0014): one per user, the URL
// sealed by the caller (service/meetings/free_busy), and the cache of the last fetched busy times.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct BusySpan {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
};

struct FreeBusyImport {
  std::string tenant;
  std::string user_id;
  std::string url_sealed;
  std::string url_host;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
  std::string status = "never";  // never, ok, failed
  std::string error;
  std::optional<std::int64_t> attempted_at_ms;
  std::optional<std::int64_t> fetched_at_ms;
  std::vector<BusySpan> busy;  // from the last successful fetch, sorted
  std::optional<std::int64_t> busy_from_ms;
  std::optional<std::int64_t> busy_to_ms;
};

// The user's import, if any.
std::optional<FreeBusyImport> find_freebusy_import(Connection& conn, const std::string& tenant, const std::string& user_id);
// Sets (or replaces) the user's URL; a new URL forgets the cached busy times and status.
void put_freebusy_url(Connection& conn, const std::string& tenant, const std::string& user_id,
                      const std::string& url_sealed, const std::string& url_host, std::int64_t now_ms);
// Removes the user's import; false when there was none.
bool delete_freebusy_import(Connection& conn, const std::string& tenant, const std::string& user_id);
// A successful fetch: the busy times within [from_ms, to_ms) replace the cache. Only when
// the URL is still the one fetched (url_sealed), so a fetch racing a change is dropped.
void record_freebusy_ok(Connection& conn, const std::string& tenant, const std::string& user_id,
                        const std::string& url_sealed, const std::vector<BusySpan>& busy, std::int64_t from_ms,
                        std::int64_t to_ms, std::int64_t now_ms);
// A failed fetch: status and error change; the cached busy times stay.
void record_freebusy_failure(Connection& conn, const std::string& tenant, const std::string& user_id,
                             const std::string& url_sealed, const std::string& error, std::int64_t now_ms);
// (tenant, user_id) of imports last attempted before `before_ms` (or never), oldest first.
std::vector<std::pair<std::string, std::string>> stale_freebusy_imports(Connection& conn, std::int64_t before_ms,
                                                                        int limit);

}  // namespace samspil::storage
