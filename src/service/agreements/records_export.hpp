#pragma once
// Filing the final agreement to the municipality's records system (FP7, FP9: documents the
// model marks filed_to_records). A "records.export" job per agreement, queued in the
// confirming transaction and retried by the job worker, delivers the PDF with a JSON
// metadata document to the configured target:
//   dir:/path        a file drop: <meeting id>.pdf and <meeting id>.json, each written to a
//                    temporary name and renamed, the JSON last (its presence means "complete");
//   http(s)://…      a multipart/form-data POST (parts "metadata" and "document"); any 2xx
//                    answer is success.
// On success the agreement's exported_at is set.
#include <cstdint>
#include <string>

#include "crypto/field_cipher.hpp"
#include "jobs/queue.hpp"
#include "storage/database.hpp"

namespace samspil::service::records_export {

constexpr const char* kJobKind = "records.export";

struct Settings {
  std::string target;  // "dir:/path" or "http(s)://…"; "" = exports off
  const crypto::FieldCipher* cipher = nullptr;
};

// True when the target has a form this module understands ("" is valid: off).
bool valid_target(const std::string& target);
// Queues the export of the meeting's final agreement in the caller's transaction.
void enqueue(storage::Connection& conn, const std::string& tenant, const std::string& meeting_id, std::int64_t now_ms);
// Registers the "records.export" handler on a worker.
void register_handler(jobs::Worker& worker, const Settings& settings);

}  // namespace samspil::service::records_export
