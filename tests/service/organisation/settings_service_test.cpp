// The municipality's settings on both engines: defaults without a row, only administrators
// change them, Danish field errors, an audit entry per change, and the cases configuration
// the services derive from them (a new case under the chosen model, a running case keeping
// its own model, the model's consent rule, the chosen retention).
#include <gtest/gtest.h>

#include <filesystem>

#include "app/model_files.hpp"
#include "service/base/errors.hpp"
#include "service/organisation/settings.hpp"
#include "storage/migrations.hpp"
#include "storage/tenant_store.hpp"
#include "storage/user_store.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::storage::testing {
namespace {

class SettingsServiceTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    const std::filesystem::path root(samspil::test::source_dir());
    migrate(*m_db, load_migrations(root / "migrations", GetParam()));
    m_models = app::load_model_registry(root);
    ASSERT_TRUE(m_models.errors().empty()) << m_models.errors().front();
    ASSERT_NE(m_models.find("samarbejdsmodellen"), nullptr);
    m_db->transaction([&](Connection& c) {
      insert_tenant(c, {"a", "Kommune A", 1});
      insert_tenant(c, {"b", "Kommune B", 1});
      insert_user(c, {"admin", "a", "a@x.dk", "Anne", "", "administrator", 1});
      insert_user(c, {"p1", "a", "p@x.dk", "Per", "", "professional", 1});
    });
  }

  static service::Actor actor(const std::string& id, service::Role role) {
    service::Actor a;
    a.user_id = id;
    a.tenant = "a";
    a.role = role;
    return a;
  }

  std::int64_t audit_rows() {
    return m_db->transaction([&](Connection& c) {
      return c.query("SELECT COUNT(*) FROM audit_log WHERE tenant = 'a' AND object_type = 'tenant_settings'")
          .rows.front()
          .integer(0);
    });
  }

  service::ModelRegistry m_models;
};

TEST_P(SettingsServiceTest, DefaultsUntilSaved) {
  service::Settings settings(*m_db, m_models);
  const auto s = settings.get(actor("admin", service::Role::administrator));
  EXPECT_EQ(s.case_model_id, m_models.default_id());
  EXPECT_EQ(s.retention_days, service::kDefaultRetentionDays);
  EXPECT_FALSE(s.saved);
}

TEST_P(SettingsServiceTest, AdministratorSavesAndIsAudited) {
  service::Settings settings(*m_db, m_models);
  const auto admin = actor("admin", service::Role::administrator);
  const auto saved = settings.update(admin, {"samarbejdsmodellen", "730"}, 1000);
  EXPECT_EQ(saved.case_model_id, "samarbejdsmodellen");
  EXPECT_EQ(saved.retention_days, 730);
  EXPECT_TRUE(saved.saved);
  EXPECT_EQ(audit_rows(), 1);
  EXPECT_EQ(settings.get(admin).case_model_id, "samarbejdsmodellen");
  // Another municipality keeps the defaults.
  const auto other = m_db->transaction([&](Connection& c) { return service::effective_settings(c, m_models, "b"); });
  EXPECT_EQ(other.case_model_id, m_models.default_id());
}

TEST_P(SettingsServiceTest, RefusesWrongInputAndOtherRoles) {
  service::Settings settings(*m_db, m_models);
  const auto admin = actor("admin", service::Role::administrator);
  try {
    settings.update(admin, {"ukendt-model", "abc"}, 1000);
    FAIL() << "expected Invalid";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.count("case_model_id"), 1u);
    EXPECT_EQ(e.fields.count("retention_days"), 1u);
  }
  EXPECT_THROW(settings.update(admin, {"samarbejdsmodellen", "5"}, 1000), service::Invalid);
  EXPECT_THROW(settings.update(admin, {"samarbejdsmodellen", "99999"}, 1000), service::Invalid);
  EXPECT_THROW(settings.update(actor("p1", service::Role::professional), {"samarbejdsmodellen", "730"}, 1000),
               service::Forbidden);
  EXPECT_THROW(settings.get(actor("p1", service::Role::professional)), service::Forbidden);
  EXPECT_EQ(audit_rows(), 0);
  EXPECT_FALSE(settings.get(admin).saved);
}

TEST_P(SettingsServiceTest, CasesConfigFollowsTheSettingsAndTheCaseModel) {
  service::Settings(*m_db, m_models).update(actor("admin", service::Role::administrator), {"samarbejdsmodellen", "400"}, 1);
  service::CasesConfig base;
  base.model = m_models.default_model();
  base.models = &m_models;
  m_db->transaction([&](Connection& c) {
    const auto fresh = service::config_for_new_case(c, base, "a");
    EXPECT_EQ(fresh.model->id, "samarbejdsmodellen");
    EXPECT_EQ(fresh.retention_days, 400);
    // A case opened under the old model keeps it.
    const auto running = service::config_for_case(c, base, "a", "ppr-vejen-ind");
    EXPECT_EQ(running.model->id, "ppr-vejen-ind");
    EXPECT_EQ(running.consent_requirement, domain::ConsentRequirement::every_custody_holder);
    // Another municipality still opens cases under the default.
    EXPECT_EQ(service::config_for_new_case(c, base, "b").model->id, m_models.default_id());
  });
}

TEST(SettingsConsentRule, ComesFromTheModel) {
  domain::Model m;
  EXPECT_EQ(service::consent_requirement_of(m), domain::ConsentRequirement::every_custody_holder);
  m.consent.every_custody_holder = false;
  EXPECT_EQ(service::consent_requirement_of(m), domain::ConsentRequirement::any_custody_holder);
}

INSTANTIATE_TEST_SUITE_P(Engines, SettingsServiceTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         engine_name);

}  // namespace
}  // namespace samspil::storage::testing
