// The people, organisation and API-token services on both engines: authorisation (deny by
// default, administrators only in their own municipality, leaders read their units),
// Danish validation messages, the access log written in the same transaction as the change,
// and the demo municipality.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/demo/demo.hpp"
#include "crypto/field_cipher.hpp"
#include "crypto/sha256.hpp"
#include "service/base/errors.hpp"
#include "service/identity/api_tokens.hpp"
#include "service/organisation/organisation.hpp"
#include "service/people/people.hpp"
#include "storage/migrations.hpp"
#include "storage/tenant_store.hpp"
#include "storage/token_store.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::storage::testing {
namespace {

namespace org = service::organisation;
namespace people = service::people;
namespace tokens = service::api_tokens;
using service::Actor;
using service::Role;

Actor actor(const std::string& tenant, Role role, const std::string& id = "") {
  Actor a;
  a.tenant = tenant;
  a.role = role;
  a.user_id = id;
  a.request_id = "test";
  return a;
}

class PeopleServiceTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(*m_db, load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam()));
    m_db->transaction([](Connection& c) {
      insert_tenant(c, {"a", "Kommune A", 1});
      insert_tenant(c, {"b", "Kommune B", 1});
    });
    m_catalogue = people::load_professions(std::filesystem::path(samspil::test::source_dir()) / "models/common/professions.yaml");
  }
  std::int64_t audit_count(const std::string& tenant) {
    return m_db->acquire()->query("SELECT count(*) FROM audit_log WHERE tenant = $1", {tenant}).rows.at(0).integer(0);
  }
  // The use cases under test, on this test's database.
  org::Units units() { return org::Units(*m_db); }
  people::Directory directory() { return people::Directory(*m_db); }
  people::NewUser staff(const std::string& email, std::vector<people::MembershipInput> units = {}) {
    return {email, "Navn " + email, "professional", "en-lang-adgangskode", {"teacher"}, std::move(units)};
  }
  Actor m_admin_a = actor("a", Role::administrator, "admin-a");
  Actor m_admin_b = actor("b", Role::administrator, "admin-b");
  people::ProfessionCatalogue m_catalogue;
};

TEST_P(PeopleServiceTest, ProfessionsComeFromTheModelFile) {
  ASSERT_GE(m_catalogue.size(), 20u);
  const bool has_psychologist = std::any_of(m_catalogue.begin(), m_catalogue.end(), [](const auto& p) {
    return p.id == "ppr_psychologist";
  });
  EXPECT_TRUE(has_psychologist);
  // Consents share the file's shape but are not professions.
  for (const auto& p : m_catalogue) EXPECT_NE(p.id, "share_with_participants");
}

TEST_P(PeopleServiceTest, UnitsBelongToOneMunicipalityAndFormNoCycles) {
  const auto top = units().create_unit(m_admin_a, {"Skoler", "administration", ""}, 10);
  const auto school = units().create_unit(m_admin_a, {"Vestre Skole", "school", top.id}, 10);
  EXPECT_EQ(units().unit_tree(m_admin_a).size(), 2u);
  EXPECT_EQ(units().unit_tree(m_admin_a)[1].depth, 1);
  // Another municipality's administrator does not find it; a professional is refused.
  EXPECT_THROW(units().get_unit(m_admin_b, school.id), service::NotFound);
  EXPECT_THROW(units().update_unit(m_admin_b, school.id, {.name = "X"}, 11), service::NotFound);
  EXPECT_THROW(units().list_units(actor("a", Role::professional, "p"), "", 10), service::Forbidden);
  EXPECT_THROW(units().create_unit(actor("a", Role::unit_leader, "l"), {"X", "school", ""}, 10),
               service::Forbidden);
  // B cannot hang a unit under A's unit.
  try {
    units().create_unit(m_admin_b, {"Fremmed", "school", top.id}, 10);
    FAIL() << "expected Invalid";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.at("parent_id"), "Vælg en overordnet enhed i kommunen");
  }
  const auto before = audit_count("a");
  try {
    units().update_unit(m_admin_a, top.id, {.parent_id = school.id}, 12);
    FAIL() << "expected Invalid";
  } catch (const service::Invalid& e) {
    EXPECT_NE(e.fields.at("parent_id").find("under sig selv"), std::string::npos);
  }
  EXPECT_EQ(audit_count("a"), before) << "a refused change leaves no access-log entry";
  // A double-submitted form: same name under the same parent.
  EXPECT_THROW(units().create_unit(m_admin_a, {"Vestre Skole", "school", top.id}, 13), service::Invalid);
  const auto moved = units().update_unit(m_admin_a, school.id, {.parent_id = std::string()}, 14);
  EXPECT_EQ(moved.parent_id, "");
  EXPECT_EQ(audit_count("a"), before + 1);
}

