#include "service/meetings/free_busy.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "calendar/ical.hpp"
#include "net/http_client.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "storage/freebusy_store.hpp"

namespace samspil::service::free_busy {
namespace {

constexpr std::size_t kMaxIntervals = 5000;

// A short Danish reason for a failed transfer (the client's own texts are English).
std::string reason(const net::Error& e) {
  switch (e.failure()) {
    case net::Failure::timed_out: return "Kalenderen svarede ikke i tide";
    case net::Failure::host_not_found: return "Serverens navn kunne ikke slås op";
    case net::Failure::cannot_connect: return "Der kunne ikke oprettes forbindelse til serveren";
    case net::Failure::scheme_refused: return "Kun http- og https-adresser kan bruges";
    case net::Failure::too_many_redirects: return "Adressen viderestiller for mange gange";
    case net::Failure::too_large: return "Kalenderen er større end 1 MiB";
    case net::Failure::tls: return "Den sikre forbindelse (TLS) kunne ikke oprettes";
    case net::Failure::other: break;
  }
  return std::string("Kalenderen kunne ikke hentes (") + e.what() + ")";
}

Status status_of(const std::optional<storage::FreeBusyImport>& row) {
  Status s;
  if (!row) return s;
  s.configured = true;
  s.host = row->url_host;
  s.status = row->status;
  s.error = row->error;
  s.attempted_at_ms = row->attempted_at_ms;
  s.fetched_at_ms = row->fetched_at_ms;
  s.busy_count = row->busy.size();
  return s;
}

audit::Entry entry(audit::Action action, const Actor& actor) {
  return audit::Entry{action, "freebusy_import", actor.user_id, "", "Egen kalender (ledig/optaget)", ""};
}

bool is_ctl_or_space(char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; }

}  // namespace

Fetcher curl_fetcher(FetchLimits limits) {
  return [limits](const std::string& url) {
    net::Response answer;
    try {
      answer = net::send({.url = url, .user_agent = "Samspil-kalender/1", .accept_compressed = true},
                         {.connect_timeout_ms = limits.connect_timeout_ms,
                          .total_timeout_ms = limits.total_timeout_ms,
                          .max_body_bytes = limits.max_bytes,
                          .max_redirects = 3});
    } catch (const net::Error& e) {
      throw std::runtime_error(reason(e));
    }
    if (answer.status < 200 || answer.status > 299) {
      throw std::runtime_error("Serveren svarede " + std::to_string(answer.status));
    }
    return std::move(answer.body);
  };
}

std::string validate_url(const std::string& url) {
  if (url.empty()) return "Indtast adressen på din kalender";
  if (url.size() > kMaxUrlLength) return "Adressen må højst være " + std::to_string(kMaxUrlLength) + " tegn";
  if (std::any_of(url.begin(), url.end(), is_ctl_or_space)) return "Adressen må ikke indeholde mellemrum";
  std::string lower = url.substr(0, 8);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0)
    return "Adressen skal begynde med https:// eller http://";
  if (host_of(url).empty()) return "Adressen skal have et servernavn, fx https://outlook.office365.com/…";
  return "";
}

std::string host_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  std::string rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);  // never user:password
  std::transform(rest.begin(), rest.end(), rest.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (rest.empty() || rest[0] == ':') return "";
  return rest;
}

Feeds::Feeds(storage::Database& db, const crypto::FieldCipher* cipher, Fetcher fetcher,
             std::function<std::int64_t()> clock, std::int64_t refresh_age_ms)
    : m_db(db), m_cipher(cipher), m_fetcher(std::move(fetcher)), m_clock(std::move(clock)), m_refresh_age_ms(refresh_age_ms) {}

Status Feeds::status(const Actor& actor) const {
  return status_of(m_db.transaction(
      [&](storage::Connection& conn) { return storage::find_freebusy_import(conn, actor.tenant, actor.user_id); }));
}

