#pragma once
// The guardians' perspectives on a meeting page (issue 7 item 5): a meeting page calls
// fill_meeting_perspectives(body, context, request, meeting_id) and puts {{>PERSPECTIVES}}
// where the section belongs; it renders templates/parents/perspective_list.tpl with each
// guardian's name, text and time, or a Danish "none yet". Nothing is shown to callers who
// may not read them (service::Perspectives decides; NotFound leaves the include empty).
#include <ctemplate/template.h>

#include <string>

#include "http/message.hpp"
#include "web/context.hpp"

namespace samspil::web {

// Adds the PERSPECTIVES include for the meeting (audited read through the service).
void fill_meeting_perspectives(ctemplate::TemplateDictionary& body, const WebContext& context,
                               const http::Request& request, const std::string& meeting_id);

}  // namespace samspil::web
