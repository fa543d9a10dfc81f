#pragma once
// One interface over SQLite and PostgreSQL: a pool of connections, transactions and
// statements with bound parameters. SQL is written once with $1, $2 … placeholders,
// which both engines accept (SQLite binds "$N" by name).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace samspil::storage {

enum class Dialect { sqlite, postgresql };

// A bound parameter or a result value. Timestamps are stored as int64 milliseconds UTC.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// The database cannot be reached or answered with an error that is not the caller's.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// The database went away (connection lost); callers answer 503.
class Unavailable : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};
// A unique or foreign-key constraint refused the change.
class ConstraintViolation : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// One result row. Accessors throw DatabaseError when column i is missing or of another
// type; integers are int64 on both engines.
class Row {
 public:
  explicit Row(std::vector<Value> values) : m_values(std::move(values)) {}
  bool is_null(std::size_t i) const;
  std::int64_t integer(std::size_t i) const;
  double real(std::size_t i) const;
  const std::string& text(std::size_t i) const;
  std::optional<std::string> optional_text(std::size_t i) const;
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  std::size_t size() const { return m_values.size(); }

 private:
  std::vector<Value> m_values;
};

struct Result {
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
};

// One connection. Not thread-safe: a connection is used by one thread at a time (leased
// from the pool).
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement with bound parameters.
  virtual Result query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  // Cheap liveness check.
  virtual bool ping() = 0;
  // True when the connection may go back to the pool: still connected and outside any
  // transaction (a failed ROLLBACK must not leak an open transaction to the next user).
  virtual bool reusable() { return true; }
};

class Database;

// A connection leased from the pool; returned on destruction.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> conn);
  Lease(Lease&&) noexcept;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() { return *m_conn; }
  Connection* operator->() { return m_conn.get(); }
  // Marks the connection broken so the pool drops it instead of reusing it.
  void discard() { m_broken = true; }

 private:
  friend class Database;
  Database* m_db;
  std::unique_ptr<Connection> m_conn;
  bool m_broken = false;
  bool m_acquired = false;  // from Database::acquire (counted per thread; see ReadScope)
};

struct DatabaseOptions {
  std::string url;  // sqlite:///path/file.db, sqlite::memory:, postgresql://…
  int pool_size = 4;
  std::chrono::milliseconds busy_timeout{5000};   // SQLite busy timeout
  std::chrono::milliseconds acquire_timeout{5000};  // waiting for a free connection
};

class ReadScope;

class Database {
 public:
  // Opens the pool and checks that one connection works; throws Unavailable with a clear
  // message (no password in it) when the database cannot be reached.
  static std::unique_ptr<Database> open(const DatabaseOptions& options);
  ~Database();

  Dialect dialect() const { return m_dialect; }
  // Leases a connection (reconnecting if the pooled one was lost). Ends this thread's
  // shared read first (see ReadScope), so what the caller writes is seen by later reads.
  Lease acquire();
  // Runs fn inside one transaction (BEGIN IMMEDIATE on SQLite) and commits, or rolls back
  // and rethrows. Lost connections are discarded, never returned to the pool.
  template <typename Fn>
  auto transaction(Fn&& fn) -> decltype(fn(std::declval<Connection&>()));
  // Runs fn inside one read-only transaction and ends it: every statement of fn sees the
  // same snapshot, and on SQLite the read lock (WAL index, file checks) is taken once instead
  // of once per statement, which was a third of a signed-in page's database time. SQLite:
  // BEGIN DEFERRED, which takes no write lock while fn only reads; PostgreSQL: REPEATABLE
  // READ, READ ONLY. fn must not write (PostgreSQL refuses; SQLite would upgrade the lock).
  // Inside a ReadScope of this database, consecutive reads on the thread share one such
  // transaction.
  template <typename Fn>
  auto read(Fn&& fn) -> decltype(fn(std::declval<Connection&>()));
  // True when a connection answers.
  bool ping();
  // Pool usage, for /metrics.
  int pool_size() const { return m_options.pool_size; }
  int pool_in_use() const;
  // The URL with any password masked, for messages.
  std::string redacted_url() const;

