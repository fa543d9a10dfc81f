#include "service/meetings/calendar_feeds.hpp"

#include "calendar/ical.hpp"
#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "service/audit/audit.hpp"
#include "service/meetings/invitations.hpp"
#include "storage/calendar_feed_store.hpp"
#include "storage/meeting_store.hpp"

namespace samspil::service::calendar_feeds {

FeedStatus Subscriptions::status(const Actor& actor) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto feed = storage::active_calendar_feed(conn, actor.tenant, actor.user_id);
    return feed ? FeedStatus{true, feed->created_at_ms} : FeedStatus{};
  });
}

std::string Subscriptions::create(const Actor& actor, std::int64_t now_ms) {
  const std::string token = crypto::random_token();
  m_db.transaction([&](storage::Connection& conn) {
    storage::revoke_calendar_feeds(conn, actor.tenant, actor.user_id, now_ms);
    storage::insert_calendar_feed(conn, {crypto::random_id(), actor.tenant, actor.user_id, crypto::sha256_hex(token),
                                         now_ms, std::nullopt});
    audit::record(conn, actor, audit::Entry{audit::Action::create, "calendar_feed", actor.user_id, "", "Kalenderabonnement", ""},
                  now_ms);
  });
  return token;
}

bool Subscriptions::revoke(const Actor& actor, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const bool any = storage::revoke_calendar_feeds(conn, actor.tenant, actor.user_id, now_ms) > 0;
    if (any) {
      audit::record(conn, actor,
                    audit::Entry{audit::Action::change, "calendar_feed", actor.user_id, "", "Kalenderabonnement", ""},
                    now_ms);
    }
    return any;
  });
}

std::optional<std::string> Subscriptions::render(const std::string& token, std::int64_t now_ms) {
  const std::string& base = m_public_base_url;
  if (token.empty() || token.size() > 200) return std::nullopt;
  return m_db.transaction([&](storage::Connection& conn) -> std::optional<std::string> {
    const auto feed = storage::calendar_feed_by_token_hash(conn, crypto::sha256_hex(token));
    if (!feed) return std::nullopt;
    const auto rows = storage::upcoming_meetings_of_user(conn, feed->tenant, feed->user_id,
                                                         now_ms - 90LL * 24 * 3600 * 1000, 0, "", 500, true);
    std::vector<calendar::Event> events;
    for (const auto& r : rows) events.push_back(invitations::calendar_event(base, r.meeting, now_ms));
    audit::record_system(conn, feed->tenant, "system", feed->user_id,
                         audit::Entry{audit::Action::read, "calendar_feed", feed->user_id, "", "Kalenderabonnement", ""},
                         "", now_ms);
    return calendar::feed(events, "Samspil – mine møder");
  });
}

}  // namespace samspil::service::calendar_feeds
