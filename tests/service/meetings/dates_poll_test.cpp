// R4.4 "parents are asked for the date first" on both engines (service/date_polls): a
// Ringsted samarbejdsmøde convened with proposed times stays "proposed" and invites nobody;
// each custody holder gets a mail with only a signed link; one of them picks a time (link
// or portal), or the convener picks for them with a sealed reason; only then does the
// iCalendar REQUEST reach everybody and the 10-working-day acceptance deadline start.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "calendar/ical.hpp"
#include "dates_fixture.hpp"
#include "service/meetings/date_polls.hpp"
#include "storage/meeting_store.hpp"

namespace samspil::cases_testing {
namespace {

class DatePollTest : public DatesTest {
 protected:
  std::vector<nlohmann::json> mails() {
    std::vector<nlohmann::json> out;
    for (const auto& r : m_db->acquire()->query("SELECT payload FROM jobs WHERE kind = 'mail.send' ORDER BY id").rows)
      out.push_back(nlohmann::json::parse(r.text(0)));
    return out;
  }
  static std::string calendar_of(const nlohmann::json& mail) {
    if (!mail.contains("alternatives")) return "";
    for (const auto& p : mail.at("alternatives"))
      if (p.at("content_type").get<std::string>().rfind("text/calendar", 0) == 0) return p.at("content");
    return "";
  }
  // The date link token in the mail to this guardian ("" when none).
  std::string token_for(const std::string& user) {
    for (const auto& m : mails()) {
      if (m.at("to").dump().find(user) == std::string::npos) continue;
      const std::string text = m.at("text");
      const auto at = text.find("/moeder/dato/");
      if (at == std::string::npos) continue;
      return text.substr(at + 13, text.find('\n', at) - at - 13);
    }
    return "";
  }
  std::string convene_proposed(std::vector<std::int64_t> starts) {
    service::CasesConfig cfg = m_config;
    cfg.model = registry->find("ringsted-samarbejdsmoeder");
    service::RegisterConcern in;
    in.child_id = w.child;
    in.title = "Trivsel";
    in.tried = "Samtaler med barnet";
    case_id = service::Cases(*m_db, cfg).register_concern(teacher, in, now).case_id;
    service::ConveneRequest req;
    req.case_id = case_id;
    req.type_id = "samarbejdsmoede";
    req.user_ids = {w.leader};
    req.proposed_starts_ms = std::move(starts);
    return meetings->convene(teacher, req, now);
  }
  std::unique_ptr<service::DatePolls> polls() {
    return std::make_unique<service::DatePolls>(*m_db, mconfig);
  }
};

TEST_P(DatePollTest, ParentsPickThroughTheLinkThenEverybodyIsInvited) {
  const std::int64_t t1 = now + 20 * kDay, t2 = now + 21 * kDay, t3 = now + 22 * kDay;
  const auto id = convene_proposed({t3, t1, t2});
  auto m = *storage::find_meeting(*m_db->acquire(), "t1", id);
  EXPECT_EQ(m.status, "proposed");
  EXPECT_FALSE(m.starts_at_ms.has_value());
  EXPECT_FALSE(m.invitation_sent_at_ms.has_value());
  EXPECT_FALSE(m.acceptance_due_at_ms.has_value());

  // Only the custody holders are mailed, with a link and nothing about the child or a calendar.
  auto sent = mails();
  ASSERT_EQ(sent.size(), 2u);
  for (const auto& mail : sent) {
    EXPECT_TRUE(calendar_of(mail).empty());
    const std::string to = mail.at("to").dump();
    EXPECT_TRUE(to.find("g-mother") != std::string::npos || to.find("g-father") != std::string::npos) << to;
    EXPECT_EQ(mail.dump().find("Alma"), std::string::npos);
    EXPECT_EQ(mail.dump().find("Trivsel"), std::string::npos);
  }
  const auto mother_token = token_for("g-mother");
  const auto father_token = token_for("g-father");
  ASSERT_FALSE(mother_token.empty());
  ASSERT_FALSE(father_token.empty());

  // The staff see the poll waiting; a professional may not pick as if a parent.
  const auto staff_view = polls()->view(teacher, id, now);
  EXPECT_TRUE(staff_view.open);
  EXPECT_TRUE(staff_view.may_choose_for_parents);
  ASSERT_EQ(staff_view.proposals.size(), 3u);
  EXPECT_EQ(staff_view.proposals[0].starts_at_ms, t1);  // in time order
  EXPECT_THROW(polls()->choose(teacher, id, staff_view.proposals[0].id, now), service::Forbidden);
  EXPECT_THROW(polls()->choose_for_parents(teacher, id, staff_view.proposals[0].id, " ", now), service::Invalid);
  // Nobody can answer an invitation that has not been sent.
  EXPECT_THROW(meetings->respond(leader, id, "accepted", now), service::Conflict);

  // The mother picks the second time through her link.
  const auto link_view = polls()->view_by_token(mother_token, now + 1);
  ASSERT_EQ(link_view.proposals.size(), 3u);
  EXPECT_THROW(polls()->choose_by_token(mother_token, "nonsense", now + 1), service::Invalid);
  const auto done = polls()->choose_by_token(mother_token, link_view.proposals[1].id, now + 2);
  EXPECT_EQ(done.status, "invited");
  EXPECT_TRUE(done.proposals[1].chosen);

  m = *storage::find_meeting(*m_db->acquire(), "t1", id);
  EXPECT_EQ(m.status, "invited");
  EXPECT_EQ(m.starts_at_ms.value_or(0), t2);
  EXPECT_EQ(m.invitation_sent_at_ms.value_or(0), now + 2);
  ASSERT_TRUE(m.acceptance_due_at_ms.has_value());
  // 10 working days (R4): at least 14 calendar days after the choice.
  EXPECT_GE(*m.acceptance_due_at_ms, now + 2 + 13 * kDay);
  EXPECT_LE(*m.acceptance_due_at_ms, now + 2 + 17 * kDay);

  // Now the REQUEST reaches everybody invited, with the chosen time.
  std::set<std::string> invited;
  for (const auto& mail : mails()) {
    const auto ics = calendar_of(mail);
    if (ics.empty()) continue;
    const auto parsed = calendar::parse_invitation(ics);
    EXPECT_EQ(parsed.method, "REQUEST");
    EXPECT_EQ(parsed.start_ms, t2);
    EXPECT_EQ(parsed.uid, m.ical_uid);
    invited.insert(mail.at("to").dump());
  }
  EXPECT_GE(invited.size(), 4u);  // teacher, leader, mother, father

  // Every link is used up: the mother's and the father's.
  EXPECT_THROW(polls()->choose_by_token(mother_token, link_view.proposals[0].id, now + 3), service::NotFound);
  EXPECT_THROW(polls()->view_by_token(father_token, now + 3), service::NotFound);
  EXPECT_THROW(polls()->view_by_token("unknown", now + 3), service::NotFound);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE kind = 'meeting_date_chosen'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = 'meetings.reminder'"), 1);
}

TEST_P(DatePollTest, GuardianPicksOnPortalOrConvenerPicksForThemWithSealedReason) {
  const auto a = convene_proposed({now + 20 * kDay, now + 21 * kDay});
  const auto va = polls()->view(father, a, now);
  EXPECT_TRUE(va.may_choose);
  EXPECT_FALSE(va.may_choose_for_parents);
  EXPECT_THROW(polls()->choose_for_parents(father, a, va.proposals[0].id, "x", now), service::Forbidden);
  EXPECT_THROW(polls()->view(other_parent, a, now), service::NotFound);
  polls()->choose(father, a, va.proposals[0].id, now + 1);
  EXPECT_EQ(storage::find_meeting(*m_db->acquire(), "t1", a)->starts_at_ms.value_or(0), now + 20 * kDay);
  EXPECT_THROW(polls()->choose(mother, a, va.proposals[1].id, now + 2), service::Conflict);

  const auto b = convene_proposed({now + 30 * kDay, now + 31 * kDay, now + 32 * kDay});
  const auto vb = polls()->view(teacher, b, now);
  polls()->choose_for_parents(teacher, b, vb.proposals[2].id, "Mor ringede og valgte torsdag", now + 3);
  const auto after = polls()->view(teacher, b, now + 4);
  EXPECT_FALSE(after.open);
  EXPECT_TRUE(after.chosen_for_parents);
  EXPECT_EQ(storage::find_meeting(*m_db->acquire(), "t1", b)->status, "invited");
  EXPECT_EQ(count("SELECT COUNT(*) FROM meeting_date_proposals WHERE reason_encrypted LIKE '%ringede%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM meeting_date_proposals WHERE chosen_for_parents = 1 AND reason_encrypted <> ''"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE purpose = 'Mødetidspunkt valgt på forældrenes vegne'"), 1);
}

TEST_P(DatePollTest, ProposalsAreCheckedAndOnlyWhereTheModelSaysSo) {
  for (const auto& bad : std::vector<std::vector<std::int64_t>>{
           {now + 20 * kDay},
           {now + 20 * kDay, now + 21 * kDay, now + 22 * kDay, now + 23 * kDay, now + 24 * kDay},
           {now - kDay, now + 20 * kDay},
           {now + 20 * kDay, now + 20 * kDay}}) {
    try {
      convene_proposed(bad);
      ADD_FAILURE() << "accepted " << bad.size() << " proposals";
    } catch (const service::Invalid& e) {
      EXPECT_EQ(e.fields.count("proposals"), 1u);
    }
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings"), 0);
  // The model marks the Ringsted types (booking.parents_choose_date, R4), no others.
  const auto* ringsted = registry->find("ringsted-samarbejdsmoeder");
  ASSERT_NE(ringsted, nullptr);
  using service::date_polls::parents_choose_date;
  EXPECT_TRUE(parents_choose_date(*ringsted->meeting_type("samarbejdsmoede")));
  EXPECT_TRUE(parents_choose_date(*ringsted->meeting_type("tvaerfagligt_dialogmoede")));
  EXPECT_FALSE(parents_choose_date(*ringsted->meeting_type("fagprofessionelt_samarbejdsmoede")));
  const auto* ppr = registry->find("ppr-vejen-ind");
  ASSERT_NE(ppr, nullptr);
  for (const auto& t : ppr->meeting_types) {
    EXPECT_FALSE(parents_choose_date(t)) << t.id;
  }
}

// A proposed meeting has no time to move; cancelling it closes the date links and tells only
// the parents (nobody holds a calendar entry to cancel), and its obligations go with it.
TEST_P(DatePollTest, AProposedMeetingIsNotMovedAndItsCancellationReachesOnlyTheParents) {
  const auto id = convene_proposed({now + 20 * kDay, now + 21 * kDay});
  const auto mother_token = token_for("g-mother");
  ASSERT_FALSE(mother_token.empty());
  const auto before = mails().size();
  const auto refusal = conflict_of([&] { meetings->move(teacher, id, now + 25 * kDay, 0, "Skolen", "", now + 1); });
  EXPECT_NE(refusal.find("Forældrene har endnu ikke valgt"), std::string::npos) << refusal;
  EXPECT_FALSE(storage::find_meeting(*m_db->acquire(), "t1", id)->starts_at_ms.has_value());
  EXPECT_EQ(mails().size(), before);

  meetings->cancel(teacher, id, "Familien er flyttet", now + 2);
  EXPECT_EQ(storage::find_meeting(*m_db->acquire(), "t1", id)->status, "cancelled");
  const auto sent = mails();
  ASSERT_EQ(sent.size(), before + 2);  // the mother and the father, nobody else
  for (std::size_t i = before; i < sent.size(); ++i) {
    EXPECT_TRUE(calendar_of(sent[i]).empty());
    EXPECT_EQ(sent[i].at("subject"), "Mødet bliver ikke holdt");
    const std::string to = sent[i].at("to").dump();
    EXPECT_TRUE(to.find("g-mother") != std::string::npos || to.find("g-father") != std::string::npos) << to;
    EXPECT_EQ(sent[i].dump().find("Familien"), std::string::npos);  // the reason stays on the meeting
  }
  EXPECT_THROW(polls()->view_by_token(mother_token, now + 3), service::NotFound);
  EXPECT_FALSE(polls()->view(teacher, id, now + 3).open);
  EXPECT_EQ(count("SELECT COUNT(*) FROM obligations WHERE meeting_id = '" + id + "' AND done_at IS NULL"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, DatePollTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
