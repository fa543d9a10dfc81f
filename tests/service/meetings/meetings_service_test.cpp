// service/meetings on both engines: the engine decides what may be convened (reasons with
// rule ids), invitations leave through the outbox with an iCalendar part, answers by a
// single-use link, move raises SEQUENCE, cancel sends CANCEL, professionals-only meetings
// need FP2 and stay hidden from the parents, other municipalities get NotFound, slots
// avoid everyone's meetings and survive a calendar that cannot be fetched.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "calendar/ical.hpp"
#include "cases_service_fixture.hpp"
#include "jobs/queue.hpp"
#include "service/base/model_registry.hpp"
#include "service/meetings/meetings.hpp"
#include "service/obligations/obligations.hpp"
#include "storage/meeting_store.hpp"
#include "storage/statement_count.hpp"

namespace samspil::cases_testing {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

class MeetingsServiceTest : public CasesServiceTest {
 protected:
  void SetUp() override {
    CasesServiceTest::SetUp();
    if (HasFatalFailure()) return;
    std::vector<domain::Model> models;
    for (const char* f : {"ppr-vejen-ind.yaml", "frederiksberg-dialogmoede.yaml", "ringsted-samarbejdsmoeder.yaml",
                          "samarbejdsmodellen.yaml"}) {
      models.push_back(load_preset(f));
    }
    registry = std::make_unique<service::ModelRegistry>(service::ModelRegistry::of(std::move(models), "ppr-vejen-ind"));
    mconfig.models = registry.get();
    mconfig.public_base_url = "https://samspil.test";
    mconfig.cipher = m_cipher.get();
    meetings = std::make_unique<service::Meetings>(*m_db, mconfig);
  }

  // A case about child c-1 under the given preset, registered by the teacher. The road into
  // PPR offers meetings only once the district meeting has given the case to PPR staff
  // (state distrikt, P1): such a case is put there directly.
  std::string case_under(const std::string& model_id) {
    service::CasesConfig cfg = m_config;
    cfg.model = registry->find(model_id);
    service::RegisterConcern in;
    in.child_id = w.child;
    in.title = "Trivsel";
    in.tried = "Samtaler med barnet";
    const auto id = service::Cases(*m_db, cfg).register_concern(teacher, in, now).case_id;
    if (model_id == "ppr-vejen-ind") {
      for (const auto& o : meetings->options(teacher, id, "same", now)) {
        EXPECT_FALSE(o.allowed) << o.type_id;  // nothing before the district meeting (P1)
        EXPECT_FALSE(o.reasons.empty());
      }
      m_db->acquire()->query("UPDATE cases SET state = 'distrikt' WHERE id = $1", {id});
    }
    return id;
  }

  std::vector<nlohmann::json> mails() {
    std::vector<nlohmann::json> out;
    for (const auto& r : m_db->acquire()->query("SELECT payload FROM jobs WHERE kind = 'mail.send' ORDER BY id").rows) {
      out.push_back(nlohmann::json::parse(r.text(0)));
    }
    return out;
  }

  std::string calendar_of(const nlohmann::json& mail) {
    for (const auto& p : mail.at("alternatives")) {
      if (p.at("content_type").get<std::string>().rfind("text/calendar", 0) == 0) return p.at("content");
    }
    return "";
  }

  // Convenes the first allowed type of the case's model with the leader invited.
  std::string convene_first(const std::string& case_id, std::int64_t start) {
    for (const auto& o : meetings->options(teacher, case_id, "same", now)) {
      if (!o.allowed) continue;
      service::ConveneRequest in;
      in.case_id = case_id;
      in.type_id = o.type_id;
      in.user_ids = {w.leader};
      in.starts_at_ms = start;
      in.location = "Skolen";
      return meetings->convene(teacher, in, now);
    }
    ADD_FAILURE() << "no type allowed";
    return "";
  }

