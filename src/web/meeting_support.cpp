#include "web/meeting_support.hpp"

#include "service/free_busy.hpp"

#include <chrono>
#include <cstdio>

#include "domain/calendar.hpp"
#include "service/sessions.hpp"
#include "web/request_state.hpp"
#include "web/views.hpp"

namespace samspil::web {

service::MeetingsConfig meetings_config(const WebContext& context) {
  service::MeetingsConfig c;
  c.models = context.models;
  c.cipher = context.cipher;
  c.public_base_url = context.settings.public_base_url;
  if (context.free_busy != nullptr) c.free_busy = context.free_busy->source();
  return c;
}

std::string response_label(const Views& views, const std::string& response) {
  if (response == "accepted") return views.t("meetings_response_accepted");
  if (response == "declined") return views.t("meetings_response_declined");
  return views.t("meetings_response_pending");
}

std::string status_label(const Views& views, const std::string& status) {
  if (status == "invited") return views.t("meetings_status_invited");
  if (status == "proposed") return views.t("meetings_status_proposed");
  if (status == "held") return views.t("meetings_status_held");
  if (status == "finalised") return views.t("meetings_status_finalised");
  if (status == "cancelled") return views.t("meetings_status_cancelled");
  return views.t("meetings_status_draft");
}

std::optional<std::int64_t> parse_local_time(const std::string& date, const std::string& time) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  char tail = 0;
  if (std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &mo, &d, &tail) != 3) return std::nullopt;
  if (std::sscanf(time.c_str(), "%2d:%2d%c", &h, &mi, &tail) != 2) return std::nullopt;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || y < 2000 || y > 2200) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  const auto utc = domain::to_utc(domain::local_at(ymd, h * 60 + mi));
  return std::chrono::duration_cast<std::chrono::milliseconds>(utc.time_since_epoch()).count();
}

http::Response no_store(http::Response response) {
  response.set_header("Cache-Control", "no-store");
  return response;
}

void meeting_flash(const WebContext& context, const http::Request& request, const std::string& message) {
  const std::string& id_hash = state(request).session_id_hash;
  if (id_hash.empty()) return;
  context.db.transaction([&](storage::Connection& conn) { service::sessions::set_flash(conn, id_hash, message); });
}

}  // namespace samspil::web
