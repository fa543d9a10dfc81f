#pragma once
// Scans of consents given on paper (migration 0016): sealed bytes and sealed original name
// with SHA-256 and type, per case and child. Lists never load the content.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct ConsentScanRecord {
  std::string id;
  std::string tenant;
  std::string case_id;
  std::string child_id;
  std::string name_encrypted;     // sealed original file name
  std::string content_type;       // application/pdf, image/png or image/jpeg
  std::int64_t size_bytes = 0;
  std::string sha256;             // hex of the plain bytes
  std::string content_encrypted;  // sealed bytes; "" unless asked for
  std::string uploaded_by;
  std::int64_t uploaded_at_ms = 0;
};

// Inserts a scan (with its content).
void insert_consent_scan(Connection& conn, const ConsentScanRecord& scan);
// The scan with this id in the tenant, without content; nullopt when there is none.
std::optional<ConsentScanRecord> find_consent_scan(Connection& conn, const std::string& tenant, const std::string& id);
// The same with its sealed content.
std::optional<ConsentScanRecord> find_consent_scan_content(Connection& conn, const std::string& tenant,
                                                           const std::string& id);

}  // namespace samspil::storage