  std::unique_ptr<service::ModelRegistry> registry;
  service::MeetingsConfig mconfig;
  std::unique_ptr<service::Meetings> meetings;
};

TEST_P(MeetingsServiceTest, EveryPresetConvenesATypeAllowedAtStart) {
  for (const char* id : {"ppr-vejen-ind", "frederiksberg-dialogmoede", "ringsted-samarbejdsmoeder",
                         "samarbejdsmodellen"}) {
    SCOPED_TRACE(id);
    const auto case_id = case_under(id);
    const auto options = meetings->options(teacher, case_id, "same", now);
    ASSERT_FALSE(options.empty());
    const auto meeting_id = convene_first(case_id, now + 30 * kDay);
    const auto view = meetings->get(teacher, meeting_id, now);
    EXPECT_EQ(view.meeting.status, "invited");
    EXPECT_EQ(view.meeting.model_id, id);
    EXPECT_EQ(view.my_response, "accepted");  // the convener
    EXPECT_GE(view.participants.size(), 2u);
  }
}

TEST_P(MeetingsServiceTest, RefusedTypeNamesReasonAndRule) {
  const auto case_id = case_under("ringsted-samarbejdsmoeder");
  const auto options = meetings->options(teacher, case_id, "same", now);
  const auto it = std::find_if(options.begin(), options.end(),
                               [](const auto& o) { return o.type_id == "fagprofessionelt_samarbejdsmoede"; });
  ASSERT_NE(it, options.end());
  EXPECT_FALSE(it->allowed);
  EXPECT_TRUE(it->without_parents);
  ASSERT_FALSE(it->reasons.empty());
  EXPECT_NE(it->reasons.front().find("FP2"), std::string::npos) << it->reasons.front();
  service::ConveneRequest in;
  in.case_id = case_id;
  in.type_id = "fagprofessionelt_samarbejdsmoede";
  in.starts_at_ms = now + 30 * kDay;
  try {
    meetings->convene(teacher, in, now);
    FAIL() << "convened a refused type";
  } catch (const service::Conflict& e) {
    EXPECT_NE(std::string(e.what()).find("FP2"), std::string::npos);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings"), 0);
}

TEST_P(MeetingsServiceTest, InvitationsCarryICalendarWithoutChildName) {
  const auto case_id = case_under("frederiksberg-dialogmoede");
  const auto id = convene_first(case_id, now + 30 * kDay);
  const auto sent = mails();
  ASSERT_GE(sent.size(), 2u);  // the parents and the leader at least
  const auto m = *storage::find_meeting(*m_db->acquire(), "t1", id);
  for (const auto& mail : sent) {
    const auto ics = calendar_of(mail);
    ASSERT_FALSE(ics.empty());
    EXPECT_EQ(ics.find("Alma"), std::string::npos);
    EXPECT_EQ(mail.at("text").get<std::string>().find("Alma"), std::string::npos);
    const auto parsed = calendar::parse_invitation(ics);
    EXPECT_EQ(parsed.method, "REQUEST");
    EXPECT_EQ(parsed.uid, m.ical_uid);
    EXPECT_EQ(parsed.sequence, 0);
    EXPECT_EQ(parsed.tzid, "Europe/Copenhagen");
    EXPECT_EQ(parsed.start_ms, *m.starts_at_ms);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'meeting' AND action = 'create'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE kind = 'meeting_convened'"), 1);
  // The engine moved the case on convening its dialogmøde (bekymring → aaben).
  EXPECT_EQ(cases->get(teacher, case_id, now).record.state, "aaben");
}

TEST_P(MeetingsServiceTest, SignedLinkAnswersOnceMoveRaisesSequenceCancelSendsCancel) {
  const auto case_id = case_under("frederiksberg-dialogmoede");
  const auto id = convene_first(case_id, now + 30 * kDay);
  // Find the mother's link in her mail.
  std::string token;
  for (const auto& mail : mails()) {
    if (mail.at("to").dump().find("g-mother") == std::string::npos) continue;
    const std::string text = mail.at("text");
    const auto at = text.find("/moeder/svar/");
    ASSERT_NE(at, std::string::npos);
    token = text.substr(at + 13, text.find('\n', at) - at - 13);
  }
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(meetings->respond_by_token(token, "accepted", now + 1).meeting_id, id);
  EXPECT_THROW(meetings->respond_by_token(token, "declined", now + 2), service::NotFound);
  EXPECT_THROW(meetings->respond_by_token("nonsense", "accepted", now + 2), service::NotFound);
  const auto view = meetings->get(mother, id, now);
  EXPECT_EQ(view.my_response, "accepted");
  EXPECT_TRUE(view.is_guardian);
  EXPECT_THROW(meetings->move(mother, id, now + 40 * kDay, 0, "", "", now), service::Forbidden);

  const auto before = mails().size();
  meetings->move(teacher, id, now + 40 * kDay, 0, "PPR", "Sygdom", now + 3);
  auto all = mails();
  ASSERT_GT(all.size(), before);
  const auto moved = calendar::parse_invitation(calendar_of(all.back()));
  EXPECT_EQ(moved.method, "REQUEST");
  EXPECT_EQ(moved.sequence, 1);
  EXPECT_EQ(moved.start_ms, now + 40 * kDay);
  EXPECT_EQ(meetings->get(mother, id, now).my_response, "pending");  // answers reset

  const auto before_cancel = all.size();
  EXPECT_THROW(meetings->cancel(teacher, id, "", now + 4), service::Invalid);
  meetings->cancel(teacher, id, "Ikke længere nødvendigt", now + 4);
  all = mails();
  ASSERT_GT(all.size(), before_cancel);
  const auto cancelled = calendar::parse_invitation(calendar_of(all.back()));
  EXPECT_EQ(cancelled.method, "CANCEL");
  EXPECT_EQ(cancelled.sequence, 2);
  EXPECT_EQ(meetings->get(teacher, id, now).meeting.cancel_reason, "Ikke længere nødvendigt");
  EXPECT_EQ(meetings->get(mother, id, now).meeting.cancel_reason, "");  // parents: cancelled, no reason
  {  // sealed at rest: the free text is not in the row
    auto lease = m_db->acquire();
    const auto row = storage::find_meeting(*lease, "t1", id);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->cancel_reason.find("nødvendigt"), std::string::npos);
  }
  EXPECT_THROW(meetings->respond(mother, id, "accepted", now + 5), service::Conflict);
}

TEST_P(MeetingsServiceTest, OutsidersAndOtherMunicipalitiesGetNotFound) {
  const auto case_id = case_under("frederiksberg-dialogmoede");
  const auto id = convene_first(case_id, now + 30 * kDay);
  EXPECT_THROW(meetings->get(stranger, id, now), service::NotFound);
  EXPECT_THROW(meetings->get(foreign, id, now), service::NotFound);
  EXPECT_THROW(meetings->get(other_parent, id, now), service::NotFound);
  EXPECT_THROW(meetings->options(stranger, case_id, "same", now), service::NotFound);
  EXPECT_THROW(meetings->options(mother, case_id, "same", now), service::Forbidden);
}

TEST_P(MeetingsServiceTest, ProfessionalsOnlyMeetingNeedsFp2AndIsHiddenFromParents) {
  service::CasesConfig cfg = m_config;
  cfg.model = registry->find("ringsted-samarbejdsmoeder");
  const auto case_id = case_under("ringsted-samarbejdsmoeder");
  // FP2: a single-discipline meeting with the parents held before, and the parents' consent.
  service::ConveneRequest mono;
  mono.case_id = case_id;
  mono.type_id = "monofagligt_moede";
  mono.starts_at_ms = now + kDay;
  const auto first = meetings->convene(teacher, mono, now);
  m_db->transaction([&](storage::Connection& c) {
    auto m = *storage::find_meeting(c, "t1", first);
    m.status = "held";
    m.held_at_ms = now + kDay;
    storage::update_meeting(c, m);
  });
  // FP7: a course started by a professionals-only meeting needs a new request form.
  mconfig.request_form_status = [](storage::Connection&, const std::string&, const std::string&,
                                   std::optional<std::int64_t>) { return domain::RequestFormStatus::new_or_updated; };
  meetings = std::make_unique<service::Meetings>(*m_db, mconfig);
  service::Consents consents_ringsted(*m_db, cfg);
  for (const auto* g : {&mother, &father}) {
    service::GiveConsent in;
    in.child_id = w.child;
    in.guardian_id = g->user_id;
    in.scope = "professionals_meet_without_parents";
    in.purpose = "Fagpersoner mødes";
    in.parties = "Skolen";
    in.source = "portal";
    consents_ringsted.give(*g, in, now);
  }
  service::ConveneRequest fp;
  fp.case_id = case_id;
  fp.type_id = "fagprofessionelt_samarbejdsmoede";
  fp.user_ids = {w.leader};
  fp.starts_at_ms = now + 20 * kDay;
  const auto id = meetings->convene(teacher, fp, now + 2 * kDay);
  const auto view = meetings->get(teacher, id, now + 2 * kDay);
  EXPECT_TRUE(view.meeting.without_parents);
  for (const auto& p : view.participants) EXPECT_NE(p.row.kind, "guardian");
  EXPECT_THROW(meetings->get(mother, id, now), service::NotFound);
  for (const auto& m : meetings->of_case(mother, case_id, now)) EXPECT_NE(m.id, id);
  const auto before = mails().size();
  meetings->inform_parents(teacher, id, now + 3 * kDay);
  EXPECT_EQ(mails().size(), before + 2);  // both custody holders
  EXPECT_TRUE(meetings->get(teacher, id, now).meeting.parents_informed_at_ms);
  EXPECT_THROW(meetings->inform_parents(teacher, id, now + 3 * kDay), service::Conflict);
}

// Issue 5 "Done when": a withdrawal immediately blocks a professionals-only meeting (FP2),
// and the professionals on the case are told by mail.
TEST_P(MeetingsServiceTest, WithdrawnConsentBlocksAProfessionalsOnlyMeetingAndTellsTheProfessionals) {
  service::CasesConfig cfg = m_config;
  cfg.model = registry->find("ringsted-samarbejdsmoeder");
  const auto case_id = case_under("ringsted-samarbejdsmoeder");
  service::ConveneRequest mono;
  mono.case_id = case_id;
  mono.type_id = "monofagligt_moede";
  mono.starts_at_ms = now + kDay;
  const auto first = meetings->convene(teacher, mono, now);
  m_db->transaction([&](storage::Connection& c) {
    auto m = *storage::find_meeting(c, "t1", first);
    m.status = "held";
    m.held_at_ms = now + kDay;
    storage::update_meeting(c, m);
  });
  mconfig.request_form_status = [](storage::Connection&, const std::string&, const std::string&,
                                   std::optional<std::int64_t>) { return domain::RequestFormStatus::new_or_updated; };
  meetings = std::make_unique<service::Meetings>(*m_db, mconfig);
  service::Consents consents_ringsted(*m_db, cfg);
  std::string fathers;
  for (const auto* g : {&mother, &father}) {
    service::GiveConsent in;
    in.child_id = w.child;
    in.guardian_id = g->user_id;
    in.scope = "professionals_meet_without_parents";
    in.purpose = "Fagpersoner mødes";
    in.parties = "Skolen";
    in.source = "portal";
    fathers = consents_ringsted.give(*g, in, now);
  }
  auto fp_option = [&](std::int64_t at) {
    for (const auto& o : meetings->options(teacher, case_id, "same", at)) {
      if (o.type_id == "fagprofessionelt_samarbejdsmoede") return o;
    }
    ADD_FAILURE() << "no professionals-only option";
    return service::ConveneOption{};
  };
  EXPECT_TRUE(fp_option(now + 2 * kDay).allowed);  // both custody holders consent: allowed

  auto withdrawal_mails = [&] {
    std::vector<std::string> to;
    for (const auto& m : mails()) {
      if (m.at("subject") != "Et samtykke er trukket tilbage") continue;
      EXPECT_NE(m.at("text").get<std::string>().find("Fagpersoner må mødes uden forældrene"), std::string::npos);
      to.push_back(m.at("to"));
    }
    return to;
  };
  EXPECT_TRUE(withdrawal_mails().empty());
  consents_ringsted.withdraw(father, fathers, now + 2 * kDay);
  // The professionals on the case (the teacher registered it) are told; the father is not.
  const auto email_of = [&](const std::string& id) {
    return m_db->acquire()->query("SELECT email FROM users WHERE id = $1", {id}).rows.at(0).text(0);
  };
  const auto told = withdrawal_mails();
  EXPECT_NE(std::find(told.begin(), told.end(), email_of(w.teacher)), told.end());
  EXPECT_EQ(std::find(told.begin(), told.end(), email_of(w.father)), told.end());

  const auto refused = fp_option(now + 3 * kDay);
  EXPECT_FALSE(refused.allowed);
  ASSERT_FALSE(refused.reasons.empty());
  EXPECT_NE(refused.reasons.front().find("FP2"), std::string::npos) << refused.reasons.front();
  const auto meetings_before = count("SELECT COUNT(*) FROM meetings");
  service::ConveneRequest fp;
  fp.case_id = case_id;
  fp.type_id = "fagprofessionelt_samarbejdsmoede";
  fp.user_ids = {w.leader};
  fp.starts_at_ms = now + 20 * kDay;
  try {
    meetings->convene(teacher, fp, now + 3 * kDay);
    FAIL() << "a professionals-only meeting was convened after the withdrawal";
  } catch (const service::Conflict& e) {
    EXPECT_NE(std::string(e.what()).find("FP2"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings"), meetings_before);
}

TEST_P(MeetingsServiceTest, SlotsAvoidEveryonesMeetingsAndSurviveAFailingCalendar) {
  const auto case_id = case_under("frederiksberg-dialogmoede");
  service::SlotSearch s;
  s.type_id = "dialogmoede";
  s.user_ids = {w.teacher, w.leader};
  s.count = 3;
  const auto free = meetings->find_slots(teacher, case_id, s, now);
  ASSERT_EQ(free.slots.size(), 3u);
  // Book the first free slot; it is no longer offered.
  service::ConveneRequest in;
  in.case_id = case_id;
  in.type_id = "dialogmoede";
  in.user_ids = {w.leader};
  in.starts_at_ms = free.slots[0].start_ms;
  meetings->convene(teacher, in, now);
  const auto after = meetings->find_slots(teacher, case_id, s, now);
  ASSERT_FALSE(after.slots.empty());
  for (const auto& slot : after.slots) {
    EXPECT_TRUE(slot.end_ms <= free.slots[0].start_ms || slot.start_ms >= free.slots[0].end_ms);
  }
  // An imported calendar that cannot be fetched is reported and ignored.
  mconfig.free_busy = [&](const std::string&, const std::string& user, std::int64_t, std::int64_t) {
    if (user == w.leader) throw std::runtime_error("timeout");
    return std::vector<service::FreeBusyInterval>{{after.slots[0].start_ms, after.slots[0].end_ms}};
  };
  service::Meetings with_calendars(*m_db, mconfig);
  const auto imported = with_calendars.find_slots(teacher, case_id, s, now);
  EXPECT_EQ(imported.calendar_failures, std::vector<std::string>{w.leader});
  ASSERT_FALSE(imported.slots.empty());
  EXPECT_NE(imported.slots[0].start_ms, after.slots[0].start_ms);
}

TEST_P(MeetingsServiceTest, ReminderGoesOnlyToThoseWhoHaveNotAnswered) {
  // R4.4: the invited accept within 10 working days; half-way a reminder job mails the ones
  // who have not answered. A samarbejdsmøde needs a request form completed with the parents.
  mconfig.request_form_status = [](storage::Connection&, const std::string&, const std::string&,
                                   std::optional<std::int64_t>) { return domain::RequestFormStatus::new_or_updated; };
  meetings = std::make_unique<service::Meetings>(*m_db, mconfig);
  const auto case_id = case_under("ringsted-samarbejdsmoeder");
  service::ConveneRequest in;
  in.case_id = case_id;
  in.type_id = "samarbejdsmoede";
  in.user_ids = {w.leader};
  in.starts_at_ms = now + 40 * kDay;
  const auto id = meetings->convene(teacher, in, now);
  const auto m = *storage::find_meeting(*m_db->acquire(), "t1", id);
  ASSERT_TRUE(m.acceptance_due_at_ms);
  EXPECT_GE(*m.acceptance_due_at_ms, now + 12 * kDay);  // 10 working days
  meetings->respond(mother, id, "accepted", now + 1);
  const auto reminders = [&] {
    return count("SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send' AND payload LIKE '%Påmindelse%'");
  };
  jobs::Worker worker(*m_db, {.worker_id = "test"});
  service::register_meeting_jobs(worker);
  worker.register_handler("mail.send", [](storage::Connection&, const jobs::Job&) {});
  worker.run_once(now + 1000);
  EXPECT_EQ(reminders(), 0);  // not due yet
  worker.run_once(*m.acceptance_due_at_ms);
  // The father and the leader have not answered; the mother and the convener have.
  EXPECT_EQ(reminders(), 2);
  std::string recipients;
  for (const auto& mail : mails()) {
    if (mail.at("subject").get<std::string>().find("Påmindelse") != std::string::npos) recipients += mail.at("to").dump();
  }
  EXPECT_EQ(recipients.find("g-mother"), std::string::npos) << recipients;
  EXPECT_NE(recipients.find("g-father"), std::string::npos) << recipients;
}

// Issue 6: the meeting page (Meetings::get) and the case page's meeting list (of_case) run as
// many statements for a case with 50 meetings as for one with 10: no query per meeting.
// The copies are written straight to storage (their road through the model is tested above).
TEST_P(MeetingsServiceTest, MeetingPagesRunABoundedNumberOfQueriesWithFiftyMeetings) {
  const auto case_id = case_under("frederiksberg-dialogmoede");
  const auto first = convene_first(case_id, now + 30 * kDay);
  ASSERT_FALSE(first.empty());
  int copies = 0;
  const auto add_copies = [&](int n) {
    m_db->transaction([&](storage::Connection& c) {
      const auto m = storage::find_meeting(c, "t1", first);
      const auto participants = storage::meeting_participants(c, "t1", first);
      const auto roles = storage::meeting_roles(c, "t1", first);
      for (int i = 0; i < n; ++i, ++copies) {
        auto copy = *m;
        copy.id = first + "-kopi-" + std::to_string(copies);
        copy.ical_uid = copy.id + "@samspil.test";
        copy.status = copies % 2 == 0 ? "held" : "invited";
        copy.starts_at_ms = *m->starts_at_ms - (copies + 1) * 7 * kDay;
        copy.ends_at_ms = *copy.starts_at_ms + 3600 * 1000;
        storage::insert_meeting(c, copy);
        for (auto p : participants) {
          const auto old_id = p.id;
          p.id = copy.id + "-" + p.id;
          p.meeting_id = copy.id;
          p.response_token_hash.clear();
          storage::insert_meeting_participant(c, p);
          for (auto r : roles) {
            if (r.participant_id != old_id) continue;
            r.meeting_id = copy.id;
            r.participant_id = p.id;
            r.delegated_from.clear();
            storage::upsert_meeting_role(c, r);
          }
        }
      }
    });
  };
  struct Counts {
    std::uint64_t page = 0, list = 0;
    std::size_t meetings = 0;
  };
  const auto measure = [&] {
    Counts out;
    const auto before = storage::statements_run_on_this_thread();
    const auto view = meetings->get(teacher, first, now);
    const auto between = storage::statements_run_on_this_thread();
    out.meetings = meetings->of_case(teacher, case_id, now).size();
    out.page = between - before;
    out.list = storage::statements_run_on_this_thread() - between;
    EXPECT_FALSE(view.participants.empty());
    return out;
  };
  add_copies(9);
  const auto ten = measure();
  add_copies(40);
  const auto fifty = measure();
  EXPECT_EQ(ten.meetings, 10u);
  EXPECT_EQ(fifty.meetings, 50u);
  EXPECT_GT(ten.page, 0u);  // the counter sees the engine's statements at all
  EXPECT_EQ(fifty.page, ten.page) << "the meeting page runs a query per meeting of the case";
  EXPECT_EQ(fifty.list, ten.list) << "the case's meeting list runs a query per meeting";
}

INSTANTIATE_TEST_SUITE_P(Engines, MeetingsServiceTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);


// Convening creates the agenda and the obligations at once (not on the first agenda view);
// moving moves their due times; an answer discharges the answerer's R4 obligation; a
// cancelled meeting owes nothing.
TEST_P(MeetingsServiceTest, ObligationsFollowConveneMoveAnswerAndCancel) {
  const auto case_id = case_under("samarbejdsmodellen");
  const std::int64_t start = now + 30 * kDay;
  const auto id = convene_first(case_id, start);
  ASSERT_FALSE(id.empty());
  auto obligations = [&] {
    return m_db->transaction([&](storage::Connection& c) { return service::obligations::of_meeting(c, "t1", id, now); });
  };
  auto find = [](const auto& list, const std::string& ob) -> const service::obligations::ObligationView* {
    for (const auto& o : list) if (o.obligation_id == ob) return &o;
    return nullptr;
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM meeting_agendas WHERE meeting_id = '" + id + "'"), 1);
  auto list = obligations();
  ASSERT_NE(find(list, "send_agenda"), nullptr);
  ASSERT_TRUE(find(list, "send_agenda")->due_at_ms.has_value());
  const std::int64_t due = *find(list, "send_agenda")->due_at_ms;
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = 'obligations.remind'") > 0, true);

  meetings->move(teacher, id, start + 7 * kDay, 0, "Skolen", "", now + 1);
  list = obligations();
  ASSERT_NE(find(list, "send_agenda"), nullptr);
  EXPECT_EQ(*find(list, "send_agenda")->due_at_ms, due + 7 * kDay);

  meetings->cancel(teacher, id, "Forældrene er flyttet", now + 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM obligations WHERE meeting_id = '" + id + "' AND done_at IS NULL"), 0);
}


}  // namespace
}  // namespace samspil::cases_testing
