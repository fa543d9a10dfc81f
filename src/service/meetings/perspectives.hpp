#pragma once
// A guardian's perspective before a meeting (issue 7 item 5, "Tilføj mit perspektiv"): free
// text sealed with the field cipher (0013), one per guardian and meeting, editable until the
// meeting is held. The meeting's staff (participants, or staff who reach the case) read them
// on the meeting page. Every write and read writes an access-log entry for the child.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "service/base/actor.hpp"
#include "service/overview/overview.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// The longest perspective accepted (characters as UTF-8 bytes).
inline constexpr std::size_t kPerspectiveMaxBytes = 8000;

struct PerspectiveView {
  std::string author_id;
  std::string author_name;
  std::string text;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

// What the guardian's form shows: the meeting and their current text ("" when none yet).
struct PerspectiveForm {
  OverviewMeeting meeting;
  std::optional<PerspectiveView> mine;
  bool open = false;  // false once the meeting is held, finalised or cancelled
};

class Perspectives {
 public:
  Perspectives(storage::Database& db, const crypto::FieldCipher* cipher, const ModelRegistry* models)
      : m_db(db), m_cipher(cipher), m_models(models) {}

  // The guardian's own perspective on a meeting they are invited to (NotFound otherwise).
  PerspectiveForm form(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // Saves (or replaces) the guardian's perspective. Invalid{text} when empty or too long;
  // Conflict when the meeting is no longer open; NotFound when not invited.
  void save(const Actor& actor, const std::string& meeting_id, const std::string& text, std::int64_t now_ms);
  // The perspectives on a meeting for its staff (participants or staff reaching the case);
  // a guardian gets only their own. NotFound for anyone else.
  std::vector<PerspectiveView> for_meeting(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  const crypto::FieldCipher* m_cipher;
  const ModelRegistry* m_models;
};

}  // namespace samspil::service
