#include "service/cases/case_events.hpp"

#include "crypto/random.hpp"
#include "storage/event_store.hpp"

namespace samspil::service {

void add_case_event(storage::Connection& conn, const Actor& actor, const std::string& case_id,
                    const std::string& kind, const nlohmann::json& detail, std::int64_t now_ms) {
  storage::append_case_event(conn, {crypto::random_id(), actor.tenant, case_id, now_ms, actor.user_id, kind,
                                    detail.is_null() ? std::string("{}") : detail.dump()});
}

}  // namespace samspil::service
