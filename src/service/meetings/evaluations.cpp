#include "service/meetings/evaluations.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "service/agenda/agenda_access.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "storage/agenda_store.hpp"
#include "storage/agreement_store.hpp"
#include "storage/evaluation_store.hpp"

namespace samspil::service {

namespace {

constexpr std::size_t kAnswerMax = 5000;

const domain::DocumentUse* evaluation_of(const domain::MeetingType& type) {
  for (const auto& d : type.documents) {
    if (d.kind == "evaluation" && !d.questions.empty()) return &d;
  }
  return nullptr;
}

struct Subject {
  std::string kind, id, label;
  std::string stored_label;  // what the evaluation row keeps (never the sealed action text)
};

// What is evaluated (R9): the actions of the previous meeting's agreement, each with its
// text opened for the form; a previous meeting without an agreement is evaluated per
// agenda item instead.
std::vector<Subject> subjects_of(storage::Connection& conn, const crypto::FieldCipher* cipher,
                                 const std::string& tenant, const std::string& previous) {
  std::vector<Subject> out;
  if (previous.empty()) return out;
  const auto actions = storage::agreement_actions(conn, tenant, previous);
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const std::string numbered = "Handling " + std::to_string(i + 1);
    const std::string text = cipher ? cipher->open(actions[i].text_encrypted).value_or("") : "";
    out.push_back(Subject{"action", actions[i].id, text.empty() ? numbered : numbered + ": " + text, numbered});
  }
  if (!out.empty()) return out;
  for (const auto& item : storage::agenda_items(conn, tenant, previous)) {
    out.push_back(Subject{"agenda_item", item.id, item.title, item.title});
  }
  return out;
}

audit::Entry entry(audit::Action action, const MeetingDocumentsReach& r) {
  audit::Entry e;
  e.action = action;
  e.object_type = "meeting";
  e.object_id = r.meeting.id;
  e.child_id = r.meeting.child_id;
  e.purpose = "Evaluering før opfølgende møde";
  return e;
}

// Checks the meeting is a follow-up whose type asks evaluation questions.
const domain::DocumentUse& need_evaluation(const MeetingDocumentsReach& r) {
  if (r.meeting.follow_up_of.empty()) throw Conflict("Evaluering hører til et opfølgende møde.");
  const domain::DocumentUse* doc = evaluation_of(*r.type);
  if (!doc) throw Conflict("Mødetypen har ingen evalueringsspørgsmål i samarbejdsmodellen.");
  return *doc;
}

}  // namespace

std::vector<EvaluationSubjectView> evaluation_summary(storage::Connection& conn, const crypto::FieldCipher* cipher,
                                                      const std::string& tenant, const std::string& meeting_id) {
  std::vector<EvaluationSubjectView> out;
  std::vector<Subject> subjects;  // the evaluated actions with their texts, read once
  bool subjects_read = false;
  for (const auto& row : storage::evaluations_of_meeting(conn, tenant, meeting_id)) {
    if (out.empty() || out.back().subject_kind != row.subject_kind || out.back().subject_id != row.subject_id) {
      std::string label = row.subject_label;
      if (row.subject_kind == "action") {
        if (!subjects_read) subjects = subjects_of(conn, cipher, tenant, row.previous_meeting_id);
        subjects_read = true;
        for (const auto& s : subjects)
          if (s.id == row.subject_id) label = s.label;
      }
      out.push_back(EvaluationSubjectView{row.subject_kind, row.subject_id, label, {}});
    }
    auto& questions = out.back().questions;
    if (questions.empty() || questions.back().index != row.question_index) {
      questions.push_back(EvaluationQuestionView{row.question_index, row.question, {}});
    }
    const std::string answer = cipher ? cipher->open(row.answer_encrypted).value_or("") : "";
    questions.back().answers.push_back(EvaluationAnswerView{row.answered_by_name, answer});
  }
  return out;
}

