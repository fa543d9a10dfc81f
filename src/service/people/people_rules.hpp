#pragma once
// Rules shared by the people and organisation services: who may administer, the purpose
// written to the access log, and input checks with Danish messages.
#include <string>

#include "service/audit/audit.hpp"
#include "service/base/actor.hpp"
#include "service/base/errors.hpp"

namespace samspil::service {

// The purpose recorded in the access log for administration.
inline constexpr const char* kAdminPurpose = "Administration";

// An access-log entry for administration (purpose kAdminPurpose).
audit::Entry admin_entry(audit::Action action, std::string object_type, std::string object_id,
                         std::string child_id = "", std::string criterion = "");

// Throws Forbidden unless the actor is an administrator (of the actor's own municipality:
// every query is by actor.tenant, so another municipality's objects are simply not found).
void require_admin(const Actor& actor);
// Adds a Danish message under `field` when the passphrase is given but too short (< 12 characters).
void check_passphrase(FieldErrors& errors, const std::string& field, const std::string& passphrase);
// Adds a Danish message under `field` when the e-mail address is missing or malformed.
void check_email(FieldErrors& errors, const std::string& field, const std::string& email);
// Lower-cases ASCII letters and trims spaces (e-mail addresses are compared that way).
std::string normalise_email(const std::string& email);

}  // namespace samspil::service
