#pragma once
// Helpers shared by request_forms.cpp and attachments.cpp (not a public interface).
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "service/base/errors.hpp"
#include "service/cases/case_access.hpp"
#include "service/request_forms/request_forms.hpp"
#include "storage/request_form_store.hpp"

namespace samspil::service::request_forms_detail {

// The audit purpose for the actor ("Sagsbehandling (anmodningsskema)" / guardian's).
std::string purpose(const Actor& actor);
// reach_case + may_change_case; NotFound for outsiders, Forbidden for guardians.
ReachedCase reach_staff_case(storage::Connection& conn, const Actor& actor, const std::string& case_id);
// The case's model (registry by cases.model_id, else the fallback); Conflict when none.
const domain::Model& model_of(const RequestFormsConfig& config, const storage::CaseRecord& record);
// The model's form, or the default one.
const domain::RequestFormFormat& format_of(const domain::Model& model);
// Throws Invalid when the step's input breaks the rules (unknown fields, lengths, a step's
// required fields empty, an unknown meeting type or perspective value).
void validate_draft(const domain::Model& model, const domain::RequestFormFormat& format, const DraftInput& input);
// What completion still lacks (required fields, X2 perspective or reason).
FieldErrors completion_errors(const domain::Model& model, const domain::RequestFormFormat& format,
                              const storage::RequestFormRecord& row, const std::map<std::string, std::string>& answers);
std::map<std::string, std::string> open_answers(const RequestFormsConfig& config, const std::string& sealed);
std::string seal_answers(const RequestFormsConfig& config, const std::map<std::string, std::string>& answers);
// A case_events row without content.
void add_timeline(storage::Connection& conn, const Actor& actor, const std::string& case_id, const std::string& kind,
                  const nlohmann::json& detail, std::int64_t now_ms);
// The view of the newest version the actor may see (guardians: newest completed).
RequestFormView build_view(storage::Connection& conn, const RequestFormsConfig& config, const Actor& actor,
                           const ReachedCase& reached);

}  // namespace samspil::service::request_forms_detail
