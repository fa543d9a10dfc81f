// R4.5 role delegation on both engines (service/meeting_roles): the model decides which
// role may be handed to whom (Ringsted: minute taking only to an external professional,
// the chair not at all), refusals name the rule ids in Danish, only the chair or the
// holder may delegate, and the delegate becomes the minute taker meeting mode trusts
// (may write the agreement, the former holder may not), gets a task, and the change is
// audited and on the timeline.
#include <gtest/gtest.h>

#include <algorithm>

#include "dates_fixture.hpp"
#include "service/agreements/agreements.hpp"

namespace samspil::cases_testing {
namespace {

class DelegationTest : public DatesTest {};

TEST_P(DelegationTest, ModelDecidesWhatMayBeDelegatedToWhom) {
  const auto id = convene();
  const auto leader_p = participant_of(id, w.leader);
  const auto teacher_p = participant_of(id, w.teacher);
  const auto psych_p = participant_of(id, w.psychologist);
  ASSERT_EQ(holder(id, "chair"), leader_p);
  ASSERT_EQ(holder(id, "minute_taker"), leader_p);

  const auto v = roles->view(leader, id, now);
  EXPECT_TRUE(v.may_delegate);
  ASSERT_EQ(v.roles.size(), 1u);  // only the minute taker is delegable in Ringsted
  EXPECT_EQ(v.roles[0].role, "minute_taker");
  EXPECT_EQ(v.roles[0].allowed_text, "Eksterne fagpersoner");
  EXPECT_FALSE(roles->view(teacher, id, now).may_delegate);

  // Minute taking only to an external professional (R4): the teacher is local.
  const auto local = conflict_of([&] { roles->delegate(leader, id, "minute_taker", teacher_p, now + 1); });
  EXPECT_NE(local.find("Eksterne fagpersoner"), std::string::npos) << local;
  EXPECT_NE(local.find("R4"), std::string::npos) << local;
  // The chair is not delegable in a samarbejdsmøde (R2).
  const auto chair = conflict_of([&] { roles->delegate(leader, id, "chair", psych_p, now + 1); });
  EXPECT_NE(chair.find("kan ikke uddelegeres"), std::string::npos) << chair;
  EXPECT_NE(chair.find("R2"), std::string::npos) << chair;
  // Only the chair (or the holder) delegates; guardians never reach the page.
  EXPECT_THROW(roles->delegate(teacher, id, "minute_taker", psych_p, now + 1), service::Forbidden);
  EXPECT_THROW(roles->delegate(mother, id, "minute_taker", psych_p, now + 1), service::NotFound);
  EXPECT_THROW(roles->delegate(foreign, id, "minute_taker", psych_p, now + 1), service::NotFound);
  EXPECT_THROW(roles->delegate(leader, id, "minute_taker", "nobody", now + 1), service::Invalid);
  EXPECT_EQ(holder(id, "minute_taker"), leader_p);
  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks WHERE kind = 'meeting_role'"), 0);
}

TEST_P(DelegationTest, DelegateWritesTheAgreementAndGetsATask) {
  const auto id = convene();
  const auto leader_p = participant_of(id, w.leader);
  const auto psych_p = participant_of(id, w.psychologist);
  roles->delegate(leader, id, "minute_taker", psych_p, now + 1);

  const auto rows = storage::meeting_roles(*m_db->acquire(), "t1", id);
  const auto it = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.role == "minute_taker"; });
  ASSERT_NE(it, rows.end());
  EXPECT_EQ(it->participant_id, psych_p);
  EXPECT_EQ(it->delegated_from, leader_p);
  EXPECT_EQ(holder(id, "chair"), leader_p);  // the chair stays

  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks WHERE kind = 'meeting_role' AND owner_id = 'p-psych' AND status = 'open'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'meeting' AND action = 'change' "
                  "AND purpose = 'Uddelegering af rolle'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE kind = 'meeting_role_delegated'"), 1);
  // Delegating again to the same person is refused; the view shows it as delegated.
  EXPECT_THROW(roles->delegate(leader, id, "minute_taker", psych_p, now + 2), service::Conflict);
  const auto v = roles->view(leader, id, now);
  ASSERT_EQ(v.roles.size(), 1u);
  EXPECT_TRUE(v.roles[0].delegated);

  // Meeting mode: the delegate is the minute taker and may write; the chair no longer may.
  service::AgreementsConfig aconfig;
  aconfig.models = registry.get();
  aconfig.cipher = m_cipher.get();
  service::Agreements agreements(*m_db, aconfig);
  const auto as_psych = agreements.state(psychologist, id, now + 3);
  EXPECT_TRUE(as_psych.is_minute_taker);
  EXPECT_FALSE(agreements.state(leader, id, now + 3).is_minute_taker);
  service::AgreementContent content;
  content.goals = "Mål";
  EXPECT_THROW(agreements.save(leader, id, as_psych.version, content, {}, now + 4), service::Forbidden);
  EXPECT_NO_THROW(agreements.save(psychologist, id, as_psych.version, content, {}, now + 4));
}

INSTANTIATE_TEST_SUITE_P(Engines, DelegationTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
