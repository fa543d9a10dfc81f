#pragma once
// Shared by the meeting-mode and agreement pages.
#include <optional>
#include <string>
#include <vector>

#include "edge/live_stream.hpp"
#include "edge/local_time.hpp"
#include "edge/service_config.hpp"
#include "http/message.hpp"
#include "service/agreements/agreements.hpp"
#include "service/base/errors.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

namespace samspil::web {

// The actions rows action_N_{text,owner,due} of a form (blank rows left out); a bad date
// adds an error for its field.
std::vector<service::AgreementActionInput> actions_from_form(const FormData& form, service::FieldErrors& errors);
// The agreement sections of a form.
service::AgreementContent content_from_form(const FormData& form);
// The meeting-mode page (errors and posted values when a save failed).
http::Response show_meeting_mode(const WebContext& ctx, http::Request& request, const std::string& id,
                                 const service::FieldErrors& errors, const FormData* posted);

}  // namespace samspil::web
