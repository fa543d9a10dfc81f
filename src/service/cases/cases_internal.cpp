#include "service/cases/cases_internal.hpp"

#include "crypto/random.hpp"
#include "jobs/queue.hpp"
#include "storage/consent_store.hpp"
#include "storage/event_store.hpp"
#include "storage/guardian_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service::cases_detail {

std::set<std::string> consents_in_force(storage::Connection& conn, const CasesConfig& config,
                                        const std::string& tenant, const std::string& child_id, std::int64_t now_ms) {
  std::vector<domain::ConsentGuardian> guardians;
  for (const auto& g : storage::guardianships_of_child(conn, tenant, child_id)) {
    guardians.push_back({g.user_id, g.has_custody});
  }
  std::vector<domain::ConsentRecord> records;
  for (const auto& c : storage::consents_of_child(conn, tenant, child_id)) {
    records.push_back({c.guardian_id, c.scope, c.given_at_ms, c.expires_at_ms, c.withdrawn_at_ms});
  }
  return domain::scopes_in_force(*config.model, config.consent_requirement, guardians, records, now_ms);
}

void add_event(storage::Connection& conn, const Actor& actor, const std::string& case_id, const std::string& kind,
               const nlohmann::json& detail, std::int64_t now_ms) {
  storage::append_case_event(conn, {crypto::random_id(), actor.tenant, case_id, now_ms, actor.user_id, kind,
                                    detail.is_null() ? std::string("{}") : detail.dump()});
}

void mail_user(storage::Connection& conn, const std::string& tenant, const std::string& user_id,
               const std::string& subject, const std::string& text, std::int64_t now_ms) {
  const auto user = storage::find_user_record(conn, tenant, user_id);
  if (!user || user->email.empty() || user->disabled_at_ms) return;
  const nlohmann::json payload{{"to", user->email}, {"subject", subject}, {"text", text}};
  jobs::enqueue(conn, jobs::NewJob{"mail.send", payload.dump(), tenant, 0, 8}, now_ms);
}

}  // namespace samspil::service::cases_detail
