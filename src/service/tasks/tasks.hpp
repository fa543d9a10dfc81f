#pragma once
// Tasks (issues 5-7): one user's to-dos. Other services create them inside their own
// transaction with add_task() (triage decisions, agreement actions, obligations); the owner
// lists them ("Mit overblik", GET /api/v1/me/tasks) and marks them done. The free-text
// title may describe the child, so it is sealed; only the short label is stored in clear.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "service/base/actor.hpp"
#include "storage/database.hpp"
#include "storage/task_store.hpp"

namespace samspil::service {

// Inserts a task in the caller's transaction. `task.title_encrypted` carries the PLAIN
// title on input and is sealed here (cipher may be null only when the title is ""); empty
// id/status/updated_at are filled in (random id, "open", created_at). Returns the task id.
// The caller audits and records its own case event; this writes only the task.
std::string add_task(storage::Connection& conn, const crypto::FieldCipher* cipher, storage::TaskRow task);

// A task as its owner sees it: the row (title_encrypted cleared) and the opened title.
struct TaskView {
  storage::TaskRow row;
  std::string title;      // opened title; "" when none (show row.label)
  bool overdue = false;   // open with a due date before now
};

struct TaskPage {
  std::vector<TaskView> items;
  std::string next_cursor;  // opaque; "" when this is the last page
};

class Tasks {
 public:
  Tasks(storage::Database& db, const crypto::FieldCipher* cipher) : m_db(db), m_cipher(cipher) {}

  // The actor's open tasks, earliest due first, one page after `cursor` (audited as a search).
  TaskPage mine(const Actor& actor, const std::string& cursor, int limit, std::int64_t now_ms);
  // Marks the actor's own open task done: NotFound for anyone else's task (ids do not leak),
  // Conflict when it is no longer open. Audited; a case_events row "task_done" when the task
  // has a case.
  TaskView complete(const Actor& actor, const std::string& task_id, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  const crypto::FieldCipher* m_cipher;
};

}  // namespace samspil::service
