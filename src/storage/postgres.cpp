// PostgreSQL engine over libpq. Parameters and results travel in text format; integer
// and floating columns are converted by their type OID so callers see the same Value
// types as on SQLite.
#include <libpq-fe.h>
#include <poll.h>

#include <charconv>
#include <cstdio>
#include <cstring>

#include "storage/engines.hpp"

namespace samspil::storage {

namespace {

// Type OIDs from pg_type.h (stable across releases).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// libpq's messages span lines ("…failed: Connection refused\n\tIs the server running…");
// callers print one line, so fold them.
std::string trim(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(PGconn* conn, std::string redacted) : m_conn(conn), m_redacted(std::move(redacted)) {}
  ~PostgresConnection() override { PQfinish(m_conn); }

  Dialect dialect() const override { return Dialect::postgresql; }

  Result query(std::string_view sql, const std::vector<Value>& params) override {
    note_statement();
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (const auto* n = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.17g", *d);
        texts[i] = buffer;
      } else {
        texts[i] = std::get<std::string>(v);
      }
      values[i] = texts[i].c_str();
    }
    const std::string text(sql);
    // Unnamed statements: one round trip each, and no stale cached plans after DDL.
    ResultPtr res(PQexecParams(m_conn, text.c_str(), static_cast<int>(params.size()), nullptr,
                               values.data(), nullptr, nullptr, 0));
    check(res.get(), sql);
    return convert(res.get());
  }

  void execute_script(std::string_view sql) override {
    const std::string text(sql);
    ResultPtr res(PQexec(m_conn, text.c_str()));
    check(res.get(), sql);
  }

  bool ping() override {
    try {
      query("SELECT 1", {});
      return true;
    } catch (const DatabaseError&) {
      return false;
    }
  }

  bool reusable() override {
    if (PQstatus(m_conn) != CONNECTION_OK || PQtransactionStatus(m_conn) != PQTRANS_IDLE) return false;
    // An idle connection receives nothing unless the server is ending it (a terminated
    // backend or a shutdown sends an error, then closes), so readable data means "gone";
    // a zero-timeout poll notices that without a round trip.
    pollfd fd{PQsocket(m_conn), POLLIN, 0};
    return ::poll(&fd, 1, 0) == 0;
  }

 private:
  void check(PGresult* res, std::string_view sql) {
    const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return;
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    // Only the primary message, never DETAIL (which quotes row values), and for data
    // exceptions (class 22, e.g. 22P02 quotes the bad input) not even that: these texts
    // reach logs, and values may be personal data.
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = trim(primary ? primary : "");
    if (sqlstate.rfind("22", 0) == 0) {
      const char* column = res ? PQresultErrorField(res, PG_DIAG_COLUMN_NAME) : nullptr;
      const char* type = res ? PQresultErrorField(res, PG_DIAG_DATATYPE_NAME) : nullptr;
      message = "invalid data value" + std::string(column ? std::string(" for column ") + column : "") +
                (type ? std::string(" of type ") + type : "");
    }
    if (message.empty() && PQstatus(m_conn) == CONNECTION_BAD) message = trim(PQerrorMessage(m_conn));
    if (message.empty()) message = "PostgreSQL error";
    // Class 08 is "connection exception"; 57P01-57P03 are shutdown and termination of the
    // backend. Either way the connection is gone and the caller should answer 503.
    if (PQstatus(m_conn) == CONNECTION_BAD || sqlstate.rfind("08", 0) == 0 ||
        sqlstate.rfind("57P0", 0) == 0) {
      throw Unavailable("PostgreSQL connection lost (" + m_redacted + "): " + message);
    }
    if (sqlstate.rfind("23", 0) == 0) throw ConstraintViolation(message + " [SQLSTATE " + sqlstate + "]");
    throw DatabaseError(message + " [SQLSTATE " + sqlstate + "] in: " + std::string(sql.substr(0, 200)));
  }

  static Result convert(PGresult* res) {
    Result result;
    // PQcmdTuples also counts the rows of a SELECT; only changed rows count as affected.
    const char* affected = PQcmdTuples(res);
    const char* command = PQcmdStatus(res);
    const bool select = command && std::strncmp(command, "SELECT", 6) == 0;
    if (!select && affected && *affected) result.affected = std::strtoll(affected, nullptr, 10);
    const int rows = PQntuples(res);
    const int columns = PQnfields(res);
    result.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
      std::vector<Value> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(res, r, c)) {
          values.emplace_back(nullptr);
          continue;
        }
        const char* text = PQgetvalue(res, r, c);
        const int length = PQgetlength(res, r, c);
        switch (PQftype(res, c)) {
          case kInt2: case kInt4: case kInt8: case kOid: {
            std::int64_t n = 0;
            std::from_chars(text, text + length, n);
            values.emplace_back(n);
            break;
          }
          case kBool:
            values.emplace_back(static_cast<std::int64_t>(text[0] == 't' ? 1 : 0));
            break;
          case kFloat4: case kFloat8: case kNumeric:
            values.emplace_back(std::strtod(text, nullptr));
            break;
          default:
            values.emplace_back(std::string(text, static_cast<std::size_t>(length)));
        }
      }
      result.rows.emplace_back(std::move(values));
    }
    return result;
  }

  PGconn* m_conn;
  std::string m_redacted;
};

void ignore_notice(void*, const char*) {
  // Notices ("table already exists, skipping") are expected chatter, not errors.
}

}  // namespace

std::unique_ptr<Connection> connect_postgres(const std::string& url, const std::string& redacted_url) {
  // Keywords before "dbname" are defaults: the URL's own parameters override them. A
  // connect timeout keeps an unreachable host from hanging start-up for minutes.
  // TCP keepalives and a user timeout make a host that vanished without closing the
  // connection (network split, VM gone) an error within about half a minute instead of the
  // kernel's ~15 minutes, so handlers answer 503 and shutdown is not held up.
  const char* keywords[] = {"connect_timeout", "application_name", "keepalives", "keepalives_idle",
                            "keepalives_interval", "keepalives_count", "tcp_user_timeout", "dbname", nullptr};
  const char* values[] = {"5", "samspil", "1", "10", "5", "3", "30000", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, 1);
  if (conn == nullptr) throw Unavailable("cannot connect to PostgreSQL at " + redacted_url + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    // libpq's messages name host and port but never the password.
    const std::string message = trim(PQerrorMessage(conn));
    PQfinish(conn);
    throw Unavailable("cannot connect to PostgreSQL at " + redacted_url + ": " + message);
  }
  PQsetNoticeProcessor(conn, ignore_notice, nullptr);
  auto c = std::make_unique<PostgresConnection>(conn, redacted_url);
  // Timestamps are int64 milliseconds in the schema, but now() and logs should be UTC.
  c->execute_script("SET TIME ZONE 'UTC'");
  return c;
}

}  // namespace samspil::storage
