#pragma once
// Follow-up evaluations (R9): before a follow-up meeting the local professionals answer the
// model's evaluation questions for each agreed action of the previous meeting (until the
// agreements of migration 0012 are read here: for each agenda item of the previous
// meeting). The answers are sealed, shown on the evaluation page and open the follow-up's
// agenda. An escalation to another meeting type that needs a new or updated request form
// (R10) is shown with the form.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "service/agenda/agenda.hpp"
#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service {

struct EvaluationSubjectForm {
  std::string subject_kind;  // agenda_item (action once agreements exist)
  std::string subject_id;
  std::string label;
  std::map<int, std::string> my_answers;  // question index -> the actor's answer
};

struct EvaluationForm {
  std::string meeting_id;
  std::string previous_meeting_id;
  std::string type_name;
  std::vector<std::string> questions;
  std::vector<EvaluationSubjectForm> subjects;
  std::vector<EvaluationSubjectView> answers;  // every answer given so far
  std::vector<std::string> escalations;        // Danish: types that need a new request form
  bool may_answer = false;
};

struct EvaluationAnswer {
  std::string subject_kind;
  std::string subject_id;
  int question_index = 0;
  std::string text;
};

class Evaluations {
 public:
  Evaluations(storage::Database& db, AgendaConfig config) : m_db(db), m_config(std::move(config)) {}
  // The questions, subjects and answers of a follow-up meeting; Conflict when the meeting
  // is not a follow-up or its type asks no evaluation questions.
  EvaluationForm form(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // Saves the actor's answers (empty ones are skipped); Invalid for an unknown subject or
  // question or an answer over 5000 characters. Returns how many were saved.
  int save(const Actor& actor, const std::string& meeting_id, const std::vector<EvaluationAnswer>& answers,
           std::int64_t now_ms);

 private:
  storage::Database& m_db;
  AgendaConfig m_config;
};

// Every answer brought to a meeting, grouped by subject and question, opened with cipher.
std::vector<EvaluationSubjectView> evaluation_summary(storage::Connection& conn, const crypto::FieldCipher* cipher,
                                                      const std::string& tenant, const std::string& meeting_id);

}  // namespace samspil::service
