#pragma once
// Fixture for the cases service tests: a migrated world on each engine, a loaded preset
// model, a field cipher, and actors for every relation to a case.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "cases_world.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/model.hpp"
#include "service/base/errors.hpp"
#include "service/cases/cases.hpp"
#include "service/consent/consents.hpp"
#include "service/people/children.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::cases_testing {

inline domain::Model load_preset(const std::string& file) {
  auto read = [](const std::string& path) -> std::optional<std::string> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  auto r = domain::load_model(std::string(samspil::test::source_dir()) + "/models/" + file, read);
  if (!r.model) throw std::runtime_error("model did not load: " + file);
  return *r.model;
}

inline service::Actor actor(const std::string& id, service::Role role, std::vector<std::string> units = {},
                            std::vector<std::string> led = {}, const std::string& tenant = "t1") {
  service::Actor a;
  a.user_id = id;
  a.tenant = tenant;
  a.role = role;
  a.unit_ids = std::move(units);
  a.led_unit_ids = std::move(led);
  a.request_id = "test";
  return a;
}

class CasesServiceTest : public storage::testing::EngineTest {
 protected:
  // The model preset the fixture loads; a test suite may override it.
  virtual std::string model_file() const { return "ppr-vejen-ind.yaml"; }

  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    w = seed_world(*m_db);
    m_model = std::make_unique<domain::Model>(load_preset(model_file()));
    m_cipher = std::make_unique<crypto::FieldCipher>(std::string(32, 'k'));
    m_config.model = m_model.get();
    m_config.cipher = m_cipher.get();
    m_config.retention_days = 10;
    cases = std::make_unique<service::Cases>(*m_db, m_config);
    consents = std::make_unique<service::Consents>(*m_db, m_config);
    children = std::make_unique<service::Children>(*m_db, m_config);
    using service::Role;
    leader = actor(w.leader, Role::unit_leader, {w.school}, {w.school});
    other_leader = actor(w.other_leader, Role::unit_leader, {w.other_school}, {w.other_school});
    teacher = actor(w.teacher, Role::professional, {w.school});
    psychologist = actor(w.psychologist, Role::professional, {w.ppr_unit});
    stranger = actor(w.stranger, Role::professional, {});
    district = actor(w.district_lead, Role::ppr_district_lead, {w.ppr_unit}, {w.ppr_unit});
    admin = actor(w.admin, Role::administrator, {});
    mother = actor(w.mother, Role::guardian);
    father = actor(w.father, Role::guardian);
    other_parent = actor(w.other_parent, Role::guardian);
    foreign = actor(w.other_tenant_user, Role::unit_leader, {"x-unit"}, {"x-unit"}, w.other_tenant);
  }

  // Registers a concern about the seeded child c-1 as the teacher.
  std::string register_case(const std::string& key = "") {
    service::RegisterConcern in;
    in.child_id = w.child;
    in.title = "Trivsel i frikvartererne";
    in.idempotency_key = key;
    return cases->register_concern(teacher, in, now).case_id;
  }

  std::string give(const service::Actor& guardian, const std::string& scope = "ppr_request_single_child") {
    service::GiveConsent in;
    in.child_id = w.child;
    in.guardian_id = guardian.user_id;
    in.scope = scope;
    in.purpose = "Henvendelse til PPR om Alma";
    in.parties = "Skolen og PPR";
    in.source = "portal";
    return consents->give(guardian, in, now);
  }

  std::int64_t count(const std::string& sql) { return m_db->acquire()->query(sql).rows.at(0).integer(0); }

  World w;
  std::unique_ptr<domain::Model> m_model;
  std::unique_ptr<crypto::FieldCipher> m_cipher;
  service::CasesConfig m_config;
  std::unique_ptr<service::Cases> cases;
  std::unique_ptr<service::Consents> consents;
  std::unique_ptr<service::Children> children;
  service::Actor leader, other_leader, teacher, psychologist, stranger, district, admin, mother, father, other_parent,
      foreign;
  std::int64_t now = 1'700'000'000'000;
};

}  // namespace samspil::cases_testing
