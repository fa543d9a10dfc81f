#pragma once
// Files attached to a meeting's agenda (migration 0015): sealed bytes with their SHA-256,
// type and sealed original name. Lists never load the content.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct MeetingFileRow {
  std::string id;
  std::string tenant;
  std::string meeting_id;
  std::string name_encrypted;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::string content_encrypted;  // "" in lists
  std::string uploaded_by;
  std::int64_t uploaded_at_ms = 0;
};

// Inserts a file (with its content).
void insert_meeting_file(Connection& conn, const MeetingFileRow& f);
// One file of the meeting with its content, if any.
std::optional<MeetingFileRow> find_meeting_file(Connection& conn, const std::string& tenant,
                                                const std::string& meeting_id, const std::string& id);

}  // namespace samspil::storage
