// Follow-up evaluations (R9, R10): the local professionals answer the model's five
// questions per subject of the previous meeting; the answers are sealed and open the
// follow-up's agenda; an escalation that needs a new request form is shown.
#include "agenda_fixture.hpp"

namespace samspil::agenda_testing {
namespace {

using service::Conflict;
using service::Forbidden;
using service::Invalid;

class AgendaEvaluationTest : public AgendaTest {};

TEST_P(AgendaEvaluationTest, AnswersAreSavedSealedAndOpenTheFollowUpAgenda) {
  const std::string first = convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", utc_ms(2027y / April / 8d, 7));
  const std::string next =
      convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", utc_ms(2027y / June / 3d, 7), first);

  auto form = evaluations->form(teacher, next, 2000);
  ASSERT_EQ(form.questions.size(), 5u);
  EXPECT_EQ(form.questions[0], "Hvordan har jeg/vi gennemført de tiltag, som blev aftalt?");
  EXPECT_EQ(form.previous_meeting_id, first);
  ASSERT_EQ(form.subjects.size(), 5u) << "until agreements exist: the previous meeting's items";
  EXPECT_EQ(form.subjects[3].label, "Hvad skal der til?");
  EXPECT_TRUE(form.may_answer);
  bool escalation = false;
  for (const auto& e : form.escalations) {
    if (e == "Tværfagligt Dialogmøde kræver en ny eller opdateret anmodning") escalation = true;
  }
  EXPECT_TRUE(escalation) << "R10";

  const std::string subject = form.subjects[3].subject_id;
  EXPECT_EQ(evaluations->save(teacher, next,
                              {{"agenda_item", subject, 0, "Vi har brugt piktogrammer hver dag."},
                               {"agenda_item", subject, 2, "Mere ro i overgangene."},
                               {"agenda_item", subject, 3, "   "}},
                              3000),
            2);
  // Answering again replaces the answer.
  evaluations->save(teacher, next, {{"agenda_item", subject, 0, "Piktogrammer hver morgen."}}, 3100);
  form = evaluations->form(teacher, next, 3200);
  EXPECT_EQ(form.subjects[3].my_answers.at(0), "Piktogrammer hver morgen.");
  EXPECT_EQ(form.subjects[3].my_answers.count(3), 0u);

  m_db->transaction([&](storage::Connection& c) {
    const auto rows = c.query("SELECT answer_encrypted FROM evaluations WHERE meeting_id = $1", {next});
    ASSERT_EQ(rows.rows.size(), 2u);
    for (const auto& r : rows.rows) EXPECT_EQ(r.text(0).find("Piktogram"), std::string::npos);
  });

  const auto agenda = agendas->view(leader, next, 3300);
  ASSERT_EQ(agenda.evaluations.size(), 1u) << "the follow-up agenda opens with the evaluation";
  EXPECT_EQ(agenda.evaluations[0].label, "Hvad skal der til?");
  ASSERT_EQ(agenda.evaluations[0].questions.size(), 2u);
  EXPECT_EQ(agenda.evaluations[0].questions[0].answers.at(0).answer, "Piktogrammer hver morgen.");
  EXPECT_EQ(agenda.evaluations[0].questions[0].answers.at(0).by_name, "Navn p-teacher");
}

TEST_P(AgendaEvaluationTest, OnlyFollowUpsOfTypesWithQuestionsAndOnlyStaffAnswer) {
  const std::string first = convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", utc_ms(2027y / April / 8d, 7));
  EXPECT_THROW(evaluations->form(teacher, first, 2000), Conflict) << "not a follow-up";
  const std::string next =
      convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", utc_ms(2027y / June / 3d, 7), first);
  EXPECT_THROW(evaluations->save(mother, next, {{"agenda_item", "x", 0, "svar"}}, 2000), Forbidden);
  EXPECT_THROW(evaluations->save(teacher, next, {{"agenda_item", "unknown", 0, "svar"}}, 2000), Invalid);
  const auto form = evaluations->form(teacher, next, 2000);
  EXPECT_THROW(evaluations->save(teacher, next, {{"agenda_item", form.subjects[0].subject_id, 5, "svar"}}, 2000),
               Invalid);
  EXPECT_THROW(evaluations->form(stranger, next, 2000), service::NotFound);
  // Samarbejdsmodellen's types ask no evaluation questions.
  const std::string s1 = convene("samarbejdsmodellen", "samarbejdsmoede", utc_ms(2027y / April / 8d, 7));
  const std::string s2 = convene("samarbejdsmodellen", "samarbejdsmoede", utc_ms(2027y / June / 3d, 7), s1);
  EXPECT_THROW(evaluations->form(teacher, s2, 2000), Conflict);
}

INSTANTIATE_TEST_SUITE_P(Engines, AgendaEvaluationTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::agenda_testing
