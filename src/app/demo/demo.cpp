#include "app/demo/demo.hpp"

#include "crypto/password.hpp"
#include "storage/guardian_store.hpp"
#include "storage/tenant_store.hpp"
#include "storage/unit_store.hpp"
#include "storage/user_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::demo {
using namespace samspil::service;

namespace {

// Fixed, documented demo values. The e-mail domain uses the reserved .invalid TLD and the
// passwords are printed by `make run`: nothing here is real or secret. Ids are fixed so a
// later seeding step (children with cases) can refer to them.
constexpr const char* kTenantId = "demo";
constexpr const char* kTenantName = "Demo Kommune";

struct DemoUnit {
  const char* key;
  const char* kind;
  const char* name;
};

const std::vector<DemoUnit>& demo_units() {
  static const std::vector<DemoUnit> units{
      {"solsikken", "daycare", "Børnehuset Solsikken"},
      {"vestre", "school", "Vestre Skole"},
      {"ppr", "ppr", "PPR Distrikt Vest"},
      {"sundhedsplejen", "health_visiting", "Sundhedsplejen"},
      {"myndighed", "authority", "Børn og Familie (Myndighed)"},
  };
  return units;
}

struct DemoPerson {
  DemoLogin login;
  const char* name;
  const char* role;
  const char* profession;  // "" = none
  const char* unit;        // unit key, "" = none
  bool leader;
};

const std::vector<DemoPerson>& demo_people() {
  // The guardian's address is ASCII (foraelder@): browsers refuse non-ASCII local parts in
  // e-mail fields.
  static const std::vector<DemoPerson> people{
      {{"Administrator", "admin@demo-kommune.invalid", "demo-administrator-1"}, "Anne Admin (demo)", "administrator",
       "", "", false},
      {{"Leder (Børnehuset Solsikken)", "leder@demo-kommune.invalid", "demo-leder-solsikken-1"}, "Lene Leder (demo)",
       "unit_leader", "leader", "solsikken", true},
      {{"Lærer (Vestre Skole)", "laerer@demo-kommune.invalid", "demo-laerer-vestre-1"}, "Lars Lærer (demo)",
       "professional", "teacher", "vestre", false},
      {{"Pædagog (Børnehuset Solsikken)", "paedagog@demo-kommune.invalid", "demo-paedagog-solsikken-1"},
       "Pia Pædagog (demo)", "professional", "educator", "solsikken", false},
      {{"PPR-psykolog (PPR Distrikt Vest)", "psykolog@demo-kommune.invalid", "demo-psykolog-ppr-1"},
       "Peter Psykolog (demo)", "professional", "ppr_psychologist", "ppr", false},
      {{"PPR-distriktsleder", "ppr-leder@demo-kommune.invalid", "demo-ppr-distriktsleder-1"},
       "Dorte Distriktsleder (demo)", "ppr_district_lead", "ppr_management", "ppr", true},
      {{"Sundhedsplejerske", "sundhedsplejerske@demo-kommune.invalid", "demo-sundhedsplejerske-1"},
       "Sofie Sundhedsplejerske (demo)", "professional", "health_visitor", "sundhedsplejen", false},
      {{"Socialrådgiver (Myndighed)", "raadgiver@demo-kommune.invalid", "demo-socialraadgiver-1"},
       "Rasmus Rådgiver (demo)", "professional", "social_worker", "myndighed", false},
      {{"Forælder (2 børn)", "foraelder@demo-kommune.invalid", "demo-foraelder-1"}, "Frida Forælder (demo)",
       "guardian", "", "", false},
  };
  return people;
}

std::vector<DemoLogin> demo_logins() {
  std::vector<DemoLogin> out;
  for (const auto& p : demo_people()) out.push_back(p.login);
  return out;
}

// RFC 4648 base32 without padding -> raw bytes. Log-in (service/identity/totp_factor) seals and
// opens the raw secret, so the demo stores the same form.
std::string base32_decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    if (c >= '2' && c <= '7') v = c - '2' + 26;
    if (v < 0) continue;
    buffer = (buffer << 5) | static_cast<unsigned>(v);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

std::string unit_id(const char* key) { return std::string("demo-unit-") + key; }

void seed_units(storage::Connection& conn, DemoIds& ids, std::int64_t now_ms) {
  for (const auto& u : demo_units()) {
    storage::insert_unit(conn, {unit_id(u.key), kTenantId, "", u.kind, u.name, now_ms});
    ids.units[u.key] = unit_id(u.key);
  }
}

void seed_people(storage::Connection& conn, DemoIds& ids, const crypto::FieldCipher* cipher, std::int64_t now_ms) {
  int n = 0;
  for (const auto& p : demo_people()) {
    const std::string id = "demo-user-" + std::to_string(++n);
    storage::insert_user(conn, {id, kTenantId, p.login.email, p.name, crypto::hash_password(p.login.password), p.role,
                                now_ms});
    if (*p.profession) storage::replace_user_professions(conn, kTenantId, id, {p.profession});
    if (*p.unit) storage::replace_user_memberships(conn, kTenantId, id, {{unit_id(p.unit), p.leader}});
    if (std::string(p.role) == "administrator" && cipher) {
      storage::set_user_totp(conn, kTenantId, id, cipher->seal(base32_decode(kDemoAdminTotpSecret)), now_ms);
    }
    ids.users[p.login.email] = id;
  }
}

// The demo family: one guardian with custody of two children (a daycare child and a pupil).
void seed_family(storage::Connection& conn, const DemoIds& ids, std::int64_t now_ms) {
  const std::string guardian = ids.users.at("foraelder@demo-kommune.invalid");
  const storage::ChildSummary children[] = {
      {"demo-child-emma", kTenantId, "Emma", "Demo-Jensen", "2021-03-14", ids.units.at("solsikken"), now_ms},
      {"demo-child-oliver", kTenantId, "Oliver", "Demo-Jensen", "2016-09-02", ids.units.at("vestre"), now_ms},
  };
  for (const auto& c : children) {
    storage::insert_child_summary(conn, c);
    storage::upsert_guardianship(conn, kTenantId, {c.id, guardian, "parent", true, now_ms});
  }
}

}  // namespace

DemoResult create_demo(storage::Database& db, std::int64_t now_ms, const crypto::FieldCipher* cipher,
                       const ModelRegistry* models) {
  DemoResult result{kTenantId, kTenantName, false, demo_logins(), cipher ? kDemoAdminTotpSecret : ""};
  DemoIds last_ids;
  db.transaction([&](storage::Connection& conn) {
    if (storage::find_tenant(conn, kTenantId)) return;
    // The demo log-ins have published passwords: never add them to a database that already
    // serves a real municipality.
    if (storage::count_tenants(conn) > 0) {
      throw DemoRefused("the database already holds a municipality; the demo (with published passwords) "
                        "is only created in an empty database");
    }
    storage::insert_tenant(conn, {kTenantId, kTenantName, now_ms});
    DemoIds& ids = last_ids;
    seed_units(conn, ids, now_ms);
    seed_people(conn, ids, cipher, now_ms);
    seed_family(conn, ids, now_ms);
    demo_detail::seed_population(conn, ids, cipher, now_ms);
    demo_detail::seed_family_case(conn, ids, cipher, now_ms);
    result.created = true;
  });
  // Meetings go through the services (each its own transaction, with audit entries and
  // outbox rows) once the people and cases above are committed.
  if (result.created && models != nullptr && cipher != nullptr) {
    demo_detail::add_demo_meetings(db, last_ids, *models, *cipher, now_ms);
  }
  return result;
}

}  // namespace samspil::demo
