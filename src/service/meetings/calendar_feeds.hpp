#pragma once
// A user's personal iCalendar feed of their meetings (issue 6 item 3): created and revoked
// on /min-profil/kalender; the URL carries a random token shown ONCE; only its SHA-256 is
// stored. The feed lists the user's meetings as "Møde" with a link: no child data.
#include <cstdint>
#include <optional>
#include <string>

#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service::calendar_feeds {

struct FeedStatus {
  bool active = false;
  std::int64_t created_at_ms = 0;
};

// Whether the actor has a feed in force.
FeedStatus status(storage::Database& db, const Actor& actor);
// Revokes any feed in force and creates a new one; returns the raw token (shown once).
std::string create(storage::Database& db, const Actor& actor, std::int64_t now_ms);
// Revokes the actor's feed; false when there was none.
bool revoke(storage::Database& db, const Actor& actor, std::int64_t now_ms);
// The feed's calendar text (METHOD:PUBLISH) for a token; nullopt for an unknown or revoked
// token. Meetings from 90 days ago on, cancelled ones marked STATUS:CANCELLED.
std::optional<std::string> render(storage::Database& db, const std::string& token, const std::string& public_base_url,
                                  std::int64_t now_ms);

}  // namespace samspil::service::calendar_feeds
