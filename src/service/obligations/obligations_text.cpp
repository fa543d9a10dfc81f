// Danish texts of obligations and the local date format used in reminders and pages.
#include <cstdio>
#include <map>

#include "domain/calendar.hpp"
#include "service/obligations/obligations.hpp"

namespace samspil::service::obligations {

std::string label_of(const std::string& obligation_id) {
  static const std::map<std::string, std::string> labels{
      {"send_agenda", "Send dagsorden"},
      {"send_brief", "Send mødeoplæg"},
      {"send_invitation", "Send indkaldelse"},
      {"send_agreement", "Send aftale til deltagerne"},
      {"send_minutes", "Send referat"},
      {"accept_invitation", "Svar på indkaldelsen"},
      {"submit_forum_item", "Indsend punkt til forum"},
  };
  if (auto it = labels.find(obligation_id); it != labels.end()) return it->second;
  return obligation_id;
}

// "23.11.2026 kl. 09:00" in Copenhagen time.
std::string format_due_da(std::int64_t ms) {
  const domain::Instant t = std::chrono::floor<std::chrono::seconds>(domain::Instant{} + std::chrono::milliseconds(ms));
  const domain::LocalTime local = domain::to_local(t);
  const domain::Date d = domain::local_date(local);
  const auto secs = domain::time_of_day(local).count();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d kl. %02lld:%02lld", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()), static_cast<long long>(secs / 3600),
                static_cast<long long>((secs / 60) % 60));
  return buf;
}

}  // namespace samspil::service::obligations
