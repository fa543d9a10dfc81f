#pragma once
// Pieces shared by people.cpp and people_guardians.cpp (not part of the service's API).
#include <string>

#include "service/audit/audit.hpp"
#include "service/people/people.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service::people::detail {

// The view of a stored user with professions and memberships.
UserView load_view(storage::Connection& conn, const storage::UserRecord& record);
// Writes an access-log entry about a user (purpose "Administration").
void audit_user(storage::Connection& conn, const Actor& actor, audit::Action action, const std::string& id,
                std::int64_t now_ms, const std::string& criterion);
// The text without leading and trailing white space.
std::string trimmed(const std::string& s);

}  // namespace samspil::service::people::detail
