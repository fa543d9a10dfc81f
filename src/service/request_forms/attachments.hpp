#pragma once
// Attachment checks shared by the request form service and its tests. The use cases
// themselves are RequestForms::add_attachment / attachment (service/request_forms/request_forms.hpp).
#include <string>
#include <string_view>

#include "service/request_forms/request_forms.hpp"

namespace samspil::service {

// The content type decided from the first bytes: application/pdf, image/png, image/jpeg or
// the DOCX type; "" for anything else (the file name is never trusted).
std::string sniff_attachment_type(std::string_view bytes);
// The last path component of a client's file name without control characters or quotes
// (at most 200 bytes; "bilag" when nothing is left), safe for Content-Disposition.
std::string safe_file_name(std::string_view name);

}  // namespace samspil::service
