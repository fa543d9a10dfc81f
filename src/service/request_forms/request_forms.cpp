// Request form use cases. Rules of the form (steps, fields, what completion needs) come from
// the case's model (domain::RequestFormFormat); this file validates, seals, and writes the
// row + audit entry + timeline row in one transaction.
#include "service/request_forms/request_forms.hpp"

#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/cases/case_access.hpp"
#include "service/request_forms/request_forms_internal.hpp"
#include "storage/attachment_store.hpp"
#include "storage/case_store.hpp"
#include "storage/guardian_store.hpp"
#include "storage/request_form_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service {

using nlohmann::json;
using namespace request_forms_detail;

domain::RequestFormStatus request_form_status(storage::Connection& conn, const std::string& tenant,
                                              const std::string& case_id,
                                              std::optional<std::int64_t> last_meeting_held_ms) {
  const auto completed = storage::latest_completed_request_form(conn, tenant, case_id);
  if (!completed || !completed->completed_at_ms) return domain::RequestFormStatus::missing;
  if (!last_meeting_held_ms || *completed->completed_at_ms > *last_meeting_held_ms) {
    return domain::RequestFormStatus::new_or_updated;
  }
  return domain::RequestFormStatus::existing;
}

domain::RequestFormStatus request_form_status(storage::Connection& conn, const std::string& tenant,
                                              const std::string& case_id) {
  return request_form_status(conn, tenant, case_id, storage::last_meeting_held_at(conn, tenant, case_id));
}

RequestFormView RequestForms::get(const Actor& actor, const std::string& case_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    auto view = build_view(conn, m_config, actor, reached);
    if (reached.relation == CaseRelation::guardian && !view.exists) throw NotFound("Anmodningsskemaet findes ikke");
    audit::record(conn, actor,
                  audit::Entry{audit::Action::read, "request_form", view.id, reached.record.child_id, purpose(actor), ""},
                  now_ms);
    return view;
  });
}

RequestFormView RequestForms::save_draft(const Actor& actor, const std::string& case_id, const DraftInput& input,
                                         std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_staff_case(conn, actor, case_id);
    const auto& model = model_of(m_config, reached.record);
    const auto format = format_of(model);
    validate_draft(model, format, input);
    auto current = storage::latest_request_form(conn, actor.tenant, case_id);
    if (current && current->status != "draft") {
      throw Conflict("Anmodningsskemaet er markeret som udfyldt. Start en ny version for at ændre det.");
    }
    const bool created = !current.has_value();
    storage::RequestFormRecord row;
    std::map<std::string, std::string> answers;
    if (current) {
      row = *current;
      answers = open_answers(m_config, row.answers_encrypted);
    } else {
      row.id = crypto::random_id();
      row.tenant = actor.tenant;
      row.case_id = case_id;
      row.version = 1;
      row.created_by = actor.user_id;
      row.created_at_ms = now_ms;
    }
    const auto before = answers;
    const auto before_type = row.wished_meeting_type;
    const auto before_child = row.child_perspective;
    for (const auto& [k, v] : input.answers) answers[k] = v;
    if (input.wished_meeting_type) row.wished_meeting_type = *input.wished_meeting_type;
    if (input.child_perspective) row.child_perspective = *input.child_perspective;
    const bool changed = created || answers != before || row.wished_meeting_type != before_type ||
                         row.child_perspective != before_child;
    if (!changed) return build_view(conn, m_config, actor, reached);  // a repeated submit
    row.answers_encrypted = seal_answers(m_config, answers);
    row.updated_by = actor.user_id;
    row.updated_at_ms = now_ms;
    if (created) {
      storage::insert_request_form(conn, row);
    } else if (!storage::update_request_form_draft(conn, row)) {
      throw Conflict("Anmodningsskemaet er markeret som udfyldt. Start en ny version for at ændre det.");
    }
    audit::record(conn, actor,
                  audit::Entry{created ? audit::Action::create : audit::Action::change, "request_form", row.id,
                               reached.record.child_id, purpose(actor), ""},
                  now_ms);
    add_timeline(conn, actor, case_id, "request_form_saved", json{{"version", row.version}}, now_ms);
    return build_view(conn, m_config, actor, reached);
  });
}

