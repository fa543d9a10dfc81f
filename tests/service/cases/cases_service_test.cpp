// The cases service on both engines: the access matrix (issue 4 item 5), moves through the
// engine with rule ids, change + audit + timeline in one transaction, idempotent
// registration, CPR handling, a child moving unit, the guardian's filtered timeline.
#include "cases_service_fixture.hpp"

namespace samspil::cases_testing {
namespace {

using service::Conflict;
using service::Forbidden;
using service::Invalid;
using service::NotFound;

// Carries the case from concern to the PPR district queue (P1) with both parents' consent.
void to_district_queue(CasesServiceTest& t, service::Cases& cases, const std::string& id, const service::Actor& by,
                       const std::string& ppr_unit, std::int64_t now) {
  cases.move(by, id, {"intern_sparring", "sparring_holdt", "", ""}, now);
  cases.move(by, id, {"kv", "kv_skole", "", ""}, now);
  cases.move(by, id, {"henvendelse", "henvendelse_enkeltbarn", "", ppr_unit}, now);
  (void)t;
}

class CasesAccessTest : public CasesServiceTest {};

TEST_P(CasesAccessTest, MatrixOfWhoReachesACase) {
  const std::string id = register_case();
  cases->assign(leader, id, w.psychologist, now);
  const struct {
    const char* who;
    service::Actor* actor;
    bool reaches;
  } before_queue[] = {
      {"participant (initiating teacher)", &teacher, true},
      {"assigned PPR staff", &psychologist, true},
      {"leader of the child's unit", &leader, true},
      {"leader of another unit", &other_leader, false},
      {"other professional", &stranger, false},
      {"district lead before the request reaches PPR", &district, false},
      {"administrator (data minimisation)", &admin, false},
      {"guardian of the child", &mother, true},
      {"other guardian", &other_parent, false},
      {"other municipality", &foreign, false},
  };
  for (const auto& row : before_queue) {
    SCOPED_TRACE(row.who);
    if (row.reaches) {
      EXPECT_EQ(cases->get(*row.actor, id, now).record.id, id);
    } else {
      EXPECT_THROW(cases->get(*row.actor, id, now), NotFound);
      EXPECT_THROW(cases->timeline(*row.actor, id, "", "", 50, now), NotFound);
      EXPECT_THROW(children->get(*row.actor, w.child, now), NotFound);
    }
  }
  give(mother);
  give(father);
  to_district_queue(*this, *cases, id, teacher, w.ppr_unit, now);
  EXPECT_EQ(cases->get(district, id, now).relation, "district_queue");
  // Lists match the one-by-one rule.
  EXPECT_EQ(cases->list(district, "", 50, now).size(), 1u);
  EXPECT_EQ(cases->list(teacher, "", 50, now).size(), 1u);
  EXPECT_EQ(cases->list(mother, "", 50, now).size(), 1u);
  EXPECT_TRUE(cases->list(stranger, "", 50, now).empty());
  EXPECT_TRUE(cases->list(admin, "", 50, now).empty());
  EXPECT_TRUE(cases->list(other_parent, "", 50, now).empty());
  EXPECT_TRUE(cases->list(other_leader, "", 50, now).empty());
  EXPECT_TRUE(cases->list(foreign, "", 50, now).empty());
  // Guardians read but never change the course; outsiders cannot tell the case exists.
  EXPECT_THROW(cases->move(mother, id, {"distrikt", "distriktsmoede", "", ""}, now), Forbidden);
  EXPECT_THROW(cases->move(stranger, id, {"distrikt", "distriktsmoede", "", ""}, now), NotFound);
  EXPECT_THROW(cases->assign(teacher, id, w.psychologist, now), Forbidden);
}

TEST_P(CasesAccessTest, EveryReadIsAudited) {
  const std::string id = register_case();
  const auto before = count("SELECT count(*) FROM audit_log WHERE tenant = 't1' AND action = 'read'");
  cases->get(leader, id, now);
  cases->timeline(mother, id, "", "", 50, now);
  children->get(teacher, w.child, now);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE tenant = 't1' AND action = 'read'"), before + 3);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE tenant = 't1' AND action = 'read' AND child_id = 'c-1'"),
            before + 3);
  // A refused read leaves no trace of the case but is no read either.
  EXPECT_THROW(cases->get(stranger, id, now), NotFound);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE tenant = 't1' AND action = 'read'"), before + 3);
}

