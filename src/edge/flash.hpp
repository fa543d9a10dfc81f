#pragma once
// The one-time message shown on the next page after a change ("Ændringen er gemt").
#include <string>

#include "edge/context.hpp"
#include "http/message.hpp"

namespace samspil::edge {

// Sets the flash message on the request's session; no-op without a session (bearer tokens).
void flash(const Context& context, const http::Request& request, const std::string& message);

}  // namespace samspil::edge
