#include "storage/freebusy_store.hpp"

#include <cstdio>

namespace samspil::storage {
namespace {

std::string encode(const std::vector<BusySpan>& busy) {
  std::string out;
  for (const auto& b : busy) {
    if (!out.empty()) out += ';';
    out += std::to_string(b.start_ms) + '-' + std::to_string(b.end_ms);
  }
  return out;
}

std::vector<BusySpan> decode(const std::string& text) {
  std::vector<BusySpan> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(';', at);
    if (end == std::string::npos) end = text.size();
    long long s = 0, e = 0;
    if (std::sscanf(text.substr(at, end - at).c_str(), "%lld-%lld", &s, &e) == 2 && e > s) out.push_back({s, e});
    at = end + 1;
  }
  return out;
}

}  // namespace

std::optional<FreeBusyImport> find_freebusy_import(Connection& conn, const std::string& tenant, const std::string& user_id) {
  const Result r = conn.query(
      "SELECT tenant, user_id, url_sealed, url_host, created_at, updated_at, status, error, attempted_at, fetched_at, "
      "busy, busy_from, busy_to FROM freebusy_imports WHERE tenant = $1 AND user_id = $2",
      {tenant, user_id});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  FreeBusyImport f;
  f.tenant = row.text(0);
  f.user_id = row.text(1);
  f.url_sealed = row.text(2);
  f.url_host = row.text(3);
  f.created_at_ms = row.integer(4);
  f.updated_at_ms = row.integer(5);
  f.status = row.text(6);
  f.error = row.text(7);
  f.attempted_at_ms = row.optional_integer(8);
  f.fetched_at_ms = row.optional_integer(9);
  f.busy = decode(row.text(10));
  f.busy_from_ms = row.optional_integer(11);
  f.busy_to_ms = row.optional_integer(12);
  return f;
}

void put_freebusy_url(Connection& conn, const std::string& tenant, const std::string& user_id,
                      const std::string& url_sealed, const std::string& url_host, std::int64_t now_ms) {
  const Result updated = conn.query(
      "UPDATE freebusy_imports SET url_sealed = $3, url_host = $4, updated_at = $5, status = 'never', error = '', "
      "attempted_at = NULL, fetched_at = NULL, busy = '', busy_from = NULL, busy_to = NULL "
      "WHERE tenant = $1 AND user_id = $2",
      {tenant, user_id, url_sealed, url_host, now_ms});
  if (updated.affected > 0) return;
  conn.query(
      "INSERT INTO freebusy_imports (tenant, user_id, url_sealed, url_host, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $5)",
      {tenant, user_id, url_sealed, url_host, now_ms});
}

bool delete_freebusy_import(Connection& conn, const std::string& tenant, const std::string& user_id) {
  return conn.query("DELETE FROM freebusy_imports WHERE tenant = $1 AND user_id = $2", {tenant, user_id}).affected > 0;
}

void record_freebusy_ok(Connection& conn, const std::string& tenant, const std::string& user_id,
                        const std::string& url_sealed, const std::vector<BusySpan>& busy, std::int64_t from_ms,
                        std::int64_t to_ms, std::int64_t now_ms) {
  conn.query(
      "UPDATE freebusy_imports SET status = 'ok', error = '', attempted_at = $4, fetched_at = $4, busy = $5, "
      "busy_from = $6, busy_to = $7 WHERE tenant = $1 AND user_id = $2 AND url_sealed = $3",
      {tenant, user_id, url_sealed, now_ms, encode(busy), from_ms, to_ms});
}

void record_freebusy_failure(Connection& conn, const std::string& tenant, const std::string& user_id,
                             const std::string& url_sealed, const std::string& error, std::int64_t now_ms) {
  conn.query(
      "UPDATE freebusy_imports SET status = 'failed', error = $4, attempted_at = $5 "
      "WHERE tenant = $1 AND user_id = $2 AND url_sealed = $3",
      {tenant, user_id, url_sealed, error.substr(0, 300), now_ms});
}

std::vector<std::pair<std::string, std::string>> stale_freebusy_imports(Connection& conn, std::int64_t before_ms,
                                                                        int limit) {
  const Result r = conn.query(
      "SELECT tenant, user_id FROM freebusy_imports WHERE attempted_at IS NULL OR attempted_at < $1 "
      "ORDER BY attempted_at, tenant, user_id LIMIT $2",
      {before_ms, static_cast<std::int64_t>(limit)});
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& row : r.rows) out.emplace_back(row.text(0), row.text(1));
  return out;
}

}  // namespace samspil::storage
