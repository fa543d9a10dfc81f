// Model loader: the request form (`request_form:`, docs/model-format.md). Steps are the
// engine's fixed ids (domain::kRequestFormSteps) in that order; fields are free texts with
// ids unique in the form.
#include <algorithm>
#include <set>

#include "domain/model_reader.hpp"

namespace samspil::domain::detail {
namespace {

bool valid_field_id(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

int step_index(const std::string& id) {
  int i = 0;
  for (const auto step : kRequestFormSteps) {
    if (step == id) return i;
    ++i;
  }
  return -1;
}

}  // namespace

void parse_request_form(Reader& r, const YAML::Node& map) {
  if (!r.expect_map(map, {"sections", "rule", "rules"}, "request_form")) return;
  RequestFormFormat form;
  form.rules = r.rules(map, "request_form");
  std::set<std::string> field_ids{"child_reason"};  // the engine's own answer (X2)
  int last_step = -1;
  const YAML::Node sections = at(map, "sections");
  if (r.expect_list(sections, "request_form.sections")) {
    for (const auto& item : sections) {
      if (!r.expect_map(item, {"id", "title", "fields", "rule", "rules"}, "et afsnit i anmodningsskemaet")) continue;
      RequestFormSection s;
      s.id = r.text(item, "id", "et afsnit i anmodningsskemaet", true).value_or("");
      const int index = step_index(s.id);
      if (!s.id.empty() && index < 0) {
        r.error(at(item, "id"), "Ukendt trin '" + s.id + "' (kendte: concern, child, parents, meeting)");
      } else if (index >= 0 && index <= last_step) {
        r.error(at(item, "id"), "Trinnet '" + s.id + "' står to gange eller i forkert rækkefølge (concern, child, parents, meeting)");
      }
      if (index > last_step) last_step = index;
      s.title = r.text(item, "title", "afsnittet '" + s.id + "'", true).value_or("");
      const std::string where = "request_form.sections[" + s.id + "]";
      s.rules = r.rules(item, where);
      const YAML::Node fields = at(item, "fields");
      if (r.expect_list(fields, where + ".fields")) {
        for (const auto& f : fields) {
          if (!r.expect_map(f, {"id", "label", "hint", "required", "rule", "rules"}, "et felt i anmodningsskemaet")) continue;
          RequestFormField field;
          field.id = r.text(f, "id", "et felt i anmodningsskemaet", true).value_or("");
          if (!field.id.empty() && !valid_field_id(field.id)) {
            r.error(at(f, "id"), "Feltets id '" + field.id + "' må kun have a-z, 0-9 og _ (højst 40 tegn)");
          } else if (!field.id.empty() && !field_ids.insert(field.id).second) {
            r.error(at(f, "id"), "Feltet '" + field.id + "' findes allerede i anmodningsskemaet");
          }
          field.label = r.text(f, "label", "feltet '" + field.id + "'", true).value_or("");
          field.hint = r.text(f, "hint", "feltet '" + field.id + "'").value_or("");
          field.required = r.boolean(f, "required", "feltet '" + field.id + "'").value_or(false);
          field.rules = r.rules(f, where + ".fields[" + field.id + "]");
          s.fields.push_back(std::move(field));
        }
      }
      form.sections.push_back(std::move(s));
    }
  }
  if (form.sections.empty()) r.error(map, "request_form skal have mindst ét afsnit (sections)");
  r.model().request_form = std::move(form);
}

}  // namespace samspil::domain::detail
