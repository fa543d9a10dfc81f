#include "web/home_perspectives.hpp"

#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/perspectives.hpp"
#include "web/cases_support.hpp"

namespace samspil::web {

void fill_meeting_perspectives(ctemplate::TemplateDictionary& body, const WebContext& context,
                               const http::Request& request, const std::string& meeting_id) {
  const auto& s = state(request);
  if (!s.actor || context.cipher == nullptr) return;
  std::vector<service::PerspectiveView> items;
  try {
    items = context.services.perspectives
                .for_meeting(*s.actor, meeting_id, context.now_ms());
  } catch (const service::NotFound&) {
    return;
  }
  ctemplate::TemplateDictionary* section = body.AddIncludeDictionary("PERSPECTIVES");
  section->SetFilename("parents/perspective_list.tpl");
  if (items.empty()) section->ShowSection("NONE");
  for (const auto& p : items) {
    auto* row = section->AddSectionDictionary("PERSPECTIVE");
    row->SetValue("author", p.author_name);
    row->SetValue("text", p.text);
    row->SetValue("updated", danish_time(p.updated_at_ms));
  }
}

}  // namespace samspil::web
