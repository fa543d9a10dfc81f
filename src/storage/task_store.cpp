#include "storage/task_store.hpp"

#include "storage/sql_values.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kSelect =
    "SELECT id, tenant, owner_id, case_id, meeting_id, kind, source_id, label, title_encrypted, due_at, status, "
    "done_at, created_by, created_at, updated_at FROM tasks ";

TaskRow task_from(const Row& r) {
  TaskRow t;
  t.id = r.text(0);
  t.tenant = r.text(1);
  t.owner_id = r.text(2);
  t.case_id = r.optional_text(3).value_or("");
  t.meeting_id = r.optional_text(4).value_or("");
  t.kind = r.text(5);
  t.source_id = r.text(6);
  t.label = r.text(7);
  t.title_encrypted = r.text(8);
  t.due_at_ms = r.optional_integer(9);
  t.status = r.text(10);
  t.done_at_ms = r.optional_integer(11);
  t.created_by = r.optional_text(12).value_or("");
  t.created_at_ms = r.integer(13);
  t.updated_at_ms = r.integer(14);
  return t;
}

std::vector<TaskRow> tasks_from(const Result& r) {
  std::vector<TaskRow> out;
  out.reserve(r.rows.size());
  for (const Row& row : r.rows) out.push_back(task_from(row));
  return out;
}

}  // namespace

void insert_task(Connection& conn, const TaskRow& t) {
  conn.query(
      "INSERT INTO tasks (id, tenant, owner_id, case_id, meeting_id, kind, source_id, label, title_encrypted, due_at, "
      "status, done_at, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
      "$13, $14, $15)",
      {t.id, t.tenant, t.owner_id, or_null(t.case_id), or_null(t.meeting_id), t.kind, t.source_id, t.label,
       t.title_encrypted, or_null(t.due_at_ms), t.status, or_null(t.done_at_ms), or_null(t.created_by),
       t.created_at_ms, t.updated_at_ms});
}

std::optional<TaskRow> find_task(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(std::string(kSelect) + "WHERE tenant = $1 AND id = $2", {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return task_from(r.rows.front());
}

void set_task_status(Connection& conn, const std::string& tenant, const std::string& id, const std::string& status,
                     std::int64_t now_ms) {
  // done_at records when it was done; any other status clears it (a reopened task is not done).
  conn.query("UPDATE tasks SET status = $3, done_at = $4, updated_at = $5 WHERE tenant = $1 AND id = $2",
             {tenant, id, status, status == "done" ? Value{now_ms} : Value{nullptr}, now_ms});
}

std::vector<TaskRow> open_tasks_of(Connection& conn, const std::string& tenant, const std::string& owner_id,
                                   std::optional<std::int64_t> after_due_ms, const std::string& after_id, int limit) {
  // Order: tasks with a due date by (due_at, id), then those without by id. The keyset
  // condition is chosen in C++ so no parameter has to be a typed NULL on PostgreSQL.
  std::string sql = std::string(kSelect) + "WHERE tenant = $1 AND owner_id = $2 AND status = 'open' ";
  std::vector<Value> params{tenant, owner_id, std::int64_t{limit}};
  if (after_due_ms) {
    params.emplace_back(*after_due_ms);
    params.emplace_back(after_id);
    sql += "AND (due_at IS NULL OR due_at > $4 OR (due_at = $4 AND id > $5)) ";
  } else if (!after_id.empty()) {
    params.emplace_back(after_id);
    sql += "AND due_at IS NULL AND id > $4 ";
  }
  sql += "ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id LIMIT $3";
  return tasks_from(conn.query(sql, params));
}

std::vector<TaskRow> tasks_of_case(Connection& conn, const std::string& tenant, const std::string& case_id) {
  return tasks_from(
      conn.query(std::string(kSelect) + "WHERE tenant = $1 AND case_id = $2 ORDER BY created_at, id", {tenant, case_id}));
}

std::vector<TaskRow> tasks_from_source(Connection& conn, const std::string& tenant, const std::string& kind,
                                       const std::string& source_id) {
  return tasks_from(conn.query(
      std::string(kSelect) + "WHERE tenant = $1 AND kind = $2 AND source_id = $3 ORDER BY created_at, id",
      {tenant, kind, source_id}));
}

}  // namespace samspil::storage
