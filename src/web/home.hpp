#pragma once
// "Mit overblik": the signed-in staff user's front page. The view-model is plain lists so
// the services that own meetings, deadlines and cases can fill it without touching templates.
#include <ctemplate/template.h>

#include <string>
#include <vector>

#include "service/actor.hpp"

namespace samspil::web {

struct OverviewItem {
  std::string title;     // e.g. the case title or meeting type; never a CPR number
  std::string href;      // the item's page
  std::string meta;      // one short Danish line: date, unit, state
  bool overdue = false;  // deadlines: shown as overskredet
};

struct Overview {
  std::vector<OverviewItem> meetings;   // my next meetings, soonest first
  std::vector<OverviewItem> deadlines;  // my obligations due and overdue, most urgent first
  std::vector<OverviewItem> cases;      // my cases, most recently changed first
};

// Fills home.tpl's OVERVIEW section; each empty list shows its Danish empty state.
void fill_overview(ctemplate::TemplateDictionary& body, const service::Actor& actor, const Overview& overview);

}  // namespace samspil::web
