#include "service/request_forms/request_forms_internal.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "service/cases/case_events.hpp"
#include "storage/attachment_store.hpp"
#include "storage/guardian_store.hpp"
#include "storage/request_form_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service::request_forms_detail {
namespace {

constexpr const char* kChildReason = "child_reason";  // why the child's perspective was not obtained (X2)

std::string user_name(storage::Connection& conn, const std::string& tenant, const std::string& user_id) {
  const auto user = storage::find_user_record(conn, tenant, user_id);
  return user ? user->display_name : std::string();
}

}  // namespace

std::string purpose(const Actor& actor) {
  return actor.role == Role::guardian ? "Forælders indsigt (anmodningsskema)" : "Sagsbehandling (anmodningsskema)";
}

ReachedCase reach_staff_case(storage::Connection& conn, const Actor& actor, const std::string& case_id) {
  auto reached = reach_case(conn, actor, case_id);
  if (!may_change_case(reached.relation)) throw Forbidden("Du kan ikke ændre anmodningsskemaet");
  return reached;
}

const domain::Model& model_of(const RequestFormsConfig& config, const storage::CaseRecord& record) {
  if (config.models != nullptr) {
    if (const auto* m = config.models->find(record.model_id)) return *m;
  }
  if (config.fallback_model != nullptr) return *config.fallback_model;
  throw Conflict("Sagens samarbejdsmodel er ikke indlæst");
}

const domain::RequestFormFormat& format_of(const domain::Model& model) {
  return model.request_form ? *model.request_form : domain::default_request_form();
}

void validate_draft(const domain::Model& model, const domain::RequestFormFormat& format, const DraftInput& input) {
  FieldErrors errors;
  for (const auto& [id, text] : input.answers) {
    if (id != kChildReason && format.field(id) == nullptr) errors[id] = "Ukendt felt";
    else if (text.size() > domain::kRequestFormMaxAnswer) errors[id] = "Teksten må højst være 8000 tegn";
  }
  if (const auto* section = format.section(input.step)) {
    for (const auto& f : section->fields) {
      const auto it = input.answers.find(f.id);
      if (f.required && it != input.answers.end() && it->second.empty()) errors[f.id] = "Udfyld " + f.label;
    }
  }
  if (input.child_perspective && !input.child_perspective->empty() && *input.child_perspective != "obtained" &&
      *input.child_perspective != "not_obtained") {
    errors["child_perspective"] = "Vælg om barnets perspektiv er undersøgt";
  }
  if (input.child_perspective && *input.child_perspective == "not_obtained") {
    const auto it = input.answers.find(kChildReason);
    if (it != input.answers.end() && it->second.empty()) {
      errors[kChildReason] = "Skriv hvorfor barnets perspektiv ikke er undersøgt";
    }
  }
  if (input.wished_meeting_type && !input.wished_meeting_type->empty() &&
      model.meeting_type(*input.wished_meeting_type) == nullptr) {
    errors["wished_meeting_type"] = "Vælg en mødetype fra listen";
  }
  if (!errors.empty()) throw Invalid(errors);
}

FieldErrors completion_errors(const domain::Model& model, const domain::RequestFormFormat& format,
                              const storage::RequestFormRecord& row, const std::map<std::string, std::string>& answers) {
  FieldErrors errors;
  for (const auto& s : format.sections) {
    for (const auto& f : s.fields) {
      const auto it = answers.find(f.id);
      if (f.required && (it == answers.end() || it->second.empty())) errors[f.id] = "Udfyld " + f.label;
    }
  }
  if (row.child_perspective.empty()) {
    errors["child_perspective"] = "Vælg om barnets perspektiv er undersøgt (X2)";
  } else if (row.child_perspective == "not_obtained") {
    const auto it = answers.find(kChildReason);
    if (it == answers.end() || it->second.empty()) errors[kChildReason] = "Skriv hvorfor barnets perspektiv ikke er undersøgt";
  }
  if (!row.wished_meeting_type.empty() && model.meeting_type(row.wished_meeting_type) == nullptr) {
    errors["wished_meeting_type"] = "Vælg en mødetype fra listen";
  }
  return errors;
}

