// SQLite engine: one sqlite3* per Connection, prepared statements cached per connection.
#include <sqlite3.h>

#include <filesystem>
#include <list>
#include <mutex>
#include <unordered_map>

#include "storage/engines.hpp"

namespace samspil::storage {

namespace {

// Statements are prepared once per connection; the LRU bound keeps ad-hoc SQL (migrations,
// tests) from growing the cache without limit.
constexpr std::size_t kStatementCacheSize = 64;

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::chrono::milliseconds busy_timeout)
      : m_db(db), m_busy_timeout(busy_timeout) {}
  ~SqliteConnection() override {
    for (auto& [sql, entry] : m_cache) sqlite3_finalize(entry.stmt);
    sqlite3_close_v2(m_db);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  Result query(std::string_view sql, const std::vector<Value>& params) override {
    note_statement();
    const Entry& entry = prepare(sql);
    sqlite3_stmt* stmt = entry.stmt;
    // Reset and unbind on every exit so a cached statement never keeps a read open.
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    bind(entry, params);
    Result result;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        std::vector<Value> values;
        values.reserve(columns);
        for (int c = 0; c < columns; ++c) values.push_back(column(stmt, c));
        result.rows.emplace_back(std::move(values));
      } else if (rc == SQLITE_DONE) {
        break;
      } else {
        fail(rc, sql);
      }
    }
    if (!sqlite3_stmt_readonly(stmt)) result.affected = sqlite3_changes64(m_db);
    return result;
  }

  void execute_script(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string what = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      throw_for(sqlite3_extended_errcode(m_db), what);
    }
  }

  bool ping() override {
    try {
      query("SELECT 1", {});
      return true;
    } catch (const DatabaseError&) {
      return false;
    }
  }

  bool reusable() override { return sqlite3_get_autocommit(m_db) != 0; }

 private:
  struct Entry {
    sqlite3_stmt* stmt;
    std::list<std::string>::iterator lru;
    // SQLite's index of $1, $2, … (numbered by first use in the text, not by N), found once
    // at prepare time instead of by name on every bind.
    std::vector<int> parameter_index;
  };
  // Looked up by string_view without copying the SQL text (it is a few hundred bytes).
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  const Entry& prepare(std::string_view sql) {
    if (auto it = m_cache.find(sql); it != m_cache.end()) {
      m_lru.splice(m_lru.begin(), m_lru, it->second.lru);
      return it->second;
    }
    const std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, key.data(), static_cast<int>(key.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) fail(rc, sql);
    if (stmt == nullptr) throw DatabaseError("empty SQL statement");
    if (tail && *tail && std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      sqlite3_finalize(stmt);
      throw DatabaseError("query() takes one statement; use execute_script for several");
    }
    if (m_cache.size() >= kStatementCacheSize) {
      auto victim = m_cache.find(m_lru.back());
      sqlite3_finalize(victim->second.stmt);
      m_cache.erase(victim);
      m_lru.pop_back();
    }
    Entry entry{stmt, {}, {}};
    const int count = sqlite3_bind_parameter_count(stmt);
    for (int i = 1; i <= count; ++i) {
      const std::string name = "$" + std::to_string(i);
      const int index = sqlite3_bind_parameter_index(stmt, name.c_str());
      if (index == 0) {
        sqlite3_finalize(stmt);
        throw DatabaseError("statement does not use parameter " + name);
      }
      entry.parameter_index.push_back(index);
    }
    m_lru.push_front(key);
    entry.lru = m_lru.begin();
    return m_cache.emplace(key, std::move(entry)).first->second;
  }

  // Text is bound without a copy (SQLITE_STATIC): params outlive the statement's use, which
  // ends with the reset at the end of query().
  void bind(const Entry& entry, const std::vector<Value>& params) {
    sqlite3_stmt* stmt = entry.stmt;
    if (entry.parameter_index.size() != params.size()) {
      throw DatabaseError("statement expects " + std::to_string(entry.parameter_index.size()) +
                          " parameters, got " + std::to_string(params.size()));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = entry.parameter_index[i];
      int rc = SQLITE_OK;
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) {
        rc = sqlite3_bind_null(stmt, index);
      } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, index, *d);
      } else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) fail(rc, "binding $" + std::to_string(i + 1));
    }
  }

  static Value column(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(stmt, c));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, c);
      case SQLITE_NULL:
        return nullptr;
      default: {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
        return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
    }
  }

  [[noreturn]] void fail(int rc, std::string_view context) {
    (void)rc;
    throw_for(sqlite3_extended_errcode(m_db), sqlite3_errmsg(m_db), context);
  }

  [[noreturn]] void throw_for(int code, const std::string& message, std::string_view context = {}) {
    const std::string where = context.empty() ? "" : " (in: " + std::string(context.substr(0, 200)) + ")";
    switch (code & 0xff) {
      case SQLITE_CONSTRAINT:
        throw ConstraintViolation(message);
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        throw DatabaseError("SQLite database is busy: another connection held the write lock for longer than the busy timeout of " +
                            std::to_string(m_busy_timeout.count()) + " ms (" + message + ")");
      case SQLITE_CANTOPEN:
      case SQLITE_NOTADB:
      case SQLITE_CORRUPT:
        throw Unavailable("SQLite database cannot be used: " + message);
      default:
        throw DatabaseError(message + where);
    }
  }

  sqlite3* m_db;
  std::chrono::milliseconds m_busy_timeout;
  std::unordered_map<std::string, Entry, TextHash, std::equal_to<>> m_cache;
  std::list<std::string> m_lru;
};

// Process-wide settings, which SQLite accepts only before its first use. Without memory
// statistics (sqlite3_status, which samspil never reads) SQLite's allocations skip a global
// mutex: with several worker threads every statement's allocations queued on it. Without a
// bulk page-cache start (20 pages filled in at once for every temporary b-tree of a UNION or
// materialised subquery) a small query touches only the pages it uses. Measured with
// bench_overview and bench/http.sh (bench/RESULTS.md, session 6).
void configure_library_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // SQLITE_MISUSE means the library was already initialised (then the defaults stay).
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0);
  });
}

}  // namespace

std::unique_ptr<Connection> connect_sqlite(const std::string& path,
                                           std::chrono::milliseconds busy_timeout) {
  const bool memory = path.empty();
  if (!memory) {
    const auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) throw Unavailable("cannot create directory " + parent.string() + " for the SQLite database: " + ec.message());
  }
  configure_library_once();
  sqlite3* db = nullptr;
  // NOMUTEX: the pool hands a connection to one thread at a time, so SQLite's own
  // per-connection mutex would only cost time.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(memory ? ":memory:" : path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    throw Unavailable("cannot open SQLite database " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, static_cast<int>(busy_timeout.count()));
  auto conn = std::make_unique<SqliteConnection>(db, busy_timeout);
  // WAL lets readers work while one writer commits; FULL makes a commit durable across
  // power loss; foreign keys are off by default in SQLite and must be turned on per
  // connection. In-memory databases cannot use WAL and silently keep "memory".
  conn->execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  return conn;
}

}  // namespace samspil::storage
