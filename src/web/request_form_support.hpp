#pragma once
// Shared by the request form pages (staff /sager/{id}/anmodning…, guardians
// /foraeldre/sager/{id}/anmodning…): the service configuration, the read-only rendering of
// a version, and the attachment / PDF download responses (attachment, no-store).
#include <memory>
#include <string>

#include "edge/responses.hpp"
#include "edge/service_config.hpp"
#include "service/request_forms/request_forms.hpp"
#include "web/cases_support.hpp"
#include "web/context.hpp"

namespace samspil::web {

// Fills {{>FORM_VIEW}} (cases/request_form_view.tpl): the version's facts, every section's
// answers and the attachments (links under attachment_base + "/" + id).
void fill_request_form_view(ctemplate::TemplateDictionary& body, const Views& views,
                            const service::RequestFormView& view, const std::string& attachment_base);
}  // namespace samspil::web
