#pragma once
// HTML forms the GOV.UK/DKFDS way, so every handler writes a form in a few lines:
//
//   // GET and failed POST render the same page; FieldErrors come from validation or
//   // service::Invalid, values from the posted form (input kept; passwords never echoed).
//   http::Response show(const WebContext& ctx, http::Request& req, const service::FieldErrors& errors,
//                       const web::FormData* posted) {
//     web::Form form(req, errors, posted);
//     form.text({.name = "email", .label = ctx.views.t("login_email"), .type = "email",
//                .autocomplete = "email"})
//         .text({.name = "password", .label = ctx.views.t("login_password"), .type = "password"});
//     return ctx.views.render(req, {.title = ctx.views.t("login_title"), .body_template = "auth/login.tpl",
//                                   .has_errors = form.has_errors()},
//                             [&](auto& body) { form.fill(body, ctx.views); });
//   }
//   // POST: auto form = web::read_form(req); if (!form) return web::error_page(views, req, 400);
//   //       validate → on errors: return show(ctx, req, errors, &*form);  (422, "Fejl: " in title)
//   //       on success: call one service, then http::Response::redirect("/…") (303).
//
// and in templates/auth/login.tpl:
//
//   {{>ERROR_SUMMARY}}
//   <form method="post" action="/log-ind" novalidate>
//   {{>CSRF}}
//   {{>FIELD_EMAIL}}
//   {{>FIELD_PASSWORD}}
//   <button class="button button-primary" type="submit">{{t_sign_in}}</button>
//   </form>
//
// The error summary (role=alert, data-module="error-summary" so DKFDS's script moves focus
// to it) comes first and links to each field's element id (#email); each field shows the same
// message with a hidden "Fejl:" prefix and aria-describedby/aria-invalid. Include markers are
// FIELD_ + the field name in upper case ("child_name" → FIELD_CHILD_NAME); ids are the name
// with '_' → '-'. Multi-step forms add web::step_indicator(body, steps, current, views) and
// {{>STEP_INDICATOR}} in the template.
#include <ctemplate/template.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "edge/form_data.hpp"
#include "http/message.hpp"
#include "service/base/errors.hpp"

namespace samspil::web {

class Views;

// The form body readers live in the edge (edge/form_data.hpp), shared with the API.
using edge::FormData;
using edge::FormLimits;
using edge::is_valid_utf8;
using edge::read_form;

struct Option {
  std::string value;
  std::string label;
  std::string hint = {};
};

struct Field {
  std::string name;               // the form field name; the element id is derived from it
  std::string label;              // Danish label (the legend for radios and checkboxes)
  std::string hint = {};          // help text under the label
  std::string type = "text";      // input type for text fields: text, email, password, tel, number, date…
  std::string autocomplete = {};  // e.g. "email", "current-password", "one-time-code"
  std::string width_class = {};   // DKFDS width, e.g. "input-width-s"
  std::vector<Option> options = {};  // select, radios and checkboxes
  bool optional = false;          // shows "(frivilligt)" and drops `required`
  int rows = 5;                   // textarea height
  std::string inputmode = {};     // e.g. "numeric" for codes
};

// One form on a page: its fields, the errors from validation and the values to show.
class Form {
 public:
  // errors: field name → Danish message; values: the posted form to keep the input (or null).
  Form(const http::Request& request, service::FieldErrors errors = {}, const FormData* values = nullptr);

  // A single-line input (any input type).
  Form& text(Field field);
  // A multi-line text.
  Form& textarea(Field field);
  // A drop-down; the first option is selected when no value is given.
  Form& select(Field field);
  // One choice among options.
  Form& radios(Field field);
  // Any number of options; the posted values are repeated names.
  Form& checkboxes(Field field);
  // Sets a field's value explicitly (the stored value on first display); overrides posted values.
  Form& value(const std::string& name, std::string value);
  // Sets all values of a multi-valued field explicitly (checkboxes).
  Form& values(const std::string& name, std::vector<std::string> values);

  // True when there is at least one error (Page.has_errors: "Fejl: " in the title and 422).
  bool has_errors() const { return !m_errors.empty(); }
  // Fills the template: {{>ERROR_SUMMARY}}, {{>CSRF}} and one {{>FIELD_<NAME>}} per field.
  void fill(ctemplate::TemplateDictionary& body, const Views& views) const;

  // The element id for a field name ("child_name" → "child-name").
  static std::string element_id(std::string_view name);
  // The include marker for a field name ("child_name" → "FIELD_CHILD_NAME").
  static std::string marker(std::string_view name);

 private:
  enum class Kind { text, textarea, select, radios, checkboxes };
  struct Entry {
    Kind kind;
    Field field;
  };
  Form& add(Kind kind, Field field);
  std::vector<std::string> shown_values(const Entry& entry) const;
  std::string anchor(const Entry& entry) const;
  void fill_field(ctemplate::TemplateDictionary& include, const Entry& entry, const Views& views) const;

  std::string m_csrf_token;
  service::FieldErrors m_errors;
  const FormData* m_posted;
  std::map<std::string, std::vector<std::string>> m_explicit;
  std::vector<Entry> m_entries;
};

struct Step {
  std::string label;
  std::string href = {};  // a link back to a finished step; "" when the step cannot be visited yet
};

// Fills {{>STEP_INDICATOR}} (DKFDS "trinindikator"): steps before `current` are done, the
// current one is marked with aria-current="step", "Trin n af m" is shown on every screen size.
void step_indicator(ctemplate::TemplateDictionary& body, const std::vector<Step>& steps, std::size_t current,
                    const Views& views);

}  // namespace samspil::web
