// service/agreements on both engines: only the minute taker writes, stale versions are
// refused, the chair steps through the agenda and reads back, confirming locks the
// agreement, stores a PDF/A with its SHA-256, mails every participant with the PDF attached
// (the parents only when the model shares it), turns actions into tasks of their owners,
// queues the records export and publishes every change to the meeting's followers;
// outsiders and other municipalities get NotFound.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cases_service_fixture.hpp"
#include "crypto/sha256.hpp"
#include "live/broadcast.hpp"
#include "mail/message.hpp"
#include "service/agreements/agreements.hpp"
#include "service/base/model_registry.hpp"
#include "storage/agreement_store.hpp"
#include "storage/meeting_store.hpp"

namespace samspil::cases_testing {
namespace {

class AgreementServiceTest : public CasesServiceTest {
 protected:
  void SetUp() override {
    CasesServiceTest::SetUp();
    if (HasFatalFailure()) return;
    std::vector<domain::Model> models;
    models.push_back(load_preset("frederiksberg-dialogmoede.yaml"));
    registry = std::make_unique<service::ModelRegistry>(
        service::ModelRegistry::of(std::move(models), "frederiksberg-dialogmoede"));
    case_id = register_case();
    meeting_id = "m-1";
    m_db->transaction([&](storage::Connection& c) {
      storage::MeetingRecord m;
      m.id = meeting_id;
      m.tenant = "t1";
      m.case_id = case_id;
      m.model_id = "frederiksberg-dialogmoede";
      m.type_id = "dialogmoede";
      m.status = "invited";
      m.starts_at_ms = now;
      m.ends_at_ms = now + 3'600'000;
      m.ical_uid = "m-1@samspil";
      m.convened_by = w.teacher;
      m.convened_at_ms = now;
      m.created_at_ms = now;
      m.updated_at_ms = now;
      storage::insert_meeting(c, m);
      auto add = [&](const std::string& id, const std::string& kind, const std::string& user, const std::string& role,
                     const std::string& email) {
        storage::MeetingParticipantRow p;
        p.id = id;
        p.tenant = "t1";
        p.meeting_id = meeting_id;
        p.kind = kind;
        p.user_id = user;
        p.role_in_case = role;
        p.display_name = "Navn " + id;
        p.email = email;
        p.added_at_ms = now;
        storage::insert_meeting_participant(c, p);
      };
      add("pa-teacher", "professional", w.teacher, "teacher", "laerer@example.dk");
      add("pa-leader", "professional", w.leader, "leader", "leder@example.dk");
      add("pa-mother", "guardian", w.mother, "parents", "mor@example.dk");
      storage::upsert_meeting_role(c, {"t1", meeting_id, "chair", "pa-leader", "", now});
      storage::upsert_meeting_role(c, {"t1", meeting_id, "minute_taker", "pa-teacher", "", now});
    });
    config.models = registry.get();
    config.cipher = m_cipher.get();
    config.live = &live;
    config.public_base_url = "https://samspil.test";
    config.records_export = true;
    agreements = std::make_unique<service::Agreements>(*m_db, config);
  }

  service::AgreementContent content() {
    service::AgreementContent c;
    c.resources = "Alma er glad for at tegne";
    c.goals = "Alma deltager i frikvarteret";
    c.ppv_decision = "Ingen PPV nu";
    c.child_perspective = "Alma vil gerne lege med flere";
    return c;
  }

  std::vector<nlohmann::json> jobs(const std::string& kind) {
    std::vector<nlohmann::json> out;
    for (const auto& r : m_db->acquire()->query("SELECT payload FROM jobs WHERE kind = $1 ORDER BY id", {kind}).rows)
      out.push_back(nlohmann::json::parse(r.text(0)));
    return out;
  }

