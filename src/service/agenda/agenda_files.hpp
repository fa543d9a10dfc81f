#pragma once
// Files attached to a meeting's agenda (issue 6 item 4, seed 004 "dagsordenen uploades og er
// tilgængelig for mødedeltagerne"): the agenda's editors upload PDF/PNG/JPEG/DOCX (the type
// is decided from the magic bytes, as for the request form's attachments), sealed at rest
// (migration 0015 meeting_files) and listed among the agenda's documents; only the
// meeting's participants (and its convener) download them, every download audited. The
// agenda mail links each file (a link only, never the file or its name).
#include <cstdint>
#include <string>

#include "crypto/field_cipher.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "storage/database.hpp"

namespace samspil::service {

struct AgendaFilesConfig {
  const ModelRegistry* models = nullptr;
  const crypto::FieldCipher* cipher = nullptr;  // required: names and bytes are sealed
  std::int64_t max_bytes = 8 * 1024 * 1024;     // below the server's 10 MiB body limit
};

struct MeetingFileInfo {
  std::string document_id;  // meeting_documents.id (what lists and links use)
  std::string label;
  std::string name;         // original file name (opened)
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::int64_t uploaded_at_ms = 0;
};

struct MeetingFileContent {
  MeetingFileInfo info;
  std::string bytes;
};

class AgendaFiles {
 public:
  AgendaFiles(storage::Database& db, AgendaFilesConfig config) : m_db(db), m_config(std::move(config)) {}

  // Uploads a file to the agenda (agenda owner, convener, chair). Invalid ("file", "label")
  // for a missing, too large or unknown file; label defaults to the file name.
  MeetingFileInfo upload(const Actor& actor, const std::string& meeting_id, const std::string& label,
                         const std::string& file_name, const std::string& bytes, std::int64_t now_ms);
  // A file's bytes for a participant of the meeting or its convener (NotFound for anyone
  // else). Audited read.
  MeetingFileContent download(const Actor& actor, const std::string& meeting_id, const std::string& document_id,
                              std::int64_t now_ms);

 private:
  storage::Database& m_db;
  AgendaFilesConfig m_config;
};

}  // namespace samspil::service
