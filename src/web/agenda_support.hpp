#pragma once
// Shared pieces of the meeting document pages (agenda, brief, evaluation).
#include "service/agenda.hpp"
#include "web/context.hpp"

namespace samspil::web {

// The agenda services' configuration from the web context.
service::AgendaConfig agenda_config(const WebContext& context);

}  // namespace samspil::web
