#include "web/forms.hpp"

#include <algorithm>
#include <cctype>

#include "edge/request_state.hpp"
#include "web/views.hpp"

namespace samspil::web {

Form::Form(const http::Request& request, service::FieldErrors errors, const FormData* values)
    : m_csrf_token(edge::state(request).csrf_token), m_errors(std::move(errors)), m_posted(values) {}

Form& Form::add(Kind kind, Field field) {
  m_entries.push_back({kind, std::move(field)});
  return *this;
}
Form& Form::text(Field field) { return add(Kind::text, std::move(field)); }
Form& Form::textarea(Field field) { return add(Kind::textarea, std::move(field)); }
Form& Form::select(Field field) { return add(Kind::select, std::move(field)); }
Form& Form::radios(Field field) { return add(Kind::radios, std::move(field)); }
Form& Form::checkboxes(Field field) { return add(Kind::checkboxes, std::move(field)); }

Form& Form::value(const std::string& name, std::string value) {
  m_explicit[name] = {std::move(value)};
  return *this;
}

Form& Form::values(const std::string& name, std::vector<std::string> values) {
  m_explicit[name] = std::move(values);
  return *this;
}

std::string Form::element_id(std::string_view name) {
  std::string id(name);
  std::replace(id.begin(), id.end(), '_', '-');
  return id;
}

std::string Form::marker(std::string_view name) {
  std::string m = "FIELD_";
  for (unsigned char c : name) m += std::isalnum(c) ? static_cast<char>(std::toupper(c)) : '_';
  return m;
}

std::vector<std::string> Form::shown_values(const Entry& entry) const {
  // A password is never sent back to the browser, not even after a failed post.
  if (entry.kind == Kind::text && entry.field.type == "password") return {};
  if (const auto it = m_explicit.find(entry.field.name); it != m_explicit.end()) return it->second;
  if (m_posted) return m_posted->all(entry.field.name);
  return {};
}

// The summary links to the element that receives focus: the input itself, or the first
// option of a group (GOV.UK: link to the first radio/checkbox).
std::string Form::anchor(const Entry& entry) const {
  const std::string id = element_id(entry.field.name);
  if ((entry.kind == Kind::radios || entry.kind == Kind::checkboxes) && !entry.field.options.empty()) {
    return id + "-1";
  }
  return id;
}

void Form::fill_field(ctemplate::TemplateDictionary& d, const Entry& entry, const Views& /*views*/) const {
  const Field& f = entry.field;
  const std::string id = element_id(f.name);
  const std::vector<std::string> values = shown_values(entry);
  d.SetValue("id", id);
  d.SetValue("name", f.name);
  d.SetValue("label", f.label);
  if (f.optional) d.ShowSection("OPTIONAL");
  std::string describedby;
  if (!f.hint.empty()) {
    d.SetValueAndShowSection("hint", f.hint, "HINT");
    describedby = id + "-hint";
  }
  if (const auto it = m_errors.find(f.name); it != m_errors.end()) {
    d.SetValueAndShowSection("message", it->second, "ERROR");
    describedby += (describedby.empty() ? "" : " ") + id + "-error";
  }
  if (!describedby.empty()) d.SetValueAndShowSection("describedby", describedby, "DESCRIBEDBY");
  if (!f.autocomplete.empty()) d.SetValueAndShowSection("autocomplete", f.autocomplete, "AUTOCOMPLETE");
  if (!f.inputmode.empty()) d.SetValueAndShowSection("inputmode", f.inputmode, "INPUTMODE");
  if (!f.width_class.empty()) d.SetValueAndShowSection("width_class", f.width_class, "WIDTH");
  switch (entry.kind) {
    case Kind::text:
      d.SetFilename("partials/text_field.tpl");
      d.SetValue("type", f.type);
      d.SetValue("value", values.empty() ? std::string() : values.front());
      break;
    case Kind::textarea:
      d.SetFilename("partials/textarea.tpl");
      d.SetIntValue("rows", f.rows);
      d.SetValue("value", values.empty() ? std::string() : values.front());
      break;
    case Kind::select:
    case Kind::radios:
    case Kind::checkboxes: {
      d.SetFilename(entry.kind == Kind::select   ? "partials/select.tpl"
                    : entry.kind == Kind::radios ? "partials/radios.tpl"
                                                 : "partials/checkboxes.tpl");
      int index = 0;
      for (const Option& o : f.options) {
        ctemplate::TemplateDictionary* od = d.AddSectionDictionary("OPTION");
        od->SetValue("option_id", id + "-" + std::to_string(++index));
        od->SetValue("value", o.value);
        od->SetValue("label", o.label);
        if (!o.hint.empty()) od->SetValueAndShowSection("option_hint", o.hint, "OPTION_HINT");
        if (std::find(values.begin(), values.end(), o.value) != values.end()) od->ShowSection("CHECKED");
      }
      break;
    }
  }
}

void Form::fill(ctemplate::TemplateDictionary& body, const Views& views) const {
  body.SetValue("csrf_token", m_csrf_token);
  ctemplate::TemplateDictionary* csrf = body.AddIncludeDictionary("CSRF");
  csrf->SetFilename("partials/csrf_field.tpl");
  csrf->SetValue("csrf_token", m_csrf_token);

  ctemplate::TemplateDictionary* summary = body.AddIncludeDictionary("ERROR_SUMMARY");
  summary->SetFilename("partials/error_summary.tpl");
  if (!m_errors.empty()) {
    ctemplate::TemplateDictionary* s = summary->AddSectionDictionary("SUMMARY");
    s->SetValue("heading", views.t("form_error_summary_heading"));
    // Messages in form order first, then errors for names the form does not show, which
    // link to the first field (GOV.UK: when the field is unknown, link to the first one).
    std::vector<std::string> listed;
    for (const Entry& e : m_entries) {
      const auto it = m_errors.find(e.field.name);
      if (it == m_errors.end()) continue;
      ctemplate::TemplateDictionary* item = s->AddSectionDictionary("ERROR");
      item->SetValue("message", it->second);
      item->SetValueAndShowSection("anchor", anchor(e), "LINK");
      listed.push_back(e.field.name);
    }
    for (const auto& [name, message] : m_errors) {
      if (std::find(listed.begin(), listed.end(), name) != listed.end()) continue;
      ctemplate::TemplateDictionary* item = s->AddSectionDictionary("ERROR");
      item->SetValue("message", message);
      if (!m_entries.empty()) {
        item->SetValueAndShowSection("anchor", anchor(m_entries.front()), "LINK");
      } else {
        item->ShowSection("PLAIN");
      }
    }
  }
  for (const Entry& e : m_entries) fill_field(*body.AddIncludeDictionary(marker(e.field.name)), e, views);
}

void step_indicator(ctemplate::TemplateDictionary& body, const std::vector<Step>& steps, std::size_t current,
                    const Views& views) {
  ctemplate::TemplateDictionary* d = body.AddIncludeDictionary("STEP_INDICATOR");
  d->SetFilename("partials/step_indicator.tpl");
  d->SetValue("progress", views.t("form_step") + " " + std::to_string(current + 1) + " " + views.t("form_step_of") +
                              " " + std::to_string(steps.size()));
  for (std::size_t i = 0; i < steps.size(); ++i) {
    ctemplate::TemplateDictionary* s = d->AddSectionDictionary("STEP");
    s->SetIntValue("number", static_cast<long>(i + 1));
    s->SetValue("label", steps[i].label);
    if (i < current) s->ShowSection("DONE");
    if (i == current) {
      s->SetValue("li_class", "current");
      s->ShowSection("NOLINK_CURRENT");
    } else if (!steps[i].href.empty()) {
      s->SetValueAndShowSection("href", steps[i].href, "LINK");
    } else {
      s->SetValue("li_class", "disabled");
      s->ShowSection("NOLINK");
    }
  }
}

}  // namespace samspil::web
