#pragma once
// Request-form attachments (migration 0007): sealed bytes in the database with their
// SHA-256, type and sealed original name. Lists never load the content.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct AttachmentRecord {
  std::string id;
  std::string tenant;
  std::string case_id;
  std::string form_id;            // the form version it was added to; "" when none
  std::string name_encrypted;     // sealed original file name
  std::string content_type;       // application/pdf, image/png, image/jpeg, DOCX type
  std::int64_t size_bytes = 0;
  std::string sha256;             // hex of the plain bytes
  std::string content_encrypted;  // sealed bytes; "" in lists
  std::string uploaded_by;
  std::int64_t uploaded_at_ms = 0;
};

// Inserts an attachment (with its content).
void insert_attachment(Connection& conn, const AttachmentRecord& a);
// The case's attachments without content, oldest first.
std::vector<AttachmentRecord> attachments_of_case(Connection& conn, const std::string& tenant,
                                                  const std::string& case_id);
// One attachment of the case with its content, if any.
std::optional<AttachmentRecord> find_attachment(Connection& conn, const std::string& tenant,
                                                const std::string& case_id, const std::string& id);

}  // namespace samspil::storage
