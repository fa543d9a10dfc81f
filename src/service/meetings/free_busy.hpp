#pragma once
// A user's imported free/busy calendar (issue 6 item 2): the iCalendar URL a user's own
// calendar publishes (Outlook's or Google's "publish free/busy" .ics address), set, tested
// ("Hent nu") and removed on /min-profil and /api/v1/me/freebusy, read by the slot finder
// through the FreeBusySource port (free_busy_source.hpp).
//
// The URL is a secret capability: it is sealed with the field key, never logged, never put
// in an error text, and shown back only as its host ("outlook.office365.com/…"). The busy
// times of the last successful fetch are cached with the outcome of the last attempt;
// convening reads the cache and fetches only when the last attempt is older than the
// refresh age (15 minutes). A fetch takes at most ~3 s and 1 MiB; when it fails the cached
// busy times still count and the slot finder reports the user's calendar as not read.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "service/base/actor.hpp"
#include "service/meetings/meetings.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// Thrown by a FreeBusySource (meetings.hpp) that cannot read the calendar now but still has
// the busy times of an earlier fetch: the slot finder uses those and still reports the
// user's calendar as not read.
struct FreeBusyUnavailable : std::runtime_error {
  FreeBusyUnavailable(const std::string& what, std::vector<FreeBusyInterval> last_known)
      : std::runtime_error(what), cached(std::move(last_known)) {}
  std::vector<FreeBusyInterval> cached;  // from the last successful fetch; may be empty
};

}  // namespace samspil::service

namespace samspil::service::free_busy {

constexpr std::size_t kMaxUrlLength = 2000;
constexpr std::size_t kMaxBytes = 1024 * 1024;
constexpr std::int64_t kRefreshAgeMs = 15LL * 60 * 1000;
constexpr std::int64_t kHorizonMs = 120LL * 24 * 3600 * 1000;  // as far ahead as the slot finder looks

// Fetches a URL's body. Throws std::runtime_error with a short Danish reason that never
// contains the URL.
using Fetcher = std::function<std::string(const std::string& url)>;

struct FetchLimits {
  long connect_timeout_ms = 3000;
  long total_timeout_ms = 3000;
  std::size_t max_bytes = kMaxBytes;
};
// Over the outbound client (net/http_client.hpp): http and https only (redirects too, at
// most 3), the limits above.
Fetcher curl_fetcher(FetchLimits limits = {});

// "" when the URL may be stored, else why not (Danish): http/https only, a host, at most
// kMaxUrlLength characters, no spaces or control characters.
std::string validate_url(const std::string& url);
// "host" (with ":port" when given) of an http(s) URL; "" when there is none.
std::string host_of(const std::string& url);

struct Status {
  bool configured = false;
  std::string host;       // shown as host + "/…"
  std::string status;     // never, ok, failed
  std::string error;      // Danish, for a failed last attempt
  std::optional<std::int64_t> attempted_at_ms;
  std::optional<std::int64_t> fetched_at_ms;
  std::size_t busy_count = 0;  // busy intervals in the cache
};

class Feeds {
 public:
  // cipher null = no field key: imported calendars can be neither set nor read.
  Feeds(storage::Database& db, const crypto::FieldCipher* cipher, Fetcher fetcher, std::function<std::int64_t()> clock,
        std::int64_t refresh_age_ms = kRefreshAgeMs);

  bool available() const { return m_cipher != nullptr; }

  // The actor's own import.
  Status status(const Actor& actor) const;
  // Sets or replaces the actor's URL (audited), then fetches it once. Throws Invalid with
  // field "url" for a URL validate_url refuses, Unavailable-like std::runtime_error when
  // there is no field key.
  Status set(const Actor& actor, const std::string& url) const;
  // Removes the actor's import (audited); false when there was none.
  bool remove(const Actor& actor) const;
  // Fetches the actor's calendar now and records the outcome.
  Status fetch_now(const Actor& actor) const;

  // The port for the slot finder: the cached busy times, refreshed first when the last
  // attempt is older than the refresh age. Throws FreeBusyUnavailable (with the cached
  // busy times) when the calendar cannot be read now.
  std::vector<FreeBusyInterval> busy(const std::string& tenant, const std::string& user_id, std::int64_t from_ms,
                                     std::int64_t to_ms) const;
  FreeBusySource source() const;

 private:
  // Fetches and records; returns the error ("" on success). Network I/O outside any transaction.
  std::string refresh(const std::string& tenant, const std::string& user_id, const std::string& url_sealed) const;

  storage::Database& m_db;
  const crypto::FieldCipher* m_cipher;
  Fetcher m_fetcher;
  std::function<std::int64_t()> m_clock;
  std::int64_t m_refresh_age_ms;
};

}  // namespace samspil::service::free_busy
