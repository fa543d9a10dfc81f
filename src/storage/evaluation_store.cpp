#include "storage/evaluation_store.hpp"

namespace samspil::storage {

void upsert_evaluation(Connection& conn, const EvaluationRow& e) {
  const Result r = conn.query(
      "UPDATE evaluations SET answer_encrypted = $7, question = $8, subject_label = $9, updated_at = $10 "
      "WHERE tenant = $1 AND meeting_id = $2 AND subject_kind = $3 AND subject_id = $4 AND question_index = $5 "
      "AND answered_by = $6",
      {e.tenant, e.meeting_id, e.subject_kind, e.subject_id, std::int64_t{e.question_index}, e.answered_by,
       e.answer_encrypted, e.question, e.subject_label, e.updated_at_ms});
  if (r.affected > 0) return;
  conn.query(
      "INSERT INTO evaluations (id, tenant, meeting_id, previous_meeting_id, subject_kind, subject_id, subject_label, "
      "question_index, question, answer_encrypted, answered_by, answered_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
      {e.id, e.tenant, e.meeting_id, e.previous_meeting_id.empty() ? Value{nullptr} : Value{e.previous_meeting_id},
       e.subject_kind, e.subject_id, e.subject_label, std::int64_t{e.question_index}, e.question, e.answer_encrypted,
       e.answered_by, e.answered_at_ms, e.updated_at_ms});
}

std::vector<EvaluationRow> evaluations_of_meeting(Connection& conn, const std::string& tenant,
                                                  const std::string& meeting_id) {
  const Result r = conn.query(
      "SELECT e.id, e.tenant, e.meeting_id, e.previous_meeting_id, e.subject_kind, e.subject_id, e.subject_label, "
      "e.question_index, e.question, e.answer_encrypted, e.answered_by, u.display_name, e.answered_at, e.updated_at "
      "FROM evaluations e JOIN users u ON u.id = e.answered_by "
      "WHERE e.tenant = $1 AND e.meeting_id = $2 "
      "ORDER BY e.subject_kind, e.subject_id, e.question_index, e.answered_at, e.id",
      {tenant, meeting_id});
  std::vector<EvaluationRow> out;
  for (const Row& row : r.rows) {
    EvaluationRow e;
    e.id = row.text(0);
    e.tenant = row.text(1);
    e.meeting_id = row.text(2);
    e.previous_meeting_id = row.optional_text(3).value_or("");
    e.subject_kind = row.text(4);
    e.subject_id = row.text(5);
    e.subject_label = row.text(6);
    e.question_index = static_cast<int>(row.integer(7));
    e.question = row.text(8);
    e.answer_encrypted = row.text(9);
    e.answered_by = row.text(10);
    e.answered_by_name = row.text(11);
    e.answered_at_ms = row.integer(12);
    e.updated_at_ms = row.integer(13);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace samspil::storage
