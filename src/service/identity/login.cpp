#include "service/identity/login.hpp"

#include "crypto/password.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "storage/actor_store.hpp"
#include "storage/session_store.hpp"
#include "storage/tenant_store.hpp"
#include "storage/throttle_store.hpp"

namespace samspil::service::login {

namespace {

// Verifying against this hash for an unknown e-mail costs what a real check costs, so the
// answer time does not tell whether the e-mail exists.
const std::string& dummy_hash() {
  static const std::string hash = crypto::hash_password("samspil-timing-equaliser-passphrase");
  return hash;
}

storage::ThrottleRow counter(storage::Connection& conn, const std::string& key) {
  if (auto row = storage::find_throttle(conn, key)) return *row;
  return storage::ThrottleRow{key, 0, 0, std::nullopt};
}

void audit_failure(storage::Connection& conn, const Attempt& a, const std::string& user_id, const std::string& purpose,
                   std::int64_t now_ms) {
  audit::record_system(conn, a.tenant, "anonymous", user_id,
                       {audit::Action::sign_in_failed, "user", user_id, "", purpose, ""}, a.request_id, now_ms);
}

}  // namespace

std::string passphrase_problem(const std::string& passphrase) {
  std::size_t code_points = 0;
  for (unsigned char c : passphrase) {
    if ((c & 0xC0) != 0x80) ++code_points;
  }
  if (code_points < 12) return "Adgangskoden skal være på mindst 12 tegn.";
  if (code_points > 128) return "Adgangskoden må højst være på 128 tegn.";
  return "";
}

void Accounts::change_password(const Actor& actor, const std::string& current,
                     const std::string& passphrase, const std::string& repeated,
                     const std::string& keep_session_id_hash, std::int64_t now_ms) const {
  const auto user = m_db.transaction(
      [&](storage::Connection& conn) { return storage::find_credentials(conn, actor.tenant, actor.user_id); });
  FieldErrors errors;
  if (!user || user->password_hash.empty() || !crypto::verify_password(user->password_hash, current)) {
    errors.emplace("nuvaerende", "Den nuværende adgangskode er forkert.");
  }
  if (const std::string problem = passphrase_problem(passphrase); !problem.empty()) {
    errors.emplace("adgangskode", problem);
  } else if (passphrase != repeated) {
    errors.emplace("gentag", "De to adgangskoder er ikke ens.");
  }
  if (!errors.empty()) throw Invalid(errors);
  const std::string hash = crypto::hash_password(passphrase);
  m_db.transaction([&](storage::Connection& conn) {
    storage::set_password_hash(conn, actor.tenant, actor.user_id, hash, now_ms);
    storage::delete_other_sessions_of_user(conn, actor.tenant, actor.user_id, keep_session_id_hash);
    audit::record(conn, actor, {audit::Action::change, "user", actor.user_id, "", "Egen adgangskode ændret", ""}, now_ms);
  });
}

std::string second_factor_step(storage::Connection& conn, const std::string& tenant, const std::string& user_id) {
  const auto c = storage::find_credentials(conn, tenant, user_id);
  if (!c) return "";
  return c->totp_enabled ? "totp" : "totp_setup";
}

Result Accounts::sign_in_with_password(const Attempt& a, std::int64_t now_ms) const {
  // Read first, hash outside any transaction (Argon2id takes a while; no lock held meanwhile).
  struct Looked {
    bool tenant_exists = false;
    std::optional<storage::Credentials> user;
    bool locked = false;
  };
  const Looked looked = m_db.transaction([&](storage::Connection& conn) {
    Looked l;
    l.tenant_exists = storage::find_tenant(conn, a.tenant).has_value();
    if (!l.tenant_exists) return l;
    l.user = storage::find_credentials_by_email(conn, a.tenant, a.email);
    const auto address = counter(conn, "address:" + a.address_key);
    l.locked = is_locked(address, now_ms) ||
               (l.user && is_locked(counter(conn, "account:" + l.user->user_id), now_ms));
    return l;
  });
  if (!looked.tenant_exists) {
    crypto::verify_password(dummy_hash(), a.password);
    return {};
  }
  if (looked.locked) {
    m_db.transaction([&](storage::Connection& conn) {
      audit_failure(conn, a, looked.user ? looked.user->user_id : "", "Log-ind afvist: midlertidigt spærret", now_ms);
    });
    return {Outcome::locked, {}};
  }
  const bool usable = looked.user && !looked.user->disabled && !looked.user->password_hash.empty();
  const bool matches = usable ? crypto::verify_password(looked.user->password_hash, a.password)
                              : (crypto::verify_password(dummy_hash(), a.password), false);
  return m_db.transaction([&](storage::Connection& conn) -> Result {
    if (!matches) {
      bool now_locked = false;
      const auto address = after_failure(counter(conn, "address:" + a.address_key), m_limits.address_failures,
                                         m_limits, now_ms);
      storage::save_throttle(conn, address);
      now_locked = is_locked(address, now_ms);
      std::string user_id;
      if (looked.user) {
        user_id = looked.user->user_id;
        const auto account = after_failure(counter(conn, "account:" + user_id), m_limits.account_failures,
                                           m_limits, now_ms);
        storage::save_throttle(conn, account);
        now_locked = now_locked || is_locked(account, now_ms);
      }
      audit_failure(conn, a, user_id, now_locked ? "Log-ind fejlede: midlertidigt spærret" : "Log-ind fejlede",
                    now_ms);
      return {now_locked ? Outcome::locked : Outcome::refused, {}};
    }
    const storage::Credentials& user = *looked.user;
    storage::clear_throttle(conn, "account:" + user.user_id);
    // Staff may enable TOTP; administrators must: without it they only reach the set-up step.
    const bool must_set_up = !user.totp_enabled && user.role == "administrator";
    const bool pending = user.totp_enabled || must_set_up;
    Result result{pending ? (user.totp_enabled ? Outcome::totp_due : Outcome::totp_setup_due) : Outcome::signed_in,
                  sessions::start(conn, a.tenant, user.user_id, "password", pending, now_ms, m_policy)};
    if (!pending) {
      audit::record_system(conn, a.tenant, user.role, user.user_id,
                           {audit::Action::sign_in, "session", "", "", "Log-ind med adgangskode", ""}, a.request_id,
                           now_ms);
    }
    return result;
  });
}

std::vector<storage::TenantChoice> Accounts::municipalities() const {
  return m_db.read([](storage::Connection& c) { return storage::list_tenants_for_login(c); });
}

std::string Accounts::account_label(const std::string& tenant, const std::string& user_id) const {
  return m_db.read([&](storage::Connection& c) {
    const auto record = storage::load_actor_record(c, tenant, user_id);
    return record ? record->email : user_id;
  });
}

std::optional<storage::Credentials> Accounts::credentials(const std::string& tenant,
                                                const std::string& user_id) const {
  return m_db.read([&](storage::Connection& c) { return storage::find_credentials(c, tenant, user_id); });
}

}  // namespace samspil::service::login
