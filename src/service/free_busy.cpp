#include "service/free_busy.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "calendar/ical.hpp"
#include "service/audit.hpp"
#include "service/errors.hpp"
#include "storage/freebusy_store.hpp"

namespace samspil::service::free_busy {
namespace {

constexpr std::size_t kMaxIntervals = 5000;

struct Body {
  std::string text;
  std::size_t limit = kMaxBytes;
  bool too_big = false;
};

std::size_t on_data(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<Body*>(user);
  const std::size_t n = size * count;
  if (body->text.size() + n > body->limit) {
    body->too_big = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  body->text.append(data, n);
  return n;
}

// A short Danish reason for a failed transfer; curl's own texts never hold the URL, but we
// do not pass them on unfiltered anyway.
std::string reason(CURLcode rc) {
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT: return "Kalenderen svarede ikke i tide";
    case CURLE_COULDNT_RESOLVE_HOST: return "Serverens navn kunne ikke slås op";
    case CURLE_COULDNT_CONNECT: return "Der kunne ikke oprettes forbindelse til serveren";
    case CURLE_UNSUPPORTED_PROTOCOL: return "Kun http- og https-adresser kan bruges";
    case CURLE_TOO_MANY_REDIRECTS: return "Adressen viderestiller for mange gange";
    case CURLE_FILESIZE_EXCEEDED: return "Kalenderen er større end 1 MiB";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR: return "Den sikre forbindelse (TLS) kunne ikke oprettes";
    default: return std::string("Kalenderen kunne ikke hentes (") + curl_easy_strerror(rc) + ")";
  }
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
  static std::once_flag once;  // before any thread uses curl: curl_global_init is not thread-safe
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return [limits](const std::string& url) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) throw std::runtime_error("Kalenderen kunne ikke hentes");
    Body body;
    body.limit = limits.max_bytes;
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, limits.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, limits.total_timeout_ms);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_USERAGENT, "Samspil-kalender/1");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    const CURLcode rc = curl_easy_perform(c);
    if (body.too_big) throw std::runtime_error("Kalenderen er større end 1 MiB");
    if (rc != CURLE_OK) throw std::runtime_error(reason(rc));
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status > 299) throw std::runtime_error("Serveren svarede " + std::to_string(status));
    return body.text;
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