TEST_P(PeopleServiceTest, CreatingUsersValidatesInDanishAndRefusesDuplicates) {
  people::NewUser bad{"ikke-en-adresse", "", "wizard", "kort", {"astronaut"}, {{"no-such-unit", false}}};
  try {
    directory().create_user(m_admin_a, m_catalogue, bad, 1);
    FAIL() << "expected Invalid";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.at("email"), "Skriv en gyldig e-mailadresse, fx navn@kommune.dk");
    EXPECT_EQ(e.fields.at("display_name"), "Skriv personens navn");
    EXPECT_EQ(e.fields.at("role"), "Vælg en rolle");
    EXPECT_EQ(e.fields.at("password"), "Adgangskoden skal være på mindst 12 tegn");
    EXPECT_EQ(e.fields.at("professions"), "Vælg faggrupper fra listen");
    EXPECT_EQ(e.fields.at("units"), "Vælg enheder fra listen");
  }
  EXPECT_EQ(audit_count("a"), 0);
  const auto user = directory().create_user(m_admin_a, m_catalogue, staff("Lærer@Skole.dk"), 2);
  EXPECT_EQ(user.email, "lærer@skole.dk");
  EXPECT_EQ(user.professions, std::vector<std::string>{"teacher"});
  EXPECT_EQ(audit_count("a"), 1);
  try {
    directory().create_user(m_admin_a, m_catalogue, staff("lærer@skole.dk"), 3);
    FAIL() << "expected Invalid";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.at("email"), "Der findes allerede en bruger med denne e-mailadresse");
  }
  EXPECT_EQ(audit_count("a"), 1);
  // The same address in another municipality is another person.
  EXPECT_NO_THROW(directory().create_user(m_admin_b, m_catalogue, staff("lærer@skole.dk"), 3));
  EXPECT_THROW(directory().get_user(m_admin_b, user.id, 4), service::NotFound);
  EXPECT_THROW(directory().update_user(m_admin_b, m_catalogue, user.id, {.disabled = true}, 4), service::NotFound);
  EXPECT_THROW(directory().create_user(actor("a", Role::professional, "p"), m_catalogue, staff("x@y.dk"), 4),
               service::Forbidden);
}

TEST_P(PeopleServiceTest, LeadersListTheirOwnUnitsOnly) {
  const auto unit = units().create_unit(m_admin_a, {"Solsikken", "daycare", ""}, 1);
  const auto other = units().create_unit(m_admin_a, {"Mælkebøtten", "daycare", ""}, 1);
  const auto member = directory().create_user(m_admin_a, m_catalogue, staff("a@x.dk", {{unit.id, false}}), 1);
  const auto outsider = directory().create_user(m_admin_a, m_catalogue, staff("b@x.dk", {{other.id, false}}), 1);
  Actor leader = actor("a", Role::unit_leader, "leader");
  leader.unit_ids = {unit.id};
  leader.led_unit_ids = {unit.id};
  const auto page = directory().list_users(leader, {.unit_id = unit.id}, 2);
  ASSERT_EQ(page.users.size(), 1u);
  EXPECT_EQ(page.users[0].id, member.id);
  EXPECT_THROW(directory().list_users(leader, {.unit_id = other.id}, 2), service::Forbidden);
  EXPECT_THROW(directory().list_users(leader, {}, 2), service::Forbidden);
  EXPECT_EQ(directory().get_user(leader, member.id, 2).email, "a@x.dk");
  EXPECT_THROW(directory().get_user(leader, outsider.id, 2), service::NotFound);
  EXPECT_THROW(directory().update_user(leader, m_catalogue, member.id, {.display_name = "X"}, 2),
               service::Forbidden);
  EXPECT_THROW(directory().list_users(actor("a", Role::guardian, "g"), {.unit_id = unit.id}, 2),
               service::Forbidden);
  // Reads are logged: one search and one read by the leader.
  auto rows = m_db->acquire()->query(
      "SELECT action FROM audit_log WHERE tenant = 'a' AND actor_id = 'leader' ORDER BY seq").rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text(0), "search");
  EXPECT_EQ(rows[1].text(0), "read");
}

