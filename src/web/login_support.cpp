#include "web/login_support.hpp"

#include "edge/request_state.hpp"

namespace samspil::web {

void fill_form_basics(ctemplate::TemplateDictionary& body, const http::Request& request) {
  body.SetValue("csrf_token", state(request).csrf_token);
}

void fill_errors(ctemplate::TemplateDictionary& body, const FormErrors& errors) {
  if (errors.empty()) return;
  // An included template does not see its parent's values: the summary gets its own.
  ctemplate::TemplateDictionary* include = body.AddIncludeDictionary("ERROR_SUMMARY");
  include->SetFilename("auth/error_summary.tpl");
  ctemplate::TemplateDictionary* summary = include->AddSectionDictionary("ERRORS");
  for (const auto& [field, message] : errors) {
    ctemplate::TemplateDictionary* e = summary->AddSectionDictionary("ERROR");
    e->SetValue("field", field);
    e->SetValue("message", message);
    std::string section;
    for (char c : field) section += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    body.ShowSection(section + "_ERROR");
    body.SetValue(field + "_error", message);
  }
}

std::string trim(const std::string& value) {
  const auto first = value.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = value.find_last_not_of(" \t\r\n");
  return value.substr(first, last - first + 1);
}

void fill_municipality_choice(ctemplate::TemplateDictionary& body, const std::vector<storage::TenantChoice>& tenants,
                              const std::string& chosen, const FormErrors& errors) {
  if (tenants.size() == 1) {
    body.ShowSection("ONE_TENANT");
    body.SetValue("tenant_id", tenants.front().id);
    return;
  }
  ctemplate::TemplateDictionary* select = body.AddSectionDictionary("TENANT_SELECT");
  if (errors.count("kommune")) select->ShowSection("TENANT_ERROR");
  for (const auto& t : tenants) {
    ctemplate::TemplateDictionary* option = select->AddSectionDictionary("TENANT");
    option->SetValue("id", t.id);
    option->SetValue("name", t.name);
    if (t.id == chosen) option->ShowSection("SELECTED");
  }
}

}  // namespace samspil::web
