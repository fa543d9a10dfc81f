#include "service/audit/access_log.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <utility>

#include "domain/calendar.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "storage/audit_store.hpp"

namespace samspil::service::access_log {

namespace {

using Label = std::pair<std::string_view, std::string_view>;

constexpr std::array<Label, 9> kActions{{
    {"read", "Læst"},
    {"search", "Søgt"},
    {"create", "Oprettet"},
    {"change", "Ændret"},
    {"export", "Udskrevet eller eksporteret"},
    {"delete", "Slettet"},
    {"sign_in", "Logget ind"},
    {"sign_out", "Logget ud"},
    {"sign_in_failed", "Mislykket log-ind"},
}};

constexpr std::array<Label, 12> kObjects{{
    {"child", "Barnets oplysninger"},
    {"case", "Sag"},
    {"consent", "Samtykke"},
    {"consent_scan", "Scanning af samtykkeerklæring"},
    {"document", "Dokument"},
    {"meeting", "Møde"},
    {"note", "Notat"},
    {"guardianship", "Forældremyndighed og relationer"},
    {"access_log", "Adgangslog"},
    {"user", "Bruger"},
    {"unit", "Enhed"},
    {"session", "Log-ind"},
}};

template <std::size_t N>
std::string lookup(const std::array<Label, N>& labels, std::string_view code, std::string_view fallback) {
  for (const auto& [c, label] : labels) {
    if (c == code) return std::string(label);
  }
  return std::string(fallback.empty() ? code : fallback);
}

// "2027-04-01T09:00:00+02:00" → "01.04.2027 kl. 09.00" (Danish date and time notation).
std::string danish_time(const std::string& iso) {
  if (iso.size() < 16) return iso;
  return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4) + " kl. " + iso.substr(11, 2) + "." +
         iso.substr(14, 2);
}

}  // namespace

std::string action_label_da(std::string_view action) { return lookup(kActions, action, ""); }

std::string object_label_da(std::string_view object_type) { return lookup(kObjects, object_type, "Oplysninger"); }

std::string role_label_da(std::string_view role) {
  if (const auto parsed = parse_role(role)) return std::string(service::role_label_da(*parsed));
  if (role == "anonymous") return "Ikke logget ind";
  return "System";
}

Extract AccessLog::guardian_extract(const Actor& actor, int page, int page_size, std::int64_t now_ms) {
  if (actor.role != Role::guardian) throw Forbidden("only guardians have an access-log extract");
  page_size = std::clamp(page_size, 1, 200);
  return m_db.transaction([&](storage::Connection& conn) {
    Extract extract;
    extract.total = storage::count_child_access(conn, actor.tenant, actor.user_id);
    extract.page_count = std::max<int>(1, static_cast<int>((extract.total + page_size - 1) / page_size));
    extract.page = std::clamp(page, 1, extract.page_count);
    const auto rows =
        storage::list_child_access(conn, actor.tenant, actor.user_id, (extract.page - 1) * page_size, page_size);
    for (const auto& r : rows) {
      const std::string iso = domain::format_local_iso(
          std::chrono::floor<std::chrono::seconds>(domain::Instant{} + std::chrono::milliseconds(r.at_ms)));
      extract.items.push_back(Item{r.at_ms, iso, danish_time(iso), r.child_id, r.child_first_name, r.unit_name, r.actor_role,
                                   role_label_da(r.actor_role), r.action, action_label_da(r.action), r.object_type,
                                   object_label_da(r.object_type), r.purpose});
    }
    audit::record(conn, actor,
                  {.action = audit::Action::read,
                   .object_type = "access_log",
                   .object_id = actor.user_id,
                   .child_id = "",
                   .purpose = "Forælders indsigt i adgangslog",
                   .criterion = ""},
                  now_ms);
    return extract;
  });
}

}  // namespace samspil::service::access_log
