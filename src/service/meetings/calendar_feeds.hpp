#pragma once
// A user's personal iCalendar feed of their meetings (issue 6 item 3): created and revoked
// on /min-profil/kalender; the URL carries a random token shown ONCE; only its SHA-256 is
// stored. The feed lists the user's meetings as "Møde" with a link: no child data.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service::calendar_feeds {

struct FeedStatus {
  bool active = false;
  std::int64_t created_at_ms = 0;
};

// The feed use cases, built once in service::Services (member `calendar_subscriptions`).
class Subscriptions {
 public:
  // public_base_url: the start of the meeting links in the feed, e.g. "https://samspil.kommune.dk".
  Subscriptions(storage::Database& db, std::string public_base_url)
      : m_db(db), m_public_base_url(std::move(public_base_url)) {}

  // Whether the actor has a feed in force.
  FeedStatus status(const Actor& actor);
  // Revokes any feed in force and creates a new one; returns the raw token (shown once).
  std::string create(const Actor& actor, std::int64_t now_ms);
  // Revokes the actor's feed; false when there was none.
  bool revoke(const Actor& actor, std::int64_t now_ms);
  // The feed's calendar text (METHOD:PUBLISH) for a token; nullopt for an unknown or revoked
  // token. Meetings from 90 days ago on, cancelled ones marked STATUS:CANCELLED.
  std::optional<std::string> render(const std::string& token, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  std::string m_public_base_url;
};

}  // namespace samspil::service::calendar_feeds
