#pragma once
// Shared by the meeting-mode and agreement pages and the agreement API.
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "service/agreements.hpp"
#include "service/errors.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

namespace samspil::web {

// The agreements service's configuration from the web context.
service::AgreementsConfig agreements_config(const WebContext& context);
// "2027-03-01" -> 16:00 Copenhagen time that day (ms); nullopt for "" or a bad date.
std::optional<std::int64_t> parse_due_date(const std::string& text);
// The actions rows action_N_{text,owner,due} of a form (blank rows left out); a bad date
// adds an error for its field.
std::vector<service::AgreementActionInput> actions_from_form(const FormData& form, service::FieldErrors& errors);
// The agreement sections of a form.
service::AgreementContent content_from_form(const FormData& form);
// The meeting-mode page (errors and posted values when a save failed).
http::Response show_meeting_mode(const WebContext& ctx, http::Request& request, const std::string& id,
                                 const service::FieldErrors& errors, const FormData* posted);
// A server-sent event stream following the meeting (the current state first).
http::Response meeting_event_stream(const WebContext& ctx, http::Request& request, const std::string& id);

}  // namespace samspil::web