std::map<std::string, std::string> open_answers(const RequestFormsConfig& config, const std::string& sealed) {
  std::map<std::string, std::string> out;
  if (sealed.empty()) return out;
  const auto text = config.cipher->open(sealed);
  if (!text) throw Conflict("Anmodningsskemaet kunne ikke dekrypteres");
  const auto doc = nlohmann::json::parse(*text, nullptr, false);
  if (!doc.is_object()) return out;
  for (const auto& [k, v] : doc.items()) {
    if (v.is_string()) out[k] = v.get<std::string>();
  }
  return out;
}

std::string seal_answers(const RequestFormsConfig& config, const std::map<std::string, std::string>& answers) {
  return config.cipher->seal(nlohmann::json(answers).dump());
}

void add_timeline(storage::Connection& conn, const Actor& actor, const std::string& case_id, const std::string& kind,
                  const nlohmann::json& detail, std::int64_t now_ms) {
  add_case_event(conn, actor, case_id, kind, detail, now_ms);
}

RequestFormView build_view(storage::Connection& conn, const RequestFormsConfig& config, const Actor& /*actor*/,
                           const ReachedCase& reached) {
  const auto& record = reached.record;
  const auto& model = model_of(config, record);
  const bool guardian = reached.relation == CaseRelation::guardian;
  RequestFormView view;
  view.case_id = record.id;
  view.case_title = record.title;
  view.format = format_of(model);
  for (const auto& t : model.meeting_types) view.meeting_types.emplace_back(t.id, t.name);
  for (const auto& g : storage::guardianships_of_child(conn, record.tenant, record.child_id)) {
    view.guardians.emplace_back(g.user_id, user_name(conn, record.tenant, g.user_id));
  }
  view.engine_status = request_form_status(conn, record.tenant, record.id);
  const auto versions = storage::request_form_versions(conn, record.tenant, record.id);
  std::optional<storage::RequestFormRecord> shown;
  for (const auto& v : versions) {
    if (guardian && v.status != "completed") continue;
    view.versions.emplace_back(v.version, v.status);
    shown = v;
  }
  const bool staff = may_change_case(reached.relation);
  view.may_edit = staff && (versions.empty() || versions.back().status == "draft");
  view.may_start_new = staff && !versions.empty() && versions.back().status == "completed";
  if (!guardian || shown) {
    for (const auto& a : storage::attachments_of_case(conn, record.tenant, record.id)) {
      AttachmentInfo info{a.id, config.cipher->open(a.name_encrypted).value_or("bilag"), a.content_type, a.size_bytes,
                          a.sha256, a.uploaded_at_ms};
      view.attachments.push_back(std::move(info));
    }
  }
  if (!shown) return view;
  view.exists = true;
  view.id = shown->id;
  view.version = shown->version;
  view.status = shown->status;
  view.answers = open_answers(config, shown->answers_encrypted);
  view.wished_meeting_type = shown->wished_meeting_type;
  if (const auto* t = model.meeting_type(shown->wished_meeting_type)) view.wished_meeting_type_name = t->name;
  view.child_perspective = shown->child_perspective;
  view.completed_with_parents = shown->completed_with_parents;
  const auto present = nlohmann::json::parse(shown->parents_present, nullptr, false);
  if (present.is_array()) {
    for (const auto& id : present) {
      if (id.is_string()) view.parents_present.push_back(user_name(conn, record.tenant, id.get<std::string>()));
    }
  }
  if (!shown->completed_by.empty()) view.completed_by_name = user_name(conn, record.tenant, shown->completed_by);
  view.completed_at_ms = shown->completed_at_ms;
  view.updated_at_ms = shown->updated_at_ms;
  return view;
}

}  // namespace samspil::service::request_forms_detail
