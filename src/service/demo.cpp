#include "service/demo.hpp"

#include "crypto/password.hpp"
#include "crypto/random.hpp"
#include "storage/tenant_store.hpp"
#include "storage/user_store.hpp"

namespace samspil::service {

namespace {

// Fixed, documented demo values. The e-mail domain uses the reserved .invalid TLD and the
// passwords are printed by `make run`: nothing here is real or secret.
constexpr const char* kTenantId = "demo";
constexpr const char* kTenantName = "Demo Kommune";

const std::vector<DemoLogin>& demo_logins() {
  static const std::vector<DemoLogin> logins{
      {"Administrator", "admin@demo-kommune.invalid", "demo-administrator-1"},
  };
  return logins;
}

const char* role_code(const std::string& danish_role) {
  if (danish_role == "Administrator") return "administrator";
  return "professional";
}

}  // namespace

DemoResult create_demo(storage::Database& db, std::int64_t now_ms) {
  DemoResult result{kTenantId, kTenantName, false, demo_logins()};
  db.transaction([&](storage::Connection& conn) {
    if (storage::find_tenant(conn, kTenantId)) return;
    // The demo log-ins have published passwords: never add them to a database that already
    // serves a real municipality.
    if (storage::count_tenants(conn) > 0) {
      throw DemoRefused("the database already holds a municipality; the demo (with published passwords) "
                        "is only created in an empty database");
    }
    storage::insert_tenant(conn, {kTenantId, kTenantName, now_ms});
    for (const DemoLogin& login : demo_logins()) {
      storage::insert_user(conn, {crypto::random_id(), kTenantId, login.email, login.role + " (demo)",
                                  crypto::hash_password(login.password), role_code(login.role), now_ms});
    }
    result.created = true;
  });
  return result;
}

}  // namespace samspil::service
