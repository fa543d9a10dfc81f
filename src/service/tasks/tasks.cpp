#include "service/tasks/tasks.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "storage/case_store.hpp"
#include "storage/event_store.hpp"

namespace samspil::service {
namespace {

TaskView view_of(const crypto::FieldCipher* cipher, storage::TaskRow row, std::int64_t now_ms) {
  TaskView v;
  if (!row.title_encrypted.empty() && cipher != nullptr) v.title = cipher->open(row.title_encrypted).value_or("");
  row.title_encrypted.clear();
  v.overdue = row.status == "open" && row.due_at_ms && *row.due_at_ms < now_ms;
  v.row = std::move(row);
  return v;
}

// The cursor is "<due_ms or ->:<id>" of the last task shown; it carries no personal data.
struct Cursor {
  std::optional<std::int64_t> due;
  std::string id;
};

std::string cursor_of(const storage::TaskRow& t) {
  return (t.due_at_ms ? std::to_string(*t.due_at_ms) : std::string("-")) + ":" + t.id;
}

Cursor parse_cursor(const std::string& text) {
  Cursor c;
  if (text.empty()) return c;
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon + 1 >= text.size()) throw Invalid(FieldErrors{{"cursor", "Ugyldig side"}});
  const std::string due = text.substr(0, colon);
  c.id = text.substr(colon + 1);
  if (due != "-") {
    if (due.empty() || due.size() > 19 || !std::all_of(due.begin(), due.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      throw Invalid(FieldErrors{{"cursor", "Ugyldig side"}});
    }
    c.due = std::stoll(due);
  }
  return c;
}

}  // namespace

std::string add_task(storage::Connection& conn, const crypto::FieldCipher* cipher, storage::TaskRow task) {
  if (task.id.empty()) task.id = crypto::random_id();
  if (task.status.empty()) task.status = "open";
  if (task.updated_at_ms == 0) task.updated_at_ms = task.created_at_ms;
  if (!task.title_encrypted.empty()) {
    if (cipher == nullptr) throw std::logic_error("add_task: a title needs the field cipher");
    task.title_encrypted = cipher->seal(task.title_encrypted);
  }
  storage::insert_task(conn, task);
  return task.id;
}

TaskPage Tasks::mine(const Actor& actor, const std::string& cursor, int limit, std::int64_t now_ms) {
  limit = std::clamp(limit, 1, 200);
  const Cursor after = parse_cursor(cursor);
  return m_db.transaction([&](storage::Connection& conn) {
    // One more than asked tells whether another page exists.
    auto rows = storage::open_tasks_of(conn, actor.tenant, actor.user_id, after.due, after.id, limit + 1);
    TaskPage page;
    const bool more = static_cast<int>(rows.size()) > limit;
    if (more) rows.resize(static_cast<std::size_t>(limit));
    if (more && !rows.empty()) page.next_cursor = cursor_of(rows.back());
    for (auto& r : rows) page.items.push_back(view_of(m_cipher, std::move(r), now_ms));
    audit::record(conn, actor, audit::Entry{audit::Action::search, "task", "", "", "Egne opgaver", "mine opgaver"},
                  now_ms);
    return page;
  });
}

TaskView Tasks::complete(const Actor& actor, const std::string& task_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    auto task = storage::find_task(conn, actor.tenant, task_id);
    if (!task || task->owner_id != actor.user_id) throw NotFound("Opgaven findes ikke");
    if (task->status != "open") throw Conflict("Opgaven er allerede afsluttet");
    storage::set_task_status(conn, actor.tenant, task_id, "done", now_ms);
    task->status = "done";
    task->done_at_ms = now_ms;
    task->updated_at_ms = now_ms;
    std::string child_id;
    if (!task->case_id.empty()) {
      if (const auto c = storage::find_case(conn, actor.tenant, task->case_id)) child_id = c->child_id;
      const nlohmann::json detail{{"task_id", task->id}, {"kind", task->kind}, {"label", task->label}};
      storage::append_case_event(conn, {crypto::random_id(), actor.tenant, task->case_id, now_ms, actor.user_id,
                                        "task_done", detail.dump()});
    }
    audit::record(conn, actor, audit::Entry{audit::Action::change, "task", task->id, child_id, "Egne opgaver", ""},
                  now_ms);
    return view_of(m_cipher, std::move(*task), now_ms);
  });
}

}  // namespace samspil::service
