#pragma once
// Shared by the meeting pages: Danish
// labels for answers and statuses, and the flash after a meeting action.
#include <cstdint>
#include <optional>
#include <string>

#include "edge/flash.hpp"
#include "edge/local_time.hpp"
#include "edge/responses.hpp"
#include "edge/service_config.hpp"
#include "http/message.hpp"
#include "service/meetings/meetings.hpp"
#include "web/context.hpp"

namespace samspil::web {

// "Afventer svar" / "Deltager" / "Deltager ikke".
std::string response_label(const Views& views, const std::string& response);
// "Indkaldt" / "Holdt" / "Aflyst" …
std::string status_label(const Views& views, const std::string& status);

}  // namespace samspil::web
