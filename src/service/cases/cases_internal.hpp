#pragma once
// Helpers shared by cases.cpp, consents.cpp and children.cpp (not a public interface).
#include <cstdint>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "service/base/actor.hpp"
#include "service/cases/cases.hpp"
#include "storage/database.hpp"

namespace samspil::service::cases_detail {

// The consent scopes in force for the child now, under the configured requirement (X1).
std::set<std::string> consents_in_force(storage::Connection& conn, const CasesConfig& config,
                                        const std::string& tenant, const std::string& child_id, std::int64_t now_ms);

// Appends a timeline row for the case (detail: JSON object without personal data).
void add_event(storage::Connection& conn, const Actor& actor, const std::string& case_id, const std::string& kind,
               const nlohmann::json& detail, std::int64_t now_ms);

// Enqueues a "mail.send" job (payload {to, subject, text}) to a user of the tenant with an
// e-mail address; does nothing for a user without one.
void mail_user(storage::Connection& conn, const std::string& tenant, const std::string& user_id,
               const std::string& subject, const std::string& text, std::int64_t now_ms);

}  // namespace samspil::service::cases_detail
