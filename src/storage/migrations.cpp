// The migration runner. Each pending migration runs in its own transaction together with
// its row in schema_migrations, statement by statement so a failure can name the
// statement; PostgreSQL and SQLite both roll DDL back with the transaction.
#include "storage/migrations.hpp"

#include <cctype>
#include <set>

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "storage/sql_split.hpp"

namespace samspil::storage {

namespace {

std::string sha256_hex(const std::string& data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string pad(int number) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", number);
  return buffer;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Serialises migrators on PostgreSQL (several `serve --migrate` may start at once); on
// SQLite BEGIN IMMEDIATE already does. The key is arbitrary but fixed.
constexpr std::int64_t kMigrationLockKey = 7'345'201'909;

void lock_migrations(Connection& c) {
  if (c.dialect() == Dialect::postgresql) c.query("SELECT pg_advisory_xact_lock($1)", {kMigrationLockKey});
}

void ensure_history_table(Database& db) {
  db.transaction([](Connection& c) {
    lock_migrations(c);
    c.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " number BIGINT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
        " applied_at BIGINT NOT NULL)");
  });
}

bool history_table_exists(Connection& c) {
  const char* sql = c.dialect() == Dialect::sqlite
                        ? "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'"
                        : "SELECT count(*) FROM information_schema.tables WHERE table_name='schema_migrations'"
                          " AND table_schema=current_schema()";
  return c.query(sql).rows.at(0).integer(0) > 0;
}

struct Applied {
  std::string name;
  std::string checksum;
};

std::map<int, Applied> applied_history(Connection& c) {
  std::map<int, Applied> history;
  if (!history_table_exists(c)) return history;
  for (const Row& row : c.query("SELECT number, name, checksum FROM schema_migrations ORDER BY number").rows) {
    history[static_cast<int>(row.integer(0))] = Applied{row.text(1), row.text(2)};
  }
  return history;
}

// Throws when the applied history and the files disagree: an edited, a missing, or a
// newly inserted older migration would each leave databases with different schemas.
void verify_history(const std::map<int, Applied>& history, const std::vector<MigrationFile>& files) {
  std::map<int, const MigrationFile*> by_number;
  for (const MigrationFile& f : files) by_number[f.number] = &f;
  for (const auto& [number, applied] : history) {
    auto it = by_number.find(number);
    if (it == by_number.end()) {
      throw MigrationError("migration " + applied.name +
                           " has been applied to this database but its file is missing; restore the file "
                           "(migrations are append-only)");
    }
    if (it->second->checksum != applied.checksum) {
      throw MigrationError("migration " + it->second->name +
                           " was changed after it was applied (checksum recorded " +
                           applied.checksum.substr(0, 12) + "…, file now " +
                           it->second->checksum.substr(0, 12) +
                           "…); restore the original and put the change in a new migration");
    }
  }
  if (!history.empty()) {
    const int highest = history.rbegin()->first;
    for (const MigrationFile& f : files) {
      if (f.number < highest && !history.count(f.number)) {
        throw MigrationError("migration " + f.name + " is numbered below the already applied " +
                             pad(highest) + "; give it a number above " + pad(highest));
      }
    }
  }
}

struct ParsedName {
  int number = 0;
  std::string dialect;  // "", "sqlite" or "postgresql"
};

// NNNN_name.sql, NNNN_name.sqlite.sql or NNNN_name.postgresql.sql, name in [a-z0-9_].
// Hand-written rather than std::regex, which g++ 12 flags with false warnings.
std::optional<ParsedName> parse_file_name(const std::string& file) {
  std::string stem = file;
  if (stem.size() < 4 || stem.substr(stem.size() - 4) != ".sql") return std::nullopt;
  stem.resize(stem.size() - 4);
  ParsedName parsed;
  for (const char* suffix : {".sqlite", ".postgresql"}) {
    const std::string s = suffix;
    if (stem.size() > s.size() && stem.substr(stem.size() - s.size()) == s) {
      parsed.dialect = s.substr(1);
      stem.resize(stem.size() - s.size());
    }
  }
  if (stem.size() < 6 || stem[4] != '_') return std::nullopt;
  for (int k = 0; k < 4; ++k) {
    if (stem[k] < '0' || stem[k] > '9') return std::nullopt;
  }
  for (std::size_t k = 5; k < stem.size(); ++k) {
    const char c = stem[k];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return std::nullopt;
  }
  parsed.number = std::stoi(stem.substr(0, 4));
  return parsed;
}

}  // namespace

std::vector<MigrationFile> load_migrations(const std::filesystem::path& dir, Dialect dialect) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw MigrationError("migrations directory " + dir.string() + " does not exist");
  }
  const std::string own = dialect == Dialect::sqlite ? "sqlite" : "postgresql";
  std::map<int, MigrationFile> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    const auto parsed = parse_file_name(name);
    if (!parsed) {
      throw MigrationError("migration file " + name +
                           " is not named NNNN_name.sql, NNNN_name.sqlite.sql or NNNN_name.postgresql.sql");
    }
    if (!parsed->dialect.empty() && parsed->dialect != own) continue;  // the other engine's variant
    const int number = parsed->number;
    if (auto it = found.find(number); it != found.end()) {
      throw MigrationError("migration number " + pad(number) + " is used twice for " + own + ": " +
                           it->second.name + " and " + name);
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) throw MigrationError("cannot read migration " + entry.path().string());
    MigrationFile file;
    file.number = number;
    file.name = name;
    file.sql = buffer.str();
    file.checksum = sha256_hex(file.sql);
    found.emplace(number, std::move(file));
  }
  std::vector<MigrationFile> files;
  for (auto& [number, file] : found) files.push_back(std::move(file));
  return files;
}