 private:
  friend class Lease;
  friend class ReadScope;
  Database(DatabaseOptions options, Dialect dialect);
  Lease lease();
  std::unique_ptr<Connection> connect();
  // The connection of this thread's ReadScope with its read transaction begun; nullptr
  // outside a scope, and for a read nested in another read, in a transaction or under a
  // lease from acquire() (it gets its own transaction, as without scopes).
  // end_shared_read ends that transaction and gives the connection back, unless a read on
  // it is still running further up this thread's stack.
  enum class Ending { commit, rollback, discard };
  Connection* shared_read();
  void end_shared_read(Ending how = Ending::commit) noexcept;
  int& shared_running();
  static int& writes_on_this_thread();
  ReadScope* scope();
  void release(std::unique_ptr<Connection> conn, bool broken);
  template <typename Fn>
  auto in_transaction(Fn&& fn, bool read_only) -> decltype(fn(std::declval<Connection&>()));
  void begin(Connection& c);
  void begin_read(Connection& c);
  void commit(Connection& c);
  void rollback(Connection& c) noexcept;

  struct Pool;
  DatabaseOptions m_options;
  Dialect m_dialect;
  std::unique_ptr<Pool> m_pool;
};

// One read transaction for a whole request (the session lookup and the page's lists) instead
// of one per Database::read: on SQLite each read transaction takes and drops a WAL read lock,
// which under concurrent requests costs fcntl calls and waits on SQLite's shared-memory mutex
// (bench/RESULTS.md, session 7). While a scope is alive, Database::read calls on its thread
// run on one connection in one read-only transaction, begun at the first read. Anything else
// on that thread (transaction, acquire) ends it first, so a request still reads its own
// writes; a later read begins a new one. Scopes nest (the inner one does nothing).
class ReadScope {
 public:
  explicit ReadScope(Database& db);
  ~ReadScope();
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;

 private:
  friend class Database;
  Database& m_db;
  ReadScope* m_outer;
  bool m_owner;                  // false when nested in a scope of the same database
  std::unique_ptr<Lease> m_lease;  // the open read transaction, once begun
  int m_running = 0;             // reads on m_lease currently on this thread's stack
};

template <typename Fn>
auto Database::in_transaction(Fn&& fn, bool read_only) -> decltype(fn(std::declval<Connection&>())) {
  Lease lease = this->lease();
  if (read_only) {
    begin_read(*lease);
  } else {
    begin(*lease);
  }
  try {
    if constexpr (std::is_void_v<decltype(fn(*lease))>) {
      fn(*lease);
      commit(*lease);
    } else {
      auto result = fn(*lease);
      commit(*lease);
      return result;
    }
  } catch (const Unavailable&) {
    lease.discard();
    throw;
  } catch (...) {
    rollback(*lease);
    throw;
  }
}

template <typename Fn>
auto Database::transaction(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
  end_shared_read();
  // A read inside the transaction must not begin the shared one: its snapshot would miss
  // this transaction's writes for the rest of the request.
  struct Writing {
    int& depth;
    explicit Writing(int& d) : depth(d) { ++depth; }
    ~Writing() { --depth; }
  } writing(writes_on_this_thread());
  return in_transaction(std::forward<Fn>(fn), false);
}

template <typename Fn>
auto Database::read(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
  Connection* shared = shared_read();
  if (shared == nullptr) return in_transaction(std::forward<Fn>(fn), true);
  struct Running {
    int& count;
    explicit Running(int& c) : count(c) { ++count; }
    ~Running() { --count; }
  };
  try {
    Running running(shared_running());
    return fn(*shared);
  } catch (const Unavailable&) {
    end_shared_read(Ending::discard);
    throw;
  } catch (...) {
    // PostgreSQL refuses every later statement of a transaction in which one failed: the
    // next read begins a fresh one.
    end_shared_read(Ending::rollback);
    throw;
  }
}

}  // namespace samspil::storage
