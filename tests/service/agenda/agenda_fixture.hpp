#pragma once
// Fixture for the agenda tests: the cases world on each engine, every preset model, a
// field cipher, and meetings inserted directly (test code only) so these tests do not
// depend on the convening use case.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "app/model_files.hpp"
#include "cases_world.hpp"
#include "crypto/field_cipher.hpp"
#include "service/agenda/agenda.hpp"
#include "service/base/errors.hpp"
#include "service/base/model_registry.hpp"
#include "service/meetings/evaluations.hpp"
#include "service/obligations/obligations.hpp"
#include "storage/agenda_store.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::agenda_testing {

using namespace std::chrono;

// ms of a UTC wall time.
inline std::int64_t utc_ms(year_month_day d, int hour, int minute = 0) {
  return duration_cast<milliseconds>((sys_days{d} + hours{hour} + minutes{minute}).time_since_epoch()).count();
}
constexpr std::int64_t kDay = 24LL * 3600 * 1000;

inline service::Actor actor(const std::string& id, service::Role role, std::vector<std::string> units = {},
                            std::vector<std::string> led = {}, const std::string& tenant = "t1") {
  service::Actor a;
  a.user_id = id;
  a.tenant = tenant;
  a.role = role;
  a.unit_ids = std::move(units);
  a.led_unit_ids = std::move(led);
  a.display_name = "Navn " + id;
  a.request_id = "test";
  return a;
}

class AgendaTest : public storage::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    w = cases_testing::seed_world(*m_db);
    m_models = std::make_unique<service::ModelRegistry>(app::load_model_registry(samspil::test::source_dir()));
    std::string problems;
    for (const auto& e : m_models->errors()) problems += e + "\n";
    ASSERT_TRUE(problems.empty()) << problems;
    ASSERT_EQ(m_models->all().size(), 4u);
    m_cipher = std::make_unique<crypto::FieldCipher>(std::string(32, 'k'));
    config.models = m_models.get();
    config.cipher = m_cipher.get();
    config.obligations.public_base_url = "https://samspil.test";
    agendas = std::make_unique<service::Agendas>(*m_db, config);
    evaluations = std::make_unique<service::Evaluations>(*m_db, config);
    using service::Role;
    leader = actor(w.leader, Role::unit_leader, {w.school}, {w.school});
    teacher = actor(w.teacher, Role::professional, {w.school});
    stranger = actor(w.stranger, Role::professional, {});
    mother = actor(w.mother, Role::guardian);
    foreign = actor(w.other_tenant_user, Role::unit_leader, {"x-unit"}, {"x-unit"}, w.other_tenant);
  }

  const domain::Model& model(const std::string& id) {
    const domain::Model* m = m_models->find(id);
    if (!m) throw std::runtime_error("preset not loaded: " + id);
    return *m;
  }

  // A case about c-1 in the school, under model_id.
  std::string make_case(const std::string& model_id) {
    const std::string id = "case-" + std::to_string(++m_counter);
    m_db->transaction([&](storage::Connection& c) {
      c.query("INSERT INTO cases (id, tenant, child_id, model_id, state, title, unit_id, created_by, opened_at, "
              "created_at, updated_at) VALUES ($1, 't1', 'c-1', $2, 'open', 'Sag', 'u-school', $3, 1, 1, 1)",
              {id, model_id, w.teacher});
    });
    return id;
  }

  // A meeting convened by the leader (agenda owner, chair, convener) with the teacher, the
  // mother and a network person invited; its documents created as convening does.
  std::string convene(const std::string& model_id, const std::string& type_id, std::int64_t starts_ms,
                      const std::string& follow_up_of = "", std::int64_t now_ms = 1000) {
    const std::string case_id = follow_up_of.empty() ? make_case(model_id) : case_of(follow_up_of);
    const std::string id = "m-" + std::to_string(++m_counter);
    const domain::Model& m = model(model_id);
    const domain::MeetingType* type = m.meeting_type(type_id);
    if (!type) throw std::runtime_error("no type " + type_id);
    m_db->transaction([&](storage::Connection& c) {
      using storage::Value;
      c.query("INSERT INTO meetings (id, tenant, case_id, model_id, type_id, status, course, follow_up_of, starts_at, "
              "ends_at, ical_uid, convened_by, convened_at, created_at, updated_at) VALUES ($1, 't1', $2, $3, $4, "
              "'invited', 'same', $5, $6, $7, $8, $9, 1, 1, 1)",
              {id, case_id, model_id, type_id, follow_up_of.empty() ? Value{nullptr} : Value{follow_up_of}, starts_ms,
               starts_ms + 90 * 60 * 1000LL, "uid-" + id, w.leader});
      auto participant = [&](const std::string& pid, const std::string& kind, const std::string& user,
                             const std::string& role, const std::string& email) {
        c.query("INSERT INTO meeting_participants (id, tenant, meeting_id, kind, user_id, role_in_case, display_name, "
                "email, added_at) VALUES ($1, 't1', $2, $3, $4, $5, $6, $7, $8)",
                {pid, id, kind, user.empty() ? Value{nullptr} : Value{user}, role, "Ekstern " + pid, email,
                 std::int64_t{++m_counter}});
      };
      participant(id + "-p1", "professional", w.leader, "leader", "");
      participant(id + "-p2", "professional", w.teacher, "teacher", "");
      participant(id + "-p3", "guardian", w.mother, "parents", "");
      participant(id + "-p4", "network", "", "network", "net@example.dk");
      for (const char* role : {"agenda_owner", "chair", "convener", "minute_taker"}) {
        c.query("INSERT INTO meeting_roles (tenant, meeting_id, role, participant_id, assigned_at) "
                "VALUES ('t1', $1, $2, $3, 1)",
                {id, std::string(role), id + "-p1"});
      }
      service::create_meeting_documents(c, m, *type, "t1", id, now_ms);
    });
    return id;
  }

  std::string case_of(const std::string& meeting_id) {
    return m_db->transaction([&](storage::Connection& c) {
      return c.query("SELECT case_id FROM meetings WHERE id = $1", {meeting_id}).rows.at(0).text(0);
    });
  }

  struct JobRow {
    std::string kind;
    nlohmann::json payload;
    std::int64_t run_at = 0;
  };
  std::vector<JobRow> jobs(const std::string& kind) {
    return m_db->transaction([&](storage::Connection& c) {
      std::vector<JobRow> out;
      for (const auto& r : c.query("SELECT kind, payload, run_at FROM jobs WHERE kind = $1 ORDER BY id", {kind}).rows) {
        out.push_back(JobRow{r.text(0), nlohmann::json::parse(r.text(1)), r.integer(2)});
      }
      return out;
    });
  }

  cases_testing::World w;
  std::unique_ptr<service::ModelRegistry> m_models;
  std::unique_ptr<crypto::FieldCipher> m_cipher;
  service::AgendaConfig config;
  std::unique_ptr<service::Agendas> agendas;
  std::unique_ptr<service::Evaluations> evaluations;
  service::Actor leader, teacher, stranger, mother, foreign;
  int m_counter = 0;
};

}  // namespace samspil::agenda_testing
