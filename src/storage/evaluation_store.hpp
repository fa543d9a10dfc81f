#pragma once
// Follow-up evaluations (migration 0009, R9): answers per subject (agreement action or,
// until agreements exist, agenda item of the previous meeting), question and professional.
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct EvaluationRow {
  std::string id;
  std::string tenant;
  std::string meeting_id;           // the follow-up meeting the evaluation is brought to
  std::string previous_meeting_id;  // "" when none
  std::string subject_kind;         // action, agenda_item
  std::string subject_id;
  std::string subject_label;
  int question_index = 0;
  std::string question;
  std::string answer_encrypted;
  std::string answered_by;
  std::string answered_by_name;     // filled by the reads
  std::int64_t answered_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

// Inserts the answer or replaces the same person's answer to the same question and subject.
void upsert_evaluation(Connection& conn, const EvaluationRow& e);
// Every answer brought to a meeting, by subject, question and answering person.
std::vector<EvaluationRow> evaluations_of_meeting(Connection& conn, const std::string& tenant,
                                                  const std::string& meeting_id);

}  // namespace samspil::storage