MigrationStatus migration_status(Database& db, const std::vector<MigrationFile>& files) {
  Lease lease = db.acquire();
  const auto history = applied_history(*lease);
  verify_history(history, files);
  MigrationStatus status;
  status.applied = history.empty() ? 0 : history.rbegin()->first;
  status.available = files.empty() ? 0 : files.back().number;
  return status;
}

namespace {

// The first keyword of a statement, upper-cased, after leading comments and whitespace.
std::string first_keyword(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else if (text.compare(i, 2, "--") == 0) {
      i = text.find('\n', i);
      if (i == std::string::npos) return "";
    } else if (text.compare(i, 2, "/*") == 0) {
      i = text.find("*/", i);
      if (i == std::string::npos) return "";
      i += 2;
    } else {
      break;
    }
  }
  std::string word;
  while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
    word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(text[i++]))));
  }
  return word;
}

// A migration that ends or starts a transaction itself would break "one migration, one
// transaction": its first half could commit while its second half fails.
void refuse_transaction_control(const MigrationFile& file, const std::vector<SqlStatement>& statements) {
  static const std::set<std::string> control{"BEGIN", "COMMIT", "ROLLBACK", "END", "START", "ABORT"};
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const std::string word = first_keyword(statements[i].text);
    if (control.count(word)) {
      throw MigrationError("migration " + file.name + ": statement " + std::to_string(i + 1) + " (line " +
                           std::to_string(statements[i].line) + ") is " + word +
                           "; migrations must not control transactions, the runner wraps each file in one");
    }
  }
}

}  // namespace

int migrate(Database& db, const std::vector<MigrationFile>& files) {
  for (const MigrationFile& file : files) refuse_transaction_control(file, split_sql(file.sql));
  ensure_history_table(db);
  int applied = 0;
  for (const MigrationFile& file : files) {
    const bool ran = db.transaction([&](Connection& c) {
      lock_migrations(c);
      // Read the history inside the lock: another process may have just applied it.
      const auto history = applied_history(c);
      verify_history(history, files);
      if (history.count(file.number)) return false;
      const auto statements = split_sql(file.sql);
      for (std::size_t i = 0; i < statements.size(); ++i) {
        try {
          c.execute_script(statements[i].text);
        } catch (const Unavailable&) {
          throw;  // the database went away; that is not the migration's fault
        } catch (const DatabaseError& e) {
          std::string text = statements[i].text;
          for (char& ch : text) {
            if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
          }
          if (text.size() > 300) text = text.substr(0, 300) + "…";
          throw MigrationError("migration " + file.name + " failed and was rolled back completely; statement " +
                               std::to_string(i + 1) + " (line " + std::to_string(statements[i].line) +
                               ") `" + text + "`: " + e.what());
        }
      }
      c.query("INSERT INTO schema_migrations (number, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
              {static_cast<std::int64_t>(file.number), file.name, file.checksum, now_ms()});
      return true;
    });
    if (ran) ++applied;
  }
  return applied;
}

}  // namespace samspil::storage