Status Feeds::set(const Actor& actor, const std::string& url) const {
  if (const std::string error = validate_url(url); !error.empty()) throw Invalid(FieldErrors{{"url", error}});
  if (!m_cipher) throw Conflict("Der er ikke sat en nøgle op til at gemme kalenderadresser");
  const std::string sealed = m_cipher->seal(url);
  const std::int64_t now = m_clock();
  m_db.transaction([&](storage::Connection& conn) {
    storage::put_freebusy_url(conn, actor.tenant, actor.user_id, sealed, host_of(url), now);
    audit::record(conn, actor, entry(audit::Action::change, actor), now);
  });
  refresh(actor.tenant, actor.user_id, sealed);
  return status(actor);
}

bool Feeds::remove(const Actor& actor) const {
  const std::int64_t now = m_clock();
  return m_db.transaction([&](storage::Connection& conn) {
    const bool removed = storage::delete_freebusy_import(conn, actor.tenant, actor.user_id);
    if (removed) audit::record(conn, actor, entry(audit::Action::delete_data, actor), now);
    return removed;
  });
}

Status Feeds::fetch_now(const Actor& actor) const {
  const auto row = m_db.transaction(
      [&](storage::Connection& conn) { return storage::find_freebusy_import(conn, actor.tenant, actor.user_id); });
  if (!row) throw NotFound("Du har ikke angivet en kalender");
  refresh(actor.tenant, actor.user_id, row->url_sealed);
  return status(actor);
}

std::string Feeds::refresh(const std::string& tenant, const std::string& user_id, const std::string& url_sealed) const {
  std::string error;
  std::vector<storage::BusySpan> spans;
  const std::int64_t from = m_clock();
  const std::int64_t to = from + kHorizonMs;
  const auto url = m_cipher ? m_cipher->open(url_sealed) : std::nullopt;
  if (!url) {
    error = "Adressen kan ikke læses med den nuværende nøgle; angiv den igen";
  } else {
    try {
      const std::string text = m_fetcher(*url);
      for (const auto& b : calendar::busy_times(text, from, to)) {
        if (!spans.empty() && b.start_ms <= spans.back().end_ms) {
          spans.back().end_ms = std::max(spans.back().end_ms, b.end_ms);  // sorted: merge overlaps
        } else {
          spans.push_back({b.start_ms, b.end_ms});
        }
      }
      if (spans.size() > kMaxIntervals) spans.resize(kMaxIntervals);
    } catch (const calendar::ParseError&) {
      error = "Svaret er ikke en iCalendar-kalender (.ics)";
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  const std::int64_t now = m_clock();
  m_db.transaction([&](storage::Connection& conn) {
    if (error.empty()) storage::record_freebusy_ok(conn, tenant, user_id, url_sealed, spans, from, to, now);
    else storage::record_freebusy_failure(conn, tenant, user_id, url_sealed, error, now);
  });
  return error;
}

std::vector<FreeBusyInterval> Feeds::busy(const std::string& tenant, const std::string& user_id, std::int64_t from_ms,
                                          std::int64_t to_ms) const {
  auto row = m_db.transaction([&](storage::Connection& conn) { return storage::find_freebusy_import(conn, tenant, user_id); });
  if (!row) return {};
  std::string error;
  if (!row->attempted_at_ms || *row->attempted_at_ms < m_clock() - m_refresh_age_ms) {
    error = refresh(tenant, user_id, row->url_sealed);
    if (error.empty()) {
      row = m_db.transaction([&](storage::Connection& conn) { return storage::find_freebusy_import(conn, tenant, user_id); });
      if (!row) return {};
    }
  } else if (row->status == "failed") {
    error = row->error;  // tried a moment ago: not again, but still reported
  }
  std::vector<FreeBusyInterval> out;
  for (const auto& b : row->busy) {
    const std::int64_t s = std::max(b.start_ms, from_ms), e = std::min(b.end_ms, to_ms);
    if (e > s) out.push_back({s, e});
  }
  if (!error.empty()) throw FreeBusyUnavailable(error, std::move(out));
  return out;
}

FreeBusySource Feeds::source() const {
  return [this](const std::string& tenant, const std::string& user_id, std::int64_t from_ms, std::int64_t to_ms) {
    return busy(tenant, user_id, from_ms, to_ms);
  };
}

}  // namespace samspil::service::free_busy