TEST_P(PeopleServiceTest, UsersArePagedAndDisabledUsersLoseTheirSessions) {
  for (int i = 0; i < 5; ++i) {
    directory().create_user(m_admin_a, m_catalogue,
                            {"u" + std::to_string(i) + "@x.dk", "Bruger " + std::to_string(i), "professional", "", {}, {}},
                            1);
  }
  auto p1 = directory().list_users(m_admin_a, {.limit = 2}, 2);
  ASSERT_EQ(p1.users.size(), 2u);
  ASSERT_FALSE(p1.next_cursor.empty());
  auto p2 = directory().list_users(m_admin_a, {.cursor = p1.next_cursor, .limit = 2}, 2);
  auto p3 = directory().list_users(m_admin_a, {.cursor = p2.next_cursor, .limit = 2}, 2);
  ASSERT_EQ(p3.users.size(), 1u);
  EXPECT_EQ(p3.next_cursor, "");
  EXPECT_EQ(p3.users[0].display_name, "Bruger 4");
  const auto changed = directory().update_user(m_admin_a, m_catalogue, p1.users[0].id,
                                               {.role = std::string("unit_leader"), .disabled = true}, 3);
  EXPECT_TRUE(changed.disabled);
  EXPECT_EQ(changed.role, "unit_leader");
  // An administrator cannot lock themself out.
  const auto admin = directory().create_user(m_admin_a, m_catalogue,
                                             {"admin@x.dk", "Admin", "administrator", "", {}, {}}, 4);
  EXPECT_THROW(directory().update_user(actor("a", Role::administrator, admin.id), m_catalogue, admin.id,
                                       {.disabled = true}, 5),
               service::Invalid);
}

TEST_P(PeopleServiceTest, GuardiansAreLinkedToChildrenOfTheirMunicipality) {
  const auto g = directory().create_user(m_admin_a, m_catalogue, {"mor@x.dk", "Mor", "guardian", "", {}, {}}, 1);
  m_db->acquire()->query(
      "INSERT INTO children (id, tenant, first_name, last_name, birth_date, created_at) VALUES "
      "('c1', 'a', 'Emma', 'Test', '2020-01-01', 1), ('cb', 'b', 'Bo', 'Test', '2020-01-01', 1)");
  try {
    directory().link_child(m_admin_a, g.id, {"cb", "sibling", true}, 2);
    FAIL() << "expected Invalid";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.at("child_id"), "Vælg et barn fra listen");
    EXPECT_EQ(e.fields.at("relation"), "Vælg relationen til barnet");
  }
  const auto linked = directory().link_child(m_admin_a, g.id, {"c1", "parent", true}, 2);
  ASSERT_EQ(linked.children.size(), 1u);
  EXPECT_EQ(linked.children[0].first_name, "Emma");
  EXPECT_THROW(directory().link_child(m_admin_b, g.id, {"cb", "parent", true}, 2), service::NotFound);
  // The change is in the child's access log.
  EXPECT_EQ(m_db->acquire()->query("SELECT count(*) FROM audit_log WHERE tenant = 'a' AND child_id = 'c1'")
                .rows.at(0).integer(0),
            1);
  const auto page = directory().list_guardians(m_admin_a, "", 10, 3);
  ASSERT_EQ(page.guardians.size(), 1u);
  EXPECT_EQ(page.guardians[0].children.size(), 1u);
}

