#pragma once
// The server-sent event stream of meeting mode (pages and API): the current state first,
// then every change the agreements service publishes.
#include <string>

#include "edge/context.hpp"
#include "http/message.hpp"

namespace samspil::edge {

// A text/event-stream response following the meeting; access as Agreements::follow decides.
http::Response meeting_event_stream(const Context& ctx, http::Request& request, const std::string& id);

}  // namespace samspil::edge
