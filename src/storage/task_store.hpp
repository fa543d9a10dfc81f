#pragma once
// Tasks (migration 0006): one user's to-dos coming from triage decisions (P1), agreement
// actions (F8) and obligations. Every query filters by tenant; lists are served by the
// tasks_* indexes and keyset-paginated by (due_at, id).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct TaskRow {
  std::string id;
  std::string tenant;
  std::string owner_id;
  std::string case_id;          // "" when none
  std::string meeting_id;       // "" when none
  std::string kind;             // triage_contact, agreement_action, obligation, ...
  std::string source_id;        // the decision/action/obligation it came from; "" when none
  std::string label;            // short, non-sensitive
  std::string title_encrypted;  // sealed free text (crypto::FieldCipher); "" when none
  std::optional<std::int64_t> due_at_ms;
  std::string status = "open";  // open, done, cancelled
  std::optional<std::int64_t> done_at_ms;
  std::string created_by;       // "" when created by the system
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

// Inserts a task.
void insert_task(Connection& conn, const TaskRow& task);
// The task with this id in the tenant, if any.
std::optional<TaskRow> find_task(Connection& conn, const std::string& tenant, const std::string& id);
// Sets status (and done_at when done) and updated_at.
void set_task_status(Connection& conn, const std::string& tenant, const std::string& id,
                     const std::string& status, std::int64_t now_ms);
// The owner's open tasks, earliest due first (no due date last), at most limit, after the
// keyset (after_due_ms, after_id) of the previous page ("" after_id = first page).
std::vector<TaskRow> open_tasks_of(Connection& conn, const std::string& tenant, const std::string& owner_id,
                                   std::optional<std::int64_t> after_due_ms, const std::string& after_id, int limit);
// Every task of a case, oldest first.
std::vector<TaskRow> tasks_of_case(Connection& conn, const std::string& tenant, const std::string& case_id);
// The tasks that came from one source (e.g. the actions of one agreement).
std::vector<TaskRow> tasks_from_source(Connection& conn, const std::string& tenant, const std::string& kind,
                                       const std::string& source_id);

}  // namespace samspil::storage