TEST_P(PeopleServiceTest, TokensStoreOnlyTheHashAndAreRevokedInTheirMunicipality) {
  const auto user = directory().create_user(m_admin_a, m_catalogue, staff("api@x.dk"), 1);
  const auto created = tokens::Tokens(*m_db).create(m_admin_a, {user.id, "Integration", std::nullopt}, 2);
  EXPECT_GE(created.secret.size(), 43u);  // 256 bits in base64url
  auto lease = m_db->acquire();
  const auto stored = find_api_token(*lease, "a", created.token.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->token_hash, crypto::sha256_hex(created.secret));
  EXPECT_EQ(lease->query("SELECT count(*) FROM api_tokens WHERE token_hash = $1", {created.secret}).rows[0].integer(0),
            0);
  EXPECT_THROW(tokens::Tokens(*m_db).revoke(m_admin_b, created.token.id, 3), service::NotFound);
  EXPECT_TRUE(tokens::Tokens(*m_db).list(m_admin_b, "", 10).empty());
  try {
    tokens::Tokens(*m_db).create(m_admin_a, {user.id, "", 1}, 2);
    FAIL() << "expected Invalid";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.at("label"), "Skriv hvad tokenet bruges til");
    EXPECT_EQ(e.fields.at("expires_at"), "Udløbsdatoen skal ligge i fremtiden");
  }
  tokens::Tokens(*m_db).revoke(m_admin_a, created.token.id, 3);
  EXPECT_EQ(tokens::Tokens(*m_db).list(m_admin_a, user.id, 10).at(0).revoked_at_ms, 3);
  EXPECT_THROW(tokens::Tokens(*m_db).create(actor("a", Role::professional, user.id), {user.id, "x", std::nullopt}, 2),
               service::Forbidden);
  // The end of 2027-06-30 in Copenhagen (CEST) is 22:00 UTC.
  EXPECT_EQ(tokens::expiry_from_date("2027-06-30"), std::int64_t{1'814'392'800'000});
  EXPECT_EQ(tokens::expiry_date(1'814'392'800'000), "2027-06-30");
  EXPECT_FALSE(tokens::expiry_from_date("2027-02-30"));
}

class DemoTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(*m_db, load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam()));
  }
};

TEST_P(DemoTest, CreatesEveryRoleOnceAndSealsTheAdministratorsTotpSecret) {
  const crypto::FieldCipher cipher(std::string(32, 'k'));
  const auto first = demo::create_demo(*m_db, 1, &cipher);
  EXPECT_TRUE(first.created);
  EXPECT_EQ(first.admin_totp_secret, demo::kDemoAdminTotpSecret);
  for (const auto& login : first.logins) EXPECT_GE(login.password.size(), 12u) << login.email;
  auto lease = m_db->acquire();
  auto roles = lease->query("SELECT DISTINCT role FROM users WHERE tenant = 'demo' ORDER BY role").rows;
  EXPECT_EQ(roles.size(), 5u);
  // The five units of the published log-ins plus the demo population's schools, daycares and
  // services; the two guardianships of the demo parent plus the 200 children's guardians.
  EXPECT_EQ(lease->query("SELECT count(*) FROM units WHERE tenant = 'demo'").rows[0].integer(0), 14);
  EXPECT_EQ(lease->query("SELECT count(*) FROM guardianships WHERE tenant = 'demo' AND user_id = "
                         "(SELECT id FROM users WHERE email = 'foraelder@demo-kommune.invalid')").rows[0].integer(0), 2);
  const auto users_after_first = lease->query("SELECT count(*) FROM users WHERE tenant = 'demo'").rows[0].integer(0);
  auto secret = lease->query("SELECT totp_secret FROM users WHERE email = 'admin@demo-kommune.invalid'").rows;
  ASSERT_EQ(secret.size(), 1u);
  // Sealed as raw bytes, like log-in's TOTP set-up: base32 JBSWY3DPEHPK3PXP… = "Hello!\xDE\xAD\xBE\xEF"…
  EXPECT_EQ(cipher.open(secret[0].text(0)), std::string("Hello!\xDE\xAD\xBE\xEFHello!\xDE\xAD\xBE\xEF"));
  auto psychologist = lease->query(
      "SELECT u.role, p.profession, m.unit_id FROM users u JOIN user_professions p ON p.user_id = u.id "
      "JOIN unit_memberships m ON m.user_id = u.id WHERE u.email = 'psykolog@demo-kommune.invalid'").rows;
  ASSERT_EQ(psychologist.size(), 1u);
  EXPECT_EQ(psychologist[0].text(1), "ppr_psychologist");
  EXPECT_EQ(psychologist[0].text(2), "demo-unit-ppr");
  const auto again = demo::create_demo(*m_db, 2, &cipher);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(lease->query("SELECT count(*) FROM users WHERE tenant = 'demo'").rows[0].integer(0), users_after_first);
}

TEST_P(DemoTest, IsRefusedInARealMunicipalitysDatabase) {
  m_db->transaction([](Connection& c) { insert_tenant(c, {"aarhus", "Aarhus Kommune", 1}); });
  EXPECT_THROW(demo::create_demo(*m_db, 1), demo::DemoRefused);
}

INSTANTIATE_TEST_SUITE_P(Engines, PeopleServiceTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, DemoTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql), engine_name);

}  // namespace
}  // namespace samspil::storage::testing
