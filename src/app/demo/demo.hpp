#pragma once
// "Demo Kommune": an obviously fictional municipality for trying Samspil (`samspil demo`):
// units of every kind, one log-in per role with published passwords, a family with two
// children, a staff member of every profession, and 200 fictional children with guardians
// and cases in every state of the default model (app/demo/demo_population.cpp).
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "service/base/model_registry.hpp"
#include "storage/database.hpp"

namespace samspil::demo {

// The demo cannot be created in this database (it already serves a municipality).
class DemoRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct DemoLogin {
  std::string role;      // Danish role name for display
  std::string email;
  std::string password;
};

struct DemoResult {
  std::string tenant_id;
  std::string tenant_name;
  bool created = false;  // false when the demo municipality already existed
  std::vector<DemoLogin> logins;
  // The administrator's published TOTP secret (base32); "" when no field key was given,
  // so the administrator sets TOTP up at the first log-in instead.
  std::string admin_totp_secret;
};

// The demo's fixed, published TOTP secret of the administrator (base32, RFC 4648).
inline constexpr const char* kDemoAdminTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

// Ids of what the demo created, for later seeding steps (e.g. children with cases).
struct DemoIds {
  std::map<std::string, std::string> units;  // short key ("solsikken", "vestre", "ppr", …) -> unit id
  std::map<std::string, std::string> users;  // e-mail -> user id
};

// The generated staff members (one per profession, app/demo/demo_population.cpp) share this
// published password; their addresses are <profession with '-'>@demo-kommune.invalid.
inline constexpr const char* kDemoStaffPassword = "demo-fagperson-1";
// How many generated children (demo-child-001 …), each with one case.
inline constexpr int kDemoChildren = 200;

namespace demo_detail {
// Adds the units, staff, children, guardians and cases at scale in the caller's transaction.
void seed_population(storage::Connection& conn, DemoIds& ids, const crypto::FieldCipher* cipher, std::int64_t now_ms);
// The demo family's daycare child Emma gets a case in the PPR district state (demo-case-emma),
// in the caller's transaction (app/demo/demo_meetings.cpp).
void seed_family_case(storage::Connection& conn, const DemoIds& ids, const crypto::FieldCipher* cipher,
                      std::int64_t now_ms);
// After the demo's transaction: meetings convened, answered, held and confirmed through the
// services by the demo's staff (Emma's case and demo-case-033).
void add_demo_meetings(storage::Database& db, const DemoIds& ids, const service::ModelRegistry& models,
                       const crypto::FieldCipher& cipher, std::int64_t now_ms);
}  // namespace demo_detail

// Creates the demo municipality and its log-ins in one transaction; running it again
// changes nothing and returns the same log-ins. The administrator's TOTP secret is sealed
// with cipher when one is given. Throws DemoRefused in a database that already holds
// another municipality. With the models and a cipher, the new demo also gets meetings
// (demo_detail::add_demo_meetings, after the transaction, through the services).
DemoResult create_demo(storage::Database& db, std::int64_t now_ms, const crypto::FieldCipher* cipher = nullptr,
                       const service::ModelRegistry* models = nullptr);

}  // namespace samspil::demo
