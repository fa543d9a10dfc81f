#pragma once
// Guardians' perspectives before a meeting (migration 0013): one sealed text per guardian
// and meeting. Every query filters by tenant.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct PerspectiveRow {
  std::string id;
  std::string tenant;
  std::string meeting_id;
  std::string author_id;
  std::string author_name;     // read only: users.display_name (joined)
  std::string text_encrypted;  // crypto::FieldCipher::seal of the text
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

// Inserts the author's perspective on the meeting, or replaces its text (updated_at moves,
// id and created_at stay). Returns true when a new row was made.
bool upsert_perspective(Connection& conn, const PerspectiveRow& row);
// The author's perspective on the meeting, if any.
std::optional<PerspectiveRow> find_perspective(Connection& conn, const std::string& tenant,
                                               const std::string& meeting_id, const std::string& author_id);
// Every perspective on the meeting, oldest first.
std::vector<PerspectiveRow> perspectives_of_meeting(Connection& conn, const std::string& tenant,
                                                    const std::string& meeting_id);

// The case a meeting of the tenant belongs to, if the meeting exists.
std::optional<std::string> case_of_meeting(Connection& conn, const std::string& tenant, const std::string& meeting_id);

}  // namespace samspil::storage
