// The agenda and brief: made from the type's template with the speaking order (R5, R7, R8,
// F6), edited by the agenda owner only, sent to everyone invited through the outbox.
#include "agenda_fixture.hpp"

namespace samspil::agenda_testing {
namespace {

using service::Conflict;
using service::Forbidden;
using service::Invalid;
using service::NotFound;

class AgendaServiceTest : public AgendaTest {};

std::vector<std::string> titles(const service::AgendaView& v) {
  std::vector<std::string> out;
  for (const auto& i : v.items) out.push_back(i.title);
  return out;
}

TEST_P(AgendaServiceTest, EveryPresetTemplateBecomesTheAgendaWithItsSpeakingOrder) {
  int checked = 0;
  for (const domain::Model* m : m_models->all()) {
    for (const auto& type : m->meeting_types) {
      if (type.agendas.empty()) continue;
      const domain::Agenda* tpl = nullptr;
      for (const auto& a : type.agendas) if (a.kind == "initial") tpl = &a;
      if (!tpl) tpl = &type.agendas.front();
      const std::string id = convene(m->id, type.id, utc_ms(2027y / April / 8d, 7));
      const auto v = agendas->view(leader, id, 2000);
      ASSERT_EQ(v.items.size(), tpl->items.size()) << m->id << "/" << type.id;
      for (std::size_t i = 0; i < tpl->items.size(); ++i) {
        EXPECT_EQ(v.items[i].title, tpl->items[i].title);
        EXPECT_EQ(v.items[i].description, tpl->items[i].description);
        EXPECT_EQ(v.items[i].speaking_order, tpl->speaking_order) << "R5: under every item";
        EXPECT_EQ(v.items[i].position, static_cast<int>(i));
      }
      EXPECT_EQ(v.kind, tpl->kind);
      ++checked;
    }
  }
  EXPECT_GE(checked, 4) << "the presets carry agenda templates (R7, F7, FP7, P1)";
}

TEST_P(AgendaServiceTest, RingstedInitialAgendaIsR7AndTheFollowUpIsR8) {
  const std::string first = convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", utc_ms(2027y / April / 8d, 7));
  const auto v = agendas->view(leader, first, 2000);
  EXPECT_EQ(v.kind, "initial");
  EXPECT_EQ(titles(v), (std::vector<std::string>{"Velkommen", "Ressourcer hos barnet/den unge og omgivelserne",
                                                  "Udfordringer for barnet og omgivelserne", "Hvad skal der til?",
                                                  "Afslutning"}));
  EXPECT_EQ(v.speaking_order_labels,
            (std::vector<std::string>{"Forældre", "Barnet", "Lokale fagpersoner", "Eksterne fagpersoner"}));
  EXPECT_TRUE(v.may_edit);

  const std::string next =
      convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", utc_ms(2027y / June / 3d, 7), first);
  const auto f = agendas->view(leader, next, 2000);
  EXPECT_EQ(f.kind, "follow_up");
  EXPECT_TRUE(f.follow_up);
  ASSERT_EQ(f.items.size(), 5u);
  EXPECT_EQ(f.items[1].title, "Kort genopfriskning fra sidste møde");
  EXPECT_EQ(f.items[2].title, "Hvordan er det gået");
}

TEST_P(AgendaServiceTest, TheAgendaOwnerAddsMovesChangesAndRemovesItems) {
  const std::string id = convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", utc_ms(2027y / April / 8d, 7));
  const std::string added = agendas->add_item(leader, id, {"Skolevejen", "Alma går alene i skole"}, 3000);
  auto v = agendas->view(leader, id, 3000);
  ASSERT_EQ(v.items.size(), 6u);
  EXPECT_EQ(v.items.back().id, added);
  EXPECT_EQ(v.items.back().description, "Alma går alene i skole");
  EXPECT_EQ(v.items.back().source, "user");
  EXPECT_EQ(v.items.back().speaking_order.size(), 4u) << "a new item gets the agenda's speaking order";
  // The description is sealed at rest.
  m_db->transaction([&](storage::Connection& c) {
    const auto row = c.query("SELECT description_encrypted FROM meeting_agenda_items WHERE id = $1", {added});
    EXPECT_EQ(row.rows.at(0).text(0).find("Alma"), std::string::npos);
  });

  agendas->move_item(leader, id, added, -1, 3100);
  v = agendas->view(leader, id, 3100);
  EXPECT_EQ(v.items[4].id, added);
  EXPECT_EQ(v.items[5].title, "Afslutning");

  agendas->update_item(leader, id, v.items[0].id, {"Velkommen og præsentation", ""}, 3200);
  agendas->remove_item(leader, id, v.items[1].id, 3300);
  v = agendas->view(leader, id, 3300);
  ASSERT_EQ(v.items.size(), 5u);
  EXPECT_EQ(v.items[0].title, "Velkommen og præsentation");
  EXPECT_EQ(v.items[0].description, "");
  EXPECT_EQ(v.items[1].title, "Udfordringer for barnet og omgivelserne");
  for (std::size_t i = 0; i < v.items.size(); ++i) EXPECT_EQ(v.items[i].position, static_cast<int>(i));

  try {
    agendas->add_item(leader, id, {"  ", ""}, 3400);
    FAIL() << "an item without a title";
  } catch (const Invalid& e) {
    EXPECT_EQ(e.fields.count("title"), 1u);
  }
}

TEST_P(AgendaServiceTest, OnlyTheOwnerEditsParticipantsReadOutsidersSeeNothing) {
  const std::string id = convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", utc_ms(2027y / April / 8d, 7));
  EXPECT_FALSE(agendas->view(teacher, id, 2000).may_edit);
  EXPECT_EQ(agendas->view(mother, id, 2000).items.size(), 5u) << "an invited guardian reads the agenda";
  EXPECT_THROW(agendas->add_item(teacher, id, {"Punkt", ""}, 2000), Forbidden);
  EXPECT_THROW(agendas->send_agenda(teacher, id, 2000), Forbidden);
  EXPECT_THROW(agendas->save_brief(mother, id, "x", 2000), Forbidden);
  EXPECT_THROW(agendas->view(stranger, id, 2000), NotFound);
  EXPECT_THROW(agendas->view(foreign, id, 2000), NotFound);
  EXPECT_THROW(agendas->view(leader, "no-such-meeting", 2000), NotFound);
}

TEST_P(AgendaServiceTest, TheBriefIsSealedAndSavedByTheOwner) {
  const std::string id = convene("frederiksberg-dialogmoede", "dialogmoede", utc_ms(2027y / April / 8d, 7));
  EXPECT_EQ(agendas->brief(leader, id, 2000).text, "");
  agendas->save_brief(leader, id, "Alma har svært ved frikvartererne.", 2100);
  const auto b = agendas->brief(teacher, id, 2200);
  EXPECT_EQ(b.text, "Alma har svært ved frikvartererne.");
  EXPECT_EQ(b.owner_role, "agenda_owner");
  EXPECT_FALSE(b.may_edit);
  m_db->transaction([&](storage::Connection& c) {
    const auto row = c.query("SELECT body_encrypted FROM meeting_briefs WHERE meeting_id = $1", {id});
    EXPECT_EQ(row.rows.at(0).text(0).find("Alma"), std::string::npos);
  });
}

TEST_P(AgendaServiceTest, SendingTheAgendaMailsEveryoneALinkAndRecordsTheFact) {
  const std::int64_t start = utc_ms(2027y / April / 8d, 7);
  const std::string id = convene("samarbejdsmodellen", "samarbejdsmoede", start);
  // Samarbejdsmodellen has no template: the owner writes the agenda; sending an empty one is refused.
  EXPECT_THROW(agendas->send_agenda(leader, id, 5000), Invalid);
  agendas->add_item(leader, id, {"Velkommen", ""}, 5000);
  const int sent = agendas->send_agenda(leader, id, start - 8 * kDay);
  EXPECT_EQ(sent, 4) << "leader, teacher, mother and the network person";
  const auto mails = jobs("mail.send");
  ASSERT_EQ(mails.size(), 4u);
  std::set<std::string> to;
  for (const auto& m : mails) {
    to.insert(m.payload.at("to").is_array() ? m.payload.at("to").at(0).get<std::string>()
                                             : m.payload.at("to").get<std::string>());
    EXPECT_NE(m.payload.at("text").get<std::string>().find("https://samspil.test/moeder/" + id + "/dagsorden"),
              std::string::npos);
    EXPECT_EQ(m.payload.at("text").get<std::string>().find("Velkommen"), std::string::npos) << "a link only";
  }
  EXPECT_EQ(to, (std::set<std::string>{"p-leader@example.dk", "p-teacher@example.dk", "g-mother@example.dk",
                                       "net@example.dk"}));
  const auto v = agendas->view(leader, id, start - 8 * kDay);
  ASSERT_TRUE(v.agenda_sent_at_ms);
  EXPECT_EQ(*v.agenda_sent_at_ms, start - 8 * kDay);
  bool found = false;
  for (const auto& o : v.obligations) {
    if (o.obligation_id != "send_agenda") continue;
    found = true;
    EXPECT_EQ(o.status, "done");
  }
  EXPECT_TRUE(found);
}

TEST_P(AgendaServiceTest, ReplacingTheItemsKeepsKnownIdsAndOrder) {
  const std::string id = convene("ringsted-samarbejdsmoeder", "samarbejdsmoede", utc_ms(2027y / April / 8d, 7));
  auto v = agendas->view(leader, id, 2000);
  std::vector<service::Agendas::ItemPut> puts{{v.items[4].id, {"Afslutning", "Kort"}}, {"", {"Nyt punkt", ""}},
                                              {v.items[0].id, {"Velkommen", ""}}};
  agendas->replace_items(leader, id, puts, 2100);
  v = agendas->view(leader, id, 2100);
  ASSERT_EQ(v.items.size(), 3u);
  EXPECT_EQ(v.items[0].id, puts[0].id);
  EXPECT_EQ(v.items[0].description, "Kort");
  EXPECT_EQ(v.items[1].title, "Nyt punkt");
  EXPECT_EQ(v.items[2].id, puts[2].id);
  EXPECT_THROW(agendas->replace_items(leader, id, {{"", {"", ""}}}, 2200), Invalid);
}

INSTANTIATE_TEST_SUITE_P(Engines, AgendaServiceTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::agenda_testing