TEST_P(CasesAccessTest, AChildMovingUnitTakesTheCaseToTheNewLeader) {
  const std::string id = register_case();
  children->move(leader, w.child, w.other_school, "2.B", now);
  EXPECT_EQ(cases->get(other_leader, id, now).record.id, id);
  EXPECT_THROW(cases->get(leader, id, now), NotFound);
  EXPECT_EQ(cases->get(teacher, id, now).relation, "participant");  // still a participant
  EXPECT_THROW(children->move(teacher, w.child, w.school, "", now), Forbidden);
}

class CasesMoveTest : public CasesServiceTest {};

TEST_P(CasesMoveTest, IllegalMoveIsRefusedWithTheEnginesReasonAndNothingIsWritten) {
  const std::string id = register_case();
  const auto audit_before = count("SELECT count(*) FROM audit_log WHERE tenant = 't1'");
  const auto events_before = count("SELECT count(*) FROM case_events WHERE tenant = 't1'");
  try {
    cases->move(teacher, id, {"forloeb", "opstartsmoede", "", ""}, now);
    FAIL() << "expected Conflict";
  } catch (const Conflict& e) {
    EXPECT_NE(std::string(e.what()).find("Sagen kan ikke gå fra"), std::string::npos) << e.what();
  }
  // The consent-guarded move (P1) without consent in force names its rule.
  cases->move(teacher, id, {"intern_sparring", "sparring_holdt", "", ""}, now);
  cases->move(teacher, id, {"kv", "kv_skole", "", ""}, now);
  const auto audit_mid = count("SELECT count(*) FROM audit_log WHERE tenant = 't1'");
  const auto events_mid = count("SELECT count(*) FROM case_events WHERE tenant = 't1'");
  EXPECT_EQ(audit_mid, audit_before + 2);
  EXPECT_EQ(events_mid, events_before + 2);
  try {
    cases->move(teacher, id, {"henvendelse", "henvendelse_enkeltbarn", "", w.ppr_unit}, now);
    FAIL() << "expected Conflict";
  } catch (const Conflict& e) {
    EXPECT_NE(std::string(e.what()).find("Samtykke mangler: Henvendelse til PPR om et enkelt barn (P1)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE tenant = 't1'"), audit_mid);
  EXPECT_EQ(count("SELECT count(*) FROM case_events WHERE tenant = 't1'"), events_mid);
  EXPECT_EQ(count("SELECT count(*) FROM cases WHERE ppr_requested_at IS NOT NULL"), 0);
  // The case view lists the allowed moves with the refusals' reasons.
  const auto view = cases->get(teacher, id, now);
  EXPECT_EQ(view.record.state, "kv");
  bool found = false;
  for (const auto& m : view.moves) {
    if (m.via == "henvendelse_enkeltbarn") {
      found = true;
      EXPECT_FALSE(m.allowed);
      EXPECT_NE(m.reason.find("(P1)"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST_P(CasesMoveTest, ClosingNeedsAReasonSetsRetentionAndTellsTheGuardians) {
  const std::string id = register_case();
  cases->move(teacher, id, {"intern_sparring", "sparring_holdt", "", ""}, now);
  try {
    cases->move(teacher, id, {"lukket", "bekymring_loest", "", ""}, now);
    FAIL() << "expected Invalid";
  } catch (const Invalid& e) {
    EXPECT_EQ(e.fields.count("reason"), 1u);
  }
  const auto jobs_before = count("SELECT count(*) FROM jobs WHERE kind = 'mail.send'");
  const auto view = cases->move(teacher, id, {"lukket", "bekymring_loest", "Trivslen er god igen", ""}, now);
  EXPECT_TRUE(view.closed);
  EXPECT_EQ(view.record.close_reason, "Trivslen er god igen");
  EXPECT_EQ(view.record.retention_until_ms, now + 10 * 86'400'000LL);
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE kind = 'mail.send'"), jobs_before + 2);  // mother and father
}

TEST_P(CasesMoveTest, RegistrationIsIdempotentAndRecordsTried) {
  const std::string a = register_case("form-123");
  const std::string b = register_case("form-123");
  EXPECT_EQ(a, b);
  EXPECT_EQ(count("SELECT count(*) FROM cases"), 1);
  EXPECT_NE(register_case("form-456"), a);
  cases->record_tried(teacher, a, "Vi har prøvet faste pladser og en makkerordning.", now);
  const auto view = cases->get(teacher, a, now);
  EXPECT_EQ(view.tried, "Vi har prøvet faste pladser og en makkerordning.");
  EXPECT_TRUE(view.record.tried_recorded_at_ms.has_value());
  // The note is sealed at rest.
  EXPECT_EQ(count("SELECT count(*) FROM cases WHERE tried_encrypted LIKE '%makkerordning%'"), 0);
  // Guardians see the shared part of the timeline only, and no internal note.
  EXPECT_EQ(cases->get(mother, a, now).tried, "");
  for (const auto& e : cases->timeline(mother, a, "", "", 50, now)) {
    EXPECT_NE(e.kind, "tried_recorded");
    EXPECT_NE(e.kind, "participant_added");
  }
  EXPECT_FALSE(cases->timeline(teacher, a, "tried_recorded", "", 50, now).empty());
  EXPECT_TRUE(cases->timeline(mother, a, "tried_recorded", "", 50, now).empty());
}

TEST_P(CasesMoveTest, NewChildWithCprIsValidatedSealedAndMasked) {
  service::RegisterConcern in;
  in.first_name = "Carl";
  in.last_name = "Nielsen";
  in.cpr = "311390-1234";
  in.unit_id = w.school;
  in.title = "Sprog";
  in.guardians = {{w.mother, "parent", true}};
  try {
    cases->register_concern(teacher, in, now);
    FAIL() << "expected Invalid";
  } catch (const Invalid& e) {
    EXPECT_EQ(e.fields.at("cpr"), "CPR-nummeret indeholder ikke en gyldig fødselsdato");
  }
  in.cpr = "070761-4285";
  in.unit_id = w.other_school;  // not the teacher's unit
  EXPECT_THROW(cases->register_concern(teacher, in, now), Invalid);
  in.unit_id = w.school;
  in.title = "070761-4285";
  EXPECT_THROW(cases->register_concern(teacher, in, now), Invalid);  // no CPR in the title
  in.title = "Sprog";
  const auto made = cases->register_concern(teacher, in, now);
  EXPECT_TRUE(made.cpr_warning.empty());
  EXPECT_EQ(count("SELECT count(*) FROM children WHERE cpr_encrypted LIKE '%0707614285%' OR cpr_hash = '0707614285'"), 0);
  const auto child = children->get(teacher, made.child_id, now);
  EXPECT_EQ(child.cpr_masked, "070761-xxxx");
  EXPECT_EQ(child.record.birth_date, "1961-07-07");
  EXPECT_TRUE(child.record.cpr_encrypted.empty());
  ASSERT_EQ(child.guardians.size(), 1u);
  // The same CPR number again is refused rather than making a second child.
  try {
    cases->register_concern(teacher, in, now);
    FAIL() << "expected Invalid";
  } catch (const Invalid& e) {
    EXPECT_EQ(e.fields.count("cpr"), 1u);
  }
  // Admin and guardians cannot register.
  EXPECT_THROW(cases->register_concern(admin, in, now), Forbidden);
  EXPECT_THROW(cases->register_concern(mother, in, now), Forbidden);
}

// F9 in the Frederiksberg model: a closed PPR case reopens only through a new dialogmøde.
class CasesReopenTest : public CasesServiceTest {
 protected:
  std::string model_file() const override { return "frederiksberg-dialogmoede.yaml"; }
};

TEST_P(CasesReopenTest, ReopeningOnlyThroughANewMeeting) {
  const std::string id = register_case();
  cases->move(teacher, id, {"aaben", "dialogmoede", "", ""}, now);
  cases->move(teacher, id, {"lukket", "samarbejde_afsluttet", "Forløbet er slut", ""}, now);
  try {
    cases->move(teacher, id, {"aaben", "samarbejde_afsluttet", "", ""}, now);
    FAIL() << "expected Conflict";
  } catch (const Conflict& e) {
    EXPECT_NE(std::string(e.what()).find("(F9)"), std::string::npos) << e.what();
  }
  const auto view = cases->move(teacher, id, {"aaben", "dialogmoede", "", ""}, now + 1000);
  EXPECT_FALSE(view.closed);
  EXPECT_FALSE(view.record.closed_at_ms.has_value());
  EXPECT_FALSE(view.record.retention_until_ms.has_value());
  EXPECT_EQ(cases->timeline(teacher, id, "reopened", "", 50, now).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, CasesAccessTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, CasesMoveTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, CasesReopenTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
