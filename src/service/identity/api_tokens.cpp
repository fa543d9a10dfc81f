#include "service/identity/api_tokens.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "domain/calendar.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/people/people_rules.hpp"
#include "storage/token_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service::api_tokens {

namespace {

TokenView view_of(storage::Connection& conn, const storage::ApiToken& t) {
  TokenView v{t.id, t.user_id, "", "", t.label, t.created_at_ms, t.expires_at_ms, t.revoked_at_ms, t.last_used_at_ms};
  if (auto user = storage::find_user_record(conn, t.tenant, t.user_id)) {
    v.user_email = user->email;
    v.user_name = user->display_name;
  }
  return v;
}

void audit_token(storage::Connection& conn, const Actor& actor, audit::Action action, const std::string& id,
                 std::int64_t now_ms) {
  audit::record(conn, actor, admin_entry(action, "api_token", id), now_ms);
}

}  // namespace

std::optional<std::int64_t> expiry_from_date(std::string_view date) {
  const auto d = domain::parse_date(date);
  if (!d) return std::nullopt;
  const auto next_day = std::chrono::year_month_day(std::chrono::sys_days(*d) + std::chrono::days(1));
  const domain::Instant end = domain::to_utc(domain::local_at(next_day, 0));
  return std::chrono::duration_cast<std::chrono::milliseconds>(end.time_since_epoch()).count();
}

std::string expiry_date(std::int64_t expires_at_ms) {
  // The last second before the expiry lies on the date that was entered.
  const domain::Instant t{std::chrono::seconds(expires_at_ms / 1000 - 1)};
  return domain::format_date(domain::local_date(t));
}

std::string token_hash(const std::string& secret) { return crypto::sha256_hex(secret); }

Created Tokens::create(const Actor& actor, const NewToken& input, std::int64_t now_ms) const {
  require_admin(actor);
  return m_db.transaction([&](storage::Connection& conn) {
    FieldErrors errors;
    std::string label = input.label;
    label.erase(0, label.find_first_not_of(" \t"));
    label.erase(label.find_last_not_of(" \t") + 1);
    if (label.empty()) errors["label"] = "Skriv hvad tokenet bruges til";
    if (label.size() > 200) errors["label"] = "Beskrivelsen må højst være 200 tegn";
    const auto user = storage::find_user_record(conn, actor.tenant, input.user_id);
    if (!user) {
      errors["user_id"] = "Vælg en bruger i kommunen";
    } else if (user->role == "guardian") {
      errors["user_id"] = "API-tokens kan kun udstedes til medarbejdere";
    } else if (user->disabled_at_ms) {
      errors["user_id"] = "Brugeren er deaktiveret";
    }
    if (input.expires_at_ms && *input.expires_at_ms <= now_ms) errors["expires_at"] = "Udløbsdatoen skal ligge i fremtiden";
    if (!errors.empty()) throw Invalid(errors);
    Created created;
    created.secret = crypto::random_token();
    storage::ApiToken t{crypto::random_id(), actor.tenant, input.user_id, token_hash(created.secret), label, now_ms,
                        input.expires_at_ms, std::nullopt, std::nullopt};
    storage::insert_api_token(conn, t);
    audit_token(conn, actor, audit::Action::create, t.id, now_ms);
    created.token = view_of(conn, t);
    return created;
  });
}

std::vector<TokenView> Tokens::list(const Actor& actor, const std::string& user_id, int limit) const {
  require_admin(actor);
  auto lease = m_db.acquire();
  std::vector<TokenView> out;
  for (const auto& t : storage::list_api_tokens(*lease, actor.tenant, user_id, "", std::clamp(limit, 1, 500))) {
    out.push_back(view_of(*lease, t));
  }
  return out;
}

void Tokens::revoke(const Actor& actor, const std::string& id, std::int64_t now_ms) const {
  require_admin(actor);
  m_db.transaction([&](storage::Connection& conn) {
    if (!storage::find_api_token(conn, actor.tenant, id)) throw NotFound("api_token");
    if (storage::revoke_api_token(conn, actor.tenant, id, now_ms)) {
      audit_token(conn, actor, audit::Action::change, id, now_ms);
    }
  });
}

}  // namespace samspil::service::api_tokens
