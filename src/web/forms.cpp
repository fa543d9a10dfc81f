#include "web/forms.hpp"

#include <algorithm>
#include <cctype>

#include "web/request_state.hpp"
#include "web/views.hpp"

namespace samspil::web {

namespace {

const std::string kEmpty;

std::string_view trim_view(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == s.npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong encodings, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    i += len;
  }
  return true;
}

std::optional<FormData> FormData::parse(std::string_view body, const FormLimits& limits) {
  if (body.size() > limits.max_bytes) return std::nullopt;
  FormData form;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    const std::size_t amp = std::min(body.find('&', pos), body.size());
    const std::string_view pair = body.substr(pos, amp - pos);
    pos = amp + 1;
    if (pair.empty()) {
      if (amp == body.size()) break;
      continue;
    }
    if (form.m_fields.size() >= limits.max_fields) return std::nullopt;
    const std::size_t eq = pair.find('=');
    auto name = http::percent_decode(pair.substr(0, eq), /*plus_as_space=*/true);
    auto value = http::percent_decode(eq == pair.npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!name || !value || name->empty() || !is_valid_utf8(*name) || !is_valid_utf8(*value)) return std::nullopt;
    form.m_fields.emplace_back(std::move(*name), std::move(*value));
    if (amp == body.size()) break;
  }
  return form;
}

const std::string& FormData::get(std::string_view name) const {
  for (const auto& [n, v] : m_fields) {
    if (n == name) return v;
  }
  return kEmpty;
}

std::string FormData::trimmed(std::string_view name) const { return std::string(trim_view(get(name))); }

std::vector<std::string> FormData::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : m_fields) {
    if (n == name) out.push_back(v);
  }
  return out;
}

bool FormData::has(std::string_view name) const {
  return std::any_of(m_fields.begin(), m_fields.end(), [&](const auto& f) { return f.first == name; });
}

std::optional<FormData> read_form(const http::Request& request, const FormLimits& limits) {
  // Media type parameters (charset) are allowed; the media type itself must match.
  std::string type = request.header("content-type");
  type = std::string(trim_view(type.substr(0, type.find(';'))));
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  if (type != "application/x-www-form-urlencoded") return std::nullopt;
  return FormData::parse(request.body, limits);
}

Form::Form(const http::Request& request, service::FieldErrors errors, const FormData* values)
    : m_csrf_token(state(request).csrf_token), m_errors(std::move(errors)), m_posted(values) {}

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
