#pragma once
// Shared by the request form pages (staff /sager/{id}/anmodning…, guardians
// /foraeldre/sager/{id}/anmodning…): the service configuration, the read-only rendering of
// a version, and the attachment / PDF download responses (attachment, no-store).
#include <memory>
#include <string>

#include "service/request_forms.hpp"
#include "web/cases_support.hpp"
#include "web/context.hpp"

namespace samspil::web {

struct RequestFormPages {
  std::shared_ptr<const CasePages> cases;
  service::RequestFormsConfig config;
  bool ready() const { return cases && cases->ready(); }
};

// Loads the case pages' model and cipher and the registry from the context.
std::shared_ptr<const RequestFormPages> load_request_form_pages(const WebContext& context);
// Fills {{>FORM_VIEW}} (cases/request_form_view.tpl): the version's facts, every section's
// answers and the attachments (links under attachment_base + "/" + id).
void fill_request_form_view(ctemplate::TemplateDictionary& body, const Views& views,
                            const service::RequestFormView& view, const std::string& attachment_base);
// A download: Content-Disposition attachment with the (sanitised) name, no-store, nosniff.
http::Response download(const std::string& bytes, const std::string& content_type, const std::string& file_name);

}  // namespace samspil::web
