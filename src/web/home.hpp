#pragma once
// "Mit overblik": the signed-in staff user's front page, filled from service::Overview.
#include <ctemplate/template.h>

#include "service/base/actor.hpp"
#include "service/overview/overview.hpp"
#include "web/views.hpp"

namespace samspil::web {

// Fills home.tpl's OVERVIEW section from the overview (links, Copenhagen times, "Vis flere").
void fill_overview(ctemplate::TemplateDictionary& body, const Views& views, const service::Actor& actor,
                   const service::MyOverview& overview, const std::string& csrf_token, std::int64_t now_ms);

}  // namespace samspil::web
