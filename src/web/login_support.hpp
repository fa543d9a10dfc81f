#pragma once
// Small helpers shared by the log-in, TOTP, password-reset and profile pages.
#include <ctemplate/template.h>

#include <map>
#include <string>

#include "http/message.hpp"
#include "service/identity/login.hpp"
#include "web/context.hpp"

namespace samspil::web {

// Field name -> Danish message, in form order by the caller's choice of names.
using FormErrors = std::map<std::string, std::string>;

// The municipality choice of the log-in and reset forms: a hidden field when there is one
// municipality, else a select (ONE_TENANT / TENANT_SELECT) with the chosen one selected.
void fill_municipality_choice(ctemplate::TemplateDictionary& body, const std::vector<storage::TenantChoice>& tenants,
                              const std::string& chosen, const FormErrors& errors);
// Sets the values every form needs (csrf_token): an included body does not see the layout's.
void fill_form_basics(ctemplate::TemplateDictionary& body, const http::Request& request);
// Adds the DKFDS error summary (include ERROR_SUMMARY) (section ERRORS with ERROR {field, message}) and, per field,
// the section <FIELD>_ERROR with value <field>_error (field names upper-cased for sections).
void fill_errors(ctemplate::TemplateDictionary& body, const FormErrors& errors);
// The string without leading and trailing spaces.
std::string trim(const std::string& value);
// A keyed hash of the client's address for throttling (the address itself is never stored).
std::string address_key(const WebContext& context, const http::Request& request);

// The TOTP set-up page (new secret, QR code, code field) posting to action.
http::Response totp_setup_page(const WebContext& context, http::Request& request, const std::string& action,
                               const std::string& tenant, const std::string& user_id);
// The same enrolment again with an error at the code field (a fresh one if it expired).
http::Response totp_setup_retry(const WebContext& context, http::Request& request, const std::string& action,
                                const std::string& tenant, const std::string& user_id, const std::string& sealed,
                                const std::string& message);

}  // namespace samspil::web