  std::unique_ptr<service::ModelRegistry> registry;
  live::Broadcast live;
  service::AgreementsConfig config;
  std::unique_ptr<service::Agreements> agreements;
  std::string case_id, meeting_id;
};

TEST_P(AgreementServiceTest, OnlyTheMinuteTakerWritesAndStaleVersionsAreRefused) {
  EXPECT_THROW(agreements->save(leader, meeting_id, 0, content(), {}, now), service::Forbidden);
  EXPECT_THROW(agreements->save(mother, meeting_id, 0, content(), {}, now), service::Forbidden);
  EXPECT_THROW(agreements->save(stranger, meeting_id, 0, content(), {}, now), service::NotFound);
  EXPECT_THROW(agreements->save(foreign, meeting_id, 0, content(), {}, now), service::NotFound);
  const auto s = agreements->save(teacher, meeting_id, 0, content(), {{"Ring til mor", w.leader, "", now}}, now);
  EXPECT_EQ(s.version, 1);
  EXPECT_TRUE(s.is_minute_taker);
  EXPECT_TRUE(s.asks_ppv_decision);
  EXPECT_EQ(s.content.goals, "Alma deltager i frikvarteret");
  ASSERT_EQ(s.actions.size(), 1u);
  EXPECT_EQ(s.actions[0].owner_label, "Navn pa-leader");
  // Written against version 0 again: someone else's write in between.
  EXPECT_THROW(agreements->save(teacher, meeting_id, 0, content(), {}, now), service::Conflict);
  // The sections are sealed at rest.
  auto row = m_db->acquire()->query("SELECT content_encrypted FROM agreements WHERE meeting_id = 'm-1'").rows.at(0).text(0);
  EXPECT_EQ(row.find("frikvarteret"), std::string::npos);
  // An action owner must take part in the meeting.
  EXPECT_THROW(agreements->save(teacher, meeting_id, 1, content(), {{"X", w.stranger, "", std::nullopt}}, now),
               service::Invalid);
}

TEST_P(AgreementServiceTest, FollowersGetTheCurrentStateThenEveryChange) {
  std::vector<std::pair<std::string, std::int64_t>> seen;
  agreements->follow(mother, meeting_id,
                     [&](std::string_view event, std::int64_t version, std::string_view data) {
                       if (!event.empty()) seen.emplace_back(std::string(data), version);
                       return true;
                     },
                     now);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].second, 0);
  agreements->save(teacher, meeting_id, 0, content(), {}, now);
  agreements->step(leader, meeting_id, 1, now);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[1].second, 1);
  EXPECT_NE(seen[1].first.find("Alma deltager i frikvarteret"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(seen[2].first).at("current_item"), 1);
  EXPECT_THROW(agreements->step(teacher, meeting_id, 1, now), service::Forbidden);
  // A follower that is gone is dropped.
  bool alive = true;
  agreements->follow(leader, meeting_id, [&](std::string_view, std::int64_t, std::string_view) { return alive; }, now);
  EXPECT_EQ(live.followers("t1", meeting_id), 2u);
  alive = false;
  EXPECT_EQ(live.followers("t1", meeting_id), 1u);
  EXPECT_THROW(agreements->follow(stranger, meeting_id, [](auto, auto, auto) { return true; }, now),
               service::NotFound);
}

TEST_P(AgreementServiceTest, ConfirmNeedsTheReadBackThenLocksMailsAndCreatesTasks) {
  agreements->save(teacher, meeting_id, 0, content(),
                   {{"Ring til mor", w.leader, "", now + 86'400'000}, {"Tal med Alma", "", "Forældrene", std::nullopt}},
                   now);
  EXPECT_THROW(agreements->confirm(leader, meeting_id, now), service::Conflict);  // not read back (R6)
  EXPECT_THROW(agreements->read_back(teacher, meeting_id, now), service::Forbidden);
  agreements->read_back(leader, meeting_id, now);
  EXPECT_THROW(agreements->confirm(teacher, meeting_id, now), service::Forbidden);
  const auto s = agreements->confirm(leader, meeting_id, now + 1000);
  EXPECT_EQ(s.status, "final");
  ASSERT_TRUE(s.sent_at_ms.has_value());
  EXPECT_EQ(s.pdf_sha256.size(), 64u);
  EXPECT_THROW(agreements->save(teacher, meeting_id, s.version, content(), {}, now), service::Conflict);

  const std::string pdf = agreements->pdf(teacher, meeting_id, now);
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(crypto::sha256_hex(pdf), s.pdf_sha256);
  EXPECT_EQ(agreements->pdf(mother, meeting_id, now), pdf);  // shared with the parents (X6)
  EXPECT_THROW(agreements->pdf(stranger, meeting_id, now), service::NotFound);

  const auto mails = jobs("mail.send");
  ASSERT_EQ(mails.size(), 3u);  // teacher, leader, mother
  for (const auto& m : mails) {
    ASSERT_EQ(m.at("attachments").size(), 1u);
    EXPECT_EQ(m.at("attachments")[0].at("content_type"), "application/pdf");
    EXPECT_EQ(*mail::base64_decode(m.at("attachments")[0].at("content_base64").get<std::string>()), pdf);
  }
  // One task for the owner with an account; none for "Forældrene".
  auto c = m_db->acquire();
  const auto tasks = c->query("SELECT owner_id, kind, due_at FROM tasks WHERE meeting_id = 'm-1'").rows;
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].text(0), w.leader);
  EXPECT_EQ(tasks[0].text(1), "agreement_action");
  EXPECT_EQ(tasks[0].integer(2), now + 86'400'000);
  const auto meeting = c->query("SELECT status, agreement_sent_at FROM meetings WHERE id = 'm-1'").rows.at(0);
  EXPECT_EQ(meeting.text(0), "finalised");
  EXPECT_EQ(meeting.integer(1), now + 1000);
  EXPECT_EQ(jobs("records.export").size(), 0u + (s.filed_to_records ? 1u : 0u));
  EXPECT_THROW(agreements->confirm(leader, meeting_id, now), service::Conflict);
}

INSTANTIATE_TEST_SUITE_P(Engines, AgreementServiceTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
