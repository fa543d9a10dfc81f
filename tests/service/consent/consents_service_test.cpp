// Consent on both engines (X1, P1): who may give what, withdrawal immediately blocks the
// covered move with the engine's Danish reason, tells the case's professionals by mail,
// and is not retroactive.
#include "cases_service_fixture.hpp"

namespace samspil::cases_testing {
namespace {

using service::Conflict;
using service::Forbidden;
using service::Invalid;
using service::NotFound;

class CasesConsentTest : public CasesServiceTest {};

TEST_P(CasesConsentTest, WithdrawalBlocksTheRequestToPprAndTellsTheProfessionals) {
  const std::string id = register_case();
  cases->assign(leader, id, w.psychologist, now);
  const std::string m = give(mother);
  give(father);
  cases->move(teacher, id, {"intern_sparring", "sparring_holdt", "", ""}, now);
  cases->move(teacher, id, {"kv", "kv_skole", "", ""}, now);
  // In force now: the view says so.
  const auto in_force = cases->get(teacher, id, now).consents_in_force;
  EXPECT_EQ(in_force, std::vector<std::string>{"ppr_request_single_child"});

  const auto mails_before = count("SELECT count(*) FROM jobs WHERE kind = 'mail.send'");
  consents->withdraw(mother, m, now + 1000);
  // The teacher (participant) and the psychologist (assigned) are told; the mother is not mailed.
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE kind = 'mail.send'"), mails_before + 2);
  EXPECT_EQ(count("SELECT count(*) FROM case_events WHERE kind = 'consent_withdrawn'"), 1);
  try {
    cases->move(teacher, id, {"henvendelse", "henvendelse_enkeltbarn", "", w.ppr_unit}, now + 2000);
    FAIL() << "expected Conflict";
  } catch (const Conflict& e) {
    EXPECT_EQ(std::string(e.what()), "Samtykke mangler: Henvendelse til PPR om et enkelt barn (P1)");
  }
  EXPECT_THROW(consents->withdraw(mother, m, now + 3000), Conflict);  // once only
  // Not retroactive: the record still shows when it was in force.
  const auto list = consents->for_child(leader, w.child, now + 3000);
  ASSERT_EQ(list.size(), 2u);
  for (const auto& c : list) {
    if (c.row.id == m) {
      EXPECT_EQ(c.row.withdrawn_at_ms, now + 1000);
      EXPECT_FALSE(c.in_force);
    } else {
      EXPECT_FALSE(c.row.withdrawn_at_ms.has_value());
      EXPECT_TRUE(c.in_force);
    }
  }
  // Given again, the move goes through.
  give(mother);
  const auto view = cases->move(teacher, id, {"henvendelse", "henvendelse_enkeltbarn", "", w.ppr_unit}, now + 4000);
  EXPECT_EQ(view.record.state, "henvendelse");
}

TEST_P(CasesConsentTest, OneCustodyHolderSufficesWhenTheModelSaysSo) {
  // X1's "one or every custody holder" is data of the model (consent.required_from).
  domain::Model one_holder = *m_config.model;
  one_holder.consent.every_custody_holder = false;
  auto config = m_config;
  config.model = &one_holder;
  service::Cases lenient(*m_db, config);
  const std::string id = register_case();
  lenient.move(teacher, id, {"intern_sparring", "sparring_holdt", "", ""}, now);
  lenient.move(teacher, id, {"kv", "kv_skole", "", ""}, now);
  give(mother);
  EXPECT_THROW(cases->move(teacher, id, {"henvendelse", "henvendelse_enkeltbarn", "", ""}, now), Conflict);
  EXPECT_EQ(lenient.move(teacher, id, {"henvendelse", "henvendelse_enkeltbarn", "", ""}, now).record.state,
            "henvendelse");
}

TEST_P(CasesConsentTest, WhoMayRecordWhat) {
  register_case();
  service::GiveConsent in;
  in.child_id = w.child;
  in.guardian_id = w.mother;
  in.scope = "ppr_request_single_child";
  in.purpose = "Henvendelse til PPR";
  in.parties = "Skolen og PPR";
  in.source = "portal";
  // A guardian only for themself, only in the portal.
  auto on_behalf = in;
  on_behalf.guardian_id = w.father;
  EXPECT_THROW(consents->give(mother, on_behalf, now), Invalid);
  auto paper = in;
  paper.source = "paper";
  EXPECT_THROW(consents->give(mother, paper, now), Invalid);
  // Staff record paper consent for a guardian of a child they reach, with the paper's scan
  // uploaded to a case about the child first (consent_paper_service_test covers the scan).
  EXPECT_THROW(consents->give(leader, in, now), Invalid);
  EXPECT_THROW(consents->give(leader, paper, now), Invalid);  // no scan
  paper.scan_attachment_id =
      consents->add_scan(teacher, register_case(), "samtykke.pdf", "%PDF-1.4\n%%EOF\n", now).id;
  const std::string id = consents->give(leader, paper, now);
  EXPECT_FALSE(id.empty());
  auto unknown = in;
  unknown.scope = "everything";
  EXPECT_THROW(consents->give(mother, unknown, now), Invalid);
  auto expired = in;
  expired.expires_at_ms = now - 1;
  EXPECT_THROW(consents->give(mother, expired, now), Invalid);
  // Outsiders cannot see or touch the child's consents.
  EXPECT_THROW(consents->give(other_parent, in, now), NotFound);
  EXPECT_THROW(consents->for_child(stranger, w.child, now), NotFound);
  EXPECT_THROW(consents->for_child(admin, w.child, now), NotFound);
  EXPECT_THROW(consents->get(foreign, id, now), NotFound);
  EXPECT_THROW(consents->withdraw(other_parent, id, now), NotFound);
  // The father cannot withdraw the mother's consent.
  EXPECT_THROW(consents->withdraw(father, id, now), Forbidden);
  // Idempotent give.
  in.idempotency_key = "k1";
  EXPECT_EQ(consents->give(mother, in, now), consents->give(mother, in, now));
}

INSTANTIATE_TEST_SUITE_P(Engines, CasesConsentTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
