// The connection pool. Connections are created lazily up to pool_size; a connection that
// was lost (or left inside a transaction) is dropped on release and replaced on the next
// acquire, so service recovers when the database returns without a restart.
#include <condition_variable>
#include <deque>
#include <mutex>

#include "storage/engines.hpp"
#include "storage/statement_count.hpp"
#include "storage/url.hpp"

namespace samspil::storage {

namespace {
thread_local std::uint64_t t_statements = 0;
}  // namespace

void note_statement() { ++t_statements; }

std::uint64_t statements_run_on_this_thread() { return t_statements; }

struct Database::Pool {
  std::mutex mutex;
  std::condition_variable available;
  std::deque<std::unique_ptr<Connection>> idle;
  int open = 0;     // connections that exist: idle + leased + being connected
  int in_use = 0;   // leased
  ParsedUrl url;
};

namespace {
// Leases from acquire() alive on this thread: while one is, its holder may write outside a
// transaction, so reads do not share a snapshot (Database::shared_read).
thread_local int t_acquired = 0;
}  // namespace

Lease::Lease(Database* db, std::unique_ptr<Connection> conn) : m_db(db), m_conn(std::move(conn)) {}

Lease::Lease(Lease&& other) noexcept
    : m_db(other.m_db), m_conn(std::move(other.m_conn)), m_broken(other.m_broken), m_acquired(other.m_acquired) {
  other.m_db = nullptr;
  other.m_acquired = false;
}

Lease::~Lease() {
  if (m_acquired) --t_acquired;
  if (m_db && m_conn) m_db->release(std::move(m_conn), m_broken);
}

Database::Database(DatabaseOptions options, Dialect dialect)
    : m_options(std::move(options)), m_dialect(dialect), m_pool(std::make_unique<Pool>()) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const DatabaseOptions& options) {
  ParsedUrl url = parse_database_url(options.url);
  DatabaseOptions effective = options;
  if (effective.pool_size < 1) throw DatabaseError("pool size must be at least 1");
  // Every connection to ":memory:" is a database of its own, so an in-memory database
  // is only coherent with a single connection.
  if (url.memory) effective.pool_size = 1;
  std::unique_ptr<Database> db(new Database(std::move(effective), url.dialect));
  db->m_pool->url = std::move(url);
  // Open one connection now so an unreachable database fails start-up with one clear
  // error instead of failing the first request.
  { Lease first = db->lease(); }
  return db;
}

std::unique_ptr<Connection> Database::connect() {
  const ParsedUrl& url = m_pool->url;
  if (url.dialect == Dialect::sqlite) return connect_sqlite(url.target, m_options.busy_timeout);
  return connect_postgres(url.target, redacted_url());
}

Lease Database::acquire() {
  end_shared_read();
  Lease leased = lease();
  leased.m_acquired = true;
  ++t_acquired;
  return leased;
}

Lease Database::lease() {
  std::unique_lock lock(m_pool->mutex);
  const bool got = m_pool->available.wait_for(lock, m_options.acquire_timeout, [&] {
    return !m_pool->idle.empty() || m_pool->open < m_options.pool_size;
  });
  if (!got) {
    throw Unavailable("no free database connection within " +
                      std::to_string(m_options.acquire_timeout.count()) + " ms (all " +
                      std::to_string(m_options.pool_size) + " in use)");
  }
  ++m_pool->in_use;
  while (!m_pool->idle.empty()) {
    std::unique_ptr<Connection> conn = std::move(m_pool->idle.front());
    m_pool->idle.pop_front();
    if (conn->reusable()) return Lease(this, std::move(conn));
    // The server closed it while it was idle (restart, terminated backend): replace it.
    --m_pool->open;
  }
  ++m_pool->open;
  lock.unlock();
  try {
    return Lease(this, connect());
  } catch (...) {
    lock.lock();
    --m_pool->open;
    --m_pool->in_use;
    m_pool->available.notify_one();
    throw;
  }
}

void Database::release(std::unique_ptr<Connection> conn, bool broken) {
  const bool keep = !broken && conn->reusable();
  if (!keep) conn.reset();  // close outside the lock: PQfinish may talk to the server
  std::lock_guard lock(m_pool->mutex);
  --m_pool->in_use;
  if (keep) {
    // Most recently used first: a warm connection has its statements cached.
    m_pool->idle.push_front(std::move(conn));
  } else {
    --m_pool->open;
  }
  m_pool->available.notify_one();
}

void Database::begin(Connection& c) {
  c.query(m_dialect == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void Database::begin_read(Connection& c) {
  c.query(m_dialect == Dialect::sqlite ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

void Database::commit(Connection& c) { c.query("COMMIT"); }

void Database::rollback(Connection& c) noexcept {
  try {
    c.query("ROLLBACK");
  } catch (const DatabaseError&) {
    // Nothing to do here: if the ROLLBACK failed the connection is still inside a
    // transaction or lost, reusable() reports that, and release() drops it.
  }
}

// ---- ReadScope: one read transaction shared by consecutive reads on a thread ----

namespace {
thread_local ReadScope* t_read_scope = nullptr;
}  // namespace

ReadScope::ReadScope(Database& db) : m_db(db), m_outer(t_read_scope), m_owner(true) {
  for (ReadScope* s = m_outer; s != nullptr; s = s->m_outer) {
    if (&s->m_db == &db) m_owner = false;
  }
  if (m_owner) t_read_scope = this;
}

ReadScope::~ReadScope() {
  if (!m_owner) return;
  m_db.end_shared_read();
  t_read_scope = m_outer;
}

ReadScope* Database::scope() {
  for (ReadScope* s = t_read_scope; s != nullptr; s = s->m_outer) {
    if (&s->m_db == this && s->m_owner) return s;
  }
  return nullptr;
}

Connection* Database::shared_read() {
  ReadScope* s = scope();
  if (s == nullptr || s->m_running > 0 || t_acquired > 0 || writes_on_this_thread() > 0) return nullptr;
  if (!s->m_lease) {
    auto lease = std::make_unique<Lease>(this->lease());
    try {
      begin_read(**lease);
    } catch (const Unavailable&) {
      lease->discard();
      throw;
    }
    s->m_lease = std::move(lease);
  }
  return &**s->m_lease;
}

int& Database::shared_running() { return scope()->m_running; }

int& Database::writes_on_this_thread() {
  thread_local int depth = 0;
  return depth;
}

void Database::end_shared_read(Ending how) noexcept {
  ReadScope* s = scope();
  // A read on the shared connection is still running further up this thread's stack (it
  // called acquire or transaction): leave its transaction alone, as before scopes existed.
  if (s == nullptr || !s->m_lease || s->m_running > 0) return;
  if (how == Ending::commit) {
    try {
      commit(**s->m_lease);
    } catch (const DatabaseError&) {
      how = Ending::discard;  // a read-only transaction loses nothing
    }
  } else if (how == Ending::rollback) {
    rollback(**s->m_lease);  // a failed ROLLBACK leaves it not reusable: release() drops it
  }
  if (how == Ending::discard) s->m_lease->discard();
  s->m_lease.reset();
}

bool Database::ping() {
  try {
    Lease lease = acquire();
    if (lease->ping()) return true;
    lease.discard();
    return false;
  } catch (const DatabaseError&) {
    return false;
  }
}

int Database::pool_in_use() const {
  std::lock_guard lock(m_pool->mutex);
  return m_pool->in_use;
}

std::string Database::redacted_url() const { return redact_database_url(m_options.url); }

}  // namespace samspil::storage