EvaluationForm Evaluations::form(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_meeting(conn, actor, *m_config.models, meeting_id);
    const domain::DocumentUse& doc = need_evaluation(r);
    EvaluationForm f;
    f.meeting_id = meeting_id;
    f.previous_meeting_id = r.meeting.follow_up_of;
    f.type_name = r.type->name;
    f.questions = doc.questions;
    f.may_answer = actor.is_staff();
    const auto rows = storage::evaluations_of_meeting(conn, actor.tenant, meeting_id);
    for (const auto& s : subjects_of(conn, m_config.cipher, actor.tenant, r.meeting.follow_up_of)) {
      EvaluationSubjectForm form{s.kind, s.id, s.label, {}};
      for (const auto& row : rows) {
        if (row.subject_kind == s.kind && row.subject_id == s.id && row.answered_by == actor.user_id && m_config.cipher) {
          form.my_answers[row.question_index] = m_config.cipher->open(row.answer_encrypted).value_or("");
        }
      }
      f.subjects.push_back(std::move(form));
    }
    f.answers = evaluation_summary(conn, m_config.cipher, actor.tenant, meeting_id);
    // R10: escalating from this type needs a new or updated request form (the engine's
    // precondition when convening); shown so the professionals know before they choose.
    for (const auto& t : r.model->transitions) {
      if (t.from != r.type->id || t.to == r.type->id) continue;
      if (t.request_form != domain::RequestFormNeed::new_or_updated) continue;
      if (const auto* to = r.model->meeting_type(t.to)) {
        f.escalations.push_back(to->name + " kræver en ny eller opdateret anmodning");
      }
    }
    audit::record(conn, actor, entry(audit::Action::read, r), now_ms);
    return f;
  });
}

int Evaluations::save(const Actor& actor, const std::string& meeting_id, const std::vector<EvaluationAnswer>& answers,
                      std::int64_t now_ms) {
  if (!actor.is_staff()) throw Forbidden("Kun fagpersoner evaluerer tiltagene.");
  return m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_meeting(conn, actor, *m_config.models, meeting_id);
    const domain::DocumentUse& doc = need_evaluation(r);
    if (r.meeting.status == "cancelled" || r.meeting.status == "finalised") {
      throw Conflict("Mødet er afsluttet eller aflyst.");
    }
    const auto subjects = subjects_of(conn, m_config.cipher, actor.tenant, r.meeting.follow_up_of);
    FieldErrors errors;
    int saved = 0;
    for (const auto& a : answers) {
      const std::string field = "answer-" + a.subject_id + "-" + std::to_string(a.question_index);
      auto s = std::find_if(subjects.begin(), subjects.end(),
                            [&](const Subject& x) { return x.kind == a.subject_kind && x.id == a.subject_id; });
      if (s == subjects.end() || a.question_index < 0 ||
          a.question_index >= static_cast<int>(doc.questions.size())) {
        errors[field] = "Spørgsmålet findes ikke i evalueringen";
        continue;
      }
      if (a.text.size() > kAnswerMax) {
        errors[field] = "Svaret må højst være 5000 tegn";
        continue;
      }
      if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      if (!m_config.cipher) throw Conflict("Der er ikke sat en krypteringsnøgle op, så svaret kan ikke gemmes.");
      storage::EvaluationRow row;
      row.id = crypto::random_id();
      row.tenant = actor.tenant;
      row.meeting_id = meeting_id;
      row.previous_meeting_id = r.meeting.follow_up_of;
      row.subject_kind = s->kind;
      row.subject_id = s->id;
      row.subject_label = s->stored_label;
      row.question_index = a.question_index;
      row.question = doc.questions[static_cast<std::size_t>(a.question_index)];
      row.answer_encrypted = m_config.cipher->seal(a.text);
      row.answered_by = actor.user_id;
      row.answered_at_ms = now_ms;
      row.updated_at_ms = now_ms;
      storage::upsert_evaluation(conn, row);
      ++saved;
    }
    if (!errors.empty()) throw Invalid(std::move(errors));
    audit::record(conn, actor, entry(audit::Action::change, r), now_ms);
    return saved;
  });
}

}  // namespace samspil::service
