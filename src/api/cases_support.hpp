#pragma once
// What the cases, children and consents API handlers share: JSON views of cases, events,
// consents and children, and small body readers. Their configuration is edge::CaseModels.
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>

#include "api/json.hpp"
#include "domain/model.hpp"
#include "edge/service_config.hpp"
#include "http/message.hpp"
#include "service/cases/cases.hpp"
#include "service/consent/consents.hpp"
#include "service/people/children.hpp"

namespace samspil::api {

// 503 problem when the cases configuration is missing.
http::Response not_configured();

// ?limit= as 1…200 (default 50).
int case_limit_param(const http::Request& request);

nlohmann::json case_json(const storage::CaseRecord& c);
nlohmann::json case_view_json(const service::CaseView& view);
nlohmann::json event_json(const storage::CaseEventRow& e);
nlohmann::json consent_json(const service::ConsentView& view);
nlohmann::json child_json(const service::ChildView& view);

}  // namespace samspil::api