RequestFormView RequestForms::complete(const Actor& actor, const std::string& case_id, const CompleteInput& input,
                                       std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_staff_case(conn, actor, case_id);
    auto current = storage::latest_request_form(conn, actor.tenant, case_id);
    if (!input.idempotency_key.empty() && current && current->status == "completed") {
      const auto used = storage::find_idempotency_key(conn, actor.tenant, actor.user_id, input.idempotency_key);
      if (used && *used == current->id) return build_view(conn, m_config, actor, reached);
    }
    if (!current) throw Invalid(FieldErrors{{"form", "Anmodningsskemaet er ikke udfyldt endnu"}});
    if (current->status != "draft") throw Conflict("Anmodningsskemaet er allerede markeret som udfyldt.");
    const auto& model = model_of(m_config, reached.record);
    const auto answers = open_answers(m_config, current->answers_encrypted);
    FieldErrors errors = completion_errors(model, format_of(model), *current, answers);
    std::vector<std::string> present;
    const auto guardians = storage::guardianships_of_child(conn, actor.tenant, reached.record.child_id);
    for (const auto& id : input.parents_present) {
      bool known = false;
      for (const auto& g : guardians) known = known || g.user_id == id;
      if (known) present.push_back(id);
      else errors["parents_present"] = "Vælg de forældre, der var med til at udfylde skemaet";
    }
    if (present.empty()) errors["parents_present"] = "Vælg de forældre, der var med til at udfylde skemaet";
    if (!input.confirmed) errors["confirmed"] = "Bekræft at skemaet er udfyldt sammen med forældrene";
    if (!errors.empty()) throw Invalid(errors);
    current->completed_with_parents = true;
    current->parents_present = json(present).dump();
    current->completed_by = actor.user_id;
    current->completed_at_ms = now_ms;
    if (!storage::complete_request_form(conn, *current)) throw Conflict("Anmodningsskemaet er allerede markeret som udfyldt.");
    if (!input.idempotency_key.empty()) {
      storage::insert_idempotency_key(conn, actor.tenant, actor.user_id, input.idempotency_key, current->id, now_ms);
    }
    audit::record(conn, actor,
                  audit::Entry{audit::Action::change, "request_form", current->id, reached.record.child_id,
                               purpose(actor), ""},
                  now_ms);
    add_timeline(conn, actor, case_id, "request_form_completed", json{{"version", current->version}}, now_ms);
    return build_view(conn, m_config, actor, reached);
  });
}

RequestFormView RequestForms::start_new_version(const Actor& actor, const std::string& case_id,
                                                const std::string& idempotency_key, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_staff_case(conn, actor, case_id);
    if (!idempotency_key.empty() &&
        storage::find_idempotency_key(conn, actor.tenant, actor.user_id, idempotency_key)) {
      return build_view(conn, m_config, actor, reached);
    }
    auto current = storage::latest_request_form(conn, actor.tenant, case_id);
    if (!current) throw Conflict("Der er intet anmodningsskema endnu. Udfyld det første.");
    if (current->status == "draft") throw Conflict("Der er allerede en kladde til en ny version.");
    storage::RequestFormRecord row = *current;
    row.id = crypto::random_id();
    row.version = current->version + 1;
    row.status = "draft";
    row.completed_with_parents = false;
    row.parents_present = "[]";
    row.completed_by.clear();
    row.completed_at_ms.reset();
    row.created_by = row.updated_by = actor.user_id;
    row.created_at_ms = row.updated_at_ms = now_ms;
    storage::insert_request_form(conn, row);
    if (!idempotency_key.empty()) {
      storage::insert_idempotency_key(conn, actor.tenant, actor.user_id, idempotency_key, row.id, now_ms);
    }
    audit::record(conn, actor,
                  audit::Entry{audit::Action::create, "request_form", row.id, reached.record.child_id, purpose(actor), ""},
                  now_ms);
    add_timeline(conn, actor, case_id, "request_form_saved", json{{"version", row.version}}, now_ms);
    return build_view(conn, m_config, actor, reached);
  });
}

}  // namespace samspil::service
