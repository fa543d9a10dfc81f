// Convening through the service on SQLite (issue 6): finding free times for 10 professional
// participants whose Samspil calendars hold realistic busy lists (about 3 meetings a working
// day each over the next four months: ~250 meetings per person), and convening a meeting
// with invitations (meeting, participants, roles, audit, timeline, outbox rows, iCalendar)
// in one transaction. Results: bench/RESULTS.md.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>
#include <set>
#include <variant>

#include "app/cli_support.hpp"
#include "app/model_files.hpp"
#include "service/base/model_registry.hpp"
#include "service/meetings/meetings.hpp"
#include "storage/migrations.hpp"

namespace {

using namespace samspil;

constexpr int kPeople = 10;
constexpr std::int64_t kNow = 1'800'000'000'000;  // 2027-01-15
constexpr std::int64_t kHour = 3'600'000;

struct World {
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<service::ModelRegistry> models;
  std::vector<std::string> people;
  service::Actor convener;
};

World& world() {
  static World w = [] {
    World w;
    const auto dir = std::filesystem::temp_directory_path() / "samspil_bench_convene";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    w.db = storage::Database::open({"sqlite://" + (dir / "bench.db").string(), 2});
    storage::migrate(*w.db, storage::load_migrations(app::data_dir() / "migrations", w.db->dialect()));
    w.models = std::make_unique<service::ModelRegistry>(app::load_model_registry(app::data_dir()));
    std::mt19937_64 rng(7);
    w.db->transaction([&](storage::Connection& c) {
      c.query("INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Bench', 1)");
      c.query("INSERT INTO units (id, tenant, kind, name, created_at) VALUES ('u1', 't1', 'school', 'Skolen', 1)");
      for (int i = 0; i < kPeople; ++i) {
        const std::string id = "p" + std::to_string(i);
        c.query("INSERT INTO users (id, tenant, email, display_name, role, created_at) VALUES ($1, 't1', $2, $3, $4, 1)",
                {id, id + "@bench.invalid", "Person " + id, std::string(i == 0 ? "unit_leader" : "professional")});
        c.query("INSERT INTO unit_memberships (tenant, user_id, unit_id, is_leader) VALUES ('t1', $1, 'u1', $2)",
                {id, std::int64_t{i == 0 ? 1 : 0}});
        w.people.push_back(id);
      }
      c.query("INSERT INTO children (id, tenant, first_name, last_name, birth_date, unit_id, created_at) "
              "VALUES ('c1', 't1', 'A', 'B', '2017-01-01', 'u1', 1)");
      // What the school tried is recorded (F3), so the model allows convening.
      c.query("INSERT INTO cases (id, tenant, child_id, model_id, state, title, created_by, opened_at, created_at, "
              "updated_at, tried_recorded_at) VALUES ('k1', 't1', 'c1', 'frederiksberg-dialogmoede', 'bekymring', 'T', "
              "'p0', 1, 1, 1, 1)");
      for (const auto& id : w.people) {
        c.query("INSERT INTO case_participants (tenant, case_id, user_id, role, added_at) VALUES ('t1', 'k1', $1, "
                "'participant', 1)",
                {id});
      }
      // Busy lists: for each person ~250 meetings (1-2 h) on working hours over four months.
      int n = 0;
      for (const auto& id : w.people) {
        for (int k = 0; k < 250; ++k) {
          const std::int64_t day = static_cast<std::int64_t>(rng() % 120);
          const std::int64_t start = kNow + day * 24 * kHour + (7 + static_cast<std::int64_t>(rng() % 8)) * kHour;
          const std::string mid = "bm" + std::to_string(++n);
          c.query("INSERT INTO meetings (id, tenant, case_id, model_id, type_id, status, course, starts_at, ends_at, "
                  "ical_uid, convened_by, convened_at, created_at, updated_at) VALUES ($1, 't1', 'k1', "
                  "'frederiksberg-dialogmoede', 'dialogmoede', 'invited', 'same', $2, $3, $1, 'p0', 1, 1, 1)",
                  {mid, start, start + (1 + static_cast<std::int64_t>(rng() % 2)) * kHour});
          c.query("INSERT INTO meeting_participants (id, tenant, meeting_id, kind, user_id, role_in_case, added_at) "
                  "VALUES ($1, 't1', $2, 'professional', $3, 'teacher', 1)",
                  {mid + "p", mid, id});
        }
      }
    });
    w.convener.user_id = "p0";
    w.convener.tenant = "t1";
    w.convener.role = service::Role::unit_leader;
    w.convener.unit_ids = {"u1"};
    w.convener.led_unit_ids = {"u1"};
    return w;
  }();
  return w;
}

service::MeetingsConfig config() {
  service::MeetingsConfig c;
  c.models = world().models.get();
  c.public_base_url = "https://bench.invalid";
  return c;
}

void BM_FindSlots10People(benchmark::State& state) {
  auto& w = world();
  service::Meetings meetings(*w.db, config());
  service::SlotSearch s;
  s.type_id = "dialogmoede";
  s.user_ids = w.people;
  s.count = 5;
  for (auto _ : state) {
    auto r = meetings.find_slots(w.convener, "k1", s, kNow);
    benchmark::DoNotOptimize(r);
    if (r.slots.empty()) state.SkipWithError("no slots");
  }
}
BENCHMARK(BM_FindSlots10People)->Unit(benchmark::kMillisecond);

void BM_Convene(benchmark::State& state) {
  auto& w = world();
  service::Meetings meetings(*w.db, config());
  std::int64_t k = 0;
  for (auto _ : state) {
    service::ConveneRequest in;
    in.case_id = "k1";
    in.type_id = "dialogmoede";
    in.user_ids = {w.people.begin() + 1, w.people.end()};
    in.starts_at_ms = kNow + 200 * 24 * kHour + (++k) * 2 * kHour;
    auto id = meetings.convene(w.convener, in, kNow);
    benchmark::DoNotOptimize(id);
  }
}
BENCHMARK(BM_Convene)->Unit(benchmark::kMillisecond);

// The limit for BM_Convene: the rows one convening writes, inserted as plain INSERT
// statements in one transaction through the same SQLite connection (no reads, no checks,
// no engine, no iCalendar). The rows are captured from a real convene() (every table whose
// row count grew: meeting, participants, roles, audit, timeline, outbox jobs), then
// replayed with fresh ids so the unique indexes accept them.
struct CapturedTable {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<storage::Value>> rows;
};

storage::Value value_of(const storage::Row& row, std::size_t i) {
  if (row.is_null(i)) return nullptr;
  try {
    return row.integer(i);
  } catch (const storage::DatabaseError&) {
  }
  try {
    return row.text(i);
  } catch (const storage::DatabaseError&) {
  }
  return row.real(i);
}

std::vector<CapturedTable>& captured_convene() {
  static std::vector<CapturedTable> tables = [] {
    auto& w = world();
    std::vector<CapturedTable> out;
    std::vector<std::pair<std::string, std::int64_t>> before;
    w.db->transaction([&](storage::Connection& c) {
      const auto names = c.query(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE "
          "'%VIRTUAL TABLE%' AND sql NOT LIKE '%WITHOUT ROWID%' AND name NOT LIKE '%fts%' ORDER BY rowid");
      for (const auto& r : names.rows) {
        const auto max = c.query("SELECT COALESCE(MAX(rowid), 0) FROM \"" + r.text(0) + "\"");
        before.emplace_back(r.text(0), max.rows.front().integer(0));
      }
    });
    service::Meetings meetings(*w.db, config());
    service::ConveneRequest in;
    in.case_id = "k1";
    in.type_id = "dialogmoede";
    in.user_ids = {w.people.begin() + 1, w.people.end()};
    in.starts_at_ms = kNow + 190 * 24 * kHour;
    meetings.convene(w.convener, in, kNow);
    w.db->transaction([&](storage::Connection& c) {
      for (const auto& [name, max] : before) {
        CapturedTable t{name, {}, {}};
        for (const auto& col : c.query("PRAGMA table_info(\"" + name + "\")").rows) t.columns.push_back(col.text(1));
        std::string list;
        for (const auto& col : t.columns) list += (list.empty() ? "\"" : ", \"") + col + "\"";
        const auto rows = c.query("SELECT " + list + " FROM \"" + name + "\" WHERE rowid > $1 ORDER BY rowid", {max});
        for (const auto& r : rows.rows) {
          std::vector<storage::Value> values;
          for (std::size_t i = 0; i < r.size(); ++i) values.push_back(value_of(r, i));
          t.rows.push_back(std::move(values));
        }
        if (!t.rows.empty()) out.push_back(std::move(t));
      }
    });
    return out;
  }();
  return tables;
}

void BM_RawConveneInserts(benchmark::State& state) {
  auto& w = world();
  const auto& tables = captured_convene();
  std::size_t total = 0;
  std::string shape;
  for (const auto& t : tables) {
    total += t.rows.size();
    shape += (shape.empty() ? "" : " ") + t.name + ":" + std::to_string(t.rows.size());
  }
  static std::int64_t n = 0;  // across runs and repetitions: every replay needs fresh ids
  for (auto _ : state) {
    ++n;
    const std::string suffix = "#r" + std::to_string(n);
    w.db->transaction([&](storage::Connection& c) {
      std::set<std::string> old_ids;  // text ids of this convene's rows; references follow them
      for (const auto& t : tables) {
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
          if (t.columns[i] != "id") continue;
          for (const auto& row : t.rows) {
            if (const auto* s = std::get_if<std::string>(&row[i])) old_ids.insert(*s);
          }
        }
      }
      for (const auto& t : tables) {
        std::string cols, marks;
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
          cols += (i ? ", \"" : "\"") + t.columns[i] + "\"";
          marks += (i ? ", $" : "$") + std::to_string(i + 1);
        }
        const std::string sql = "INSERT INTO \"" + t.name + "\" (" + cols + ") VALUES (" + marks + ")";
        for (const auto& row : t.rows) {
          std::vector<storage::Value> values = row;
          for (std::size_t i = 0; i < values.size(); ++i) {
            const std::string& col = t.columns[i];
            if (auto* s = std::get_if<std::string>(&values[i])) {
              const bool unique = col == "id" || col.ends_with("_uid") || col.ends_with("token_hash");
              if (unique || old_ids.count(*s) != 0) *s += suffix;
            } else if (auto* k = std::get_if<std::int64_t>(&values[i])) {
              if (col == "id") values[i] = nullptr;  // INTEGER PRIMARY KEY: the next rowid
              else if (col == "seq") *k += 1'000'000 * n;  // audit chain position
            }
          }
          c.query(sql, values);
        }
      }
    });
  }
  state.counters["rows"] = static_cast<double>(total);
  state.SetLabel(shape);
}
BENCHMARK(BM_RawConveneInserts)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
