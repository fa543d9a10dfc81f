#include "web/meeting_support.hpp"

#include "service/meetings/free_busy.hpp"

#include <chrono>
#include <cstdio>

#include "domain/calendar.hpp"
#include "edge/request_state.hpp"
#include "service/identity/sessions.hpp"
#include "web/views.hpp"

namespace samspil::web {

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


}  // namespace samspil::web
