// Demo meetings (issue 6, issue 7 item 6): the demo family's daycare child Emma gets a case in
// the PPR district state, and after the demo's transaction has committed the demo's own staff
// act through the SERVICES as a user would: the pedagogue fills in the request form with the
// parent, the PPR psychologist convenes the start-up meeting (opstartsmøde), the leader and the
// parent accept, the psychologist writes, reads back and confirms the agreement (PDF/A), and
// convenes the follow-up meeting the leader accepted and the parent has not answered yet. A
// second meeting (a formøde without the parents) is convened on demo-case-033 in the leader's
// daycare. So `make run` shows meetings on "Mit overblik", the case pages and the parent portal,
// and the browser run has meeting pages to check.
#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/demo/demo.hpp"
#include "service/agenda/agenda.hpp"
#include "service/agreements/agreements.hpp"
#include "service/identity/sessions.hpp"
#include "service/meetings/meetings.hpp"
#include "service/request_forms/request_forms.hpp"
#include "storage/case_store.hpp"
#include "storage/consent_store.hpp"
#include "storage/event_store.hpp"

namespace samspil::demo::demo_detail {
using namespace samspil::service;
namespace {

constexpr const char* kTenant = "demo";
constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kHour = 3'600'000;

const char* kEmmaCase = "demo-case-emma";

Actor actor_of(storage::Database& db, const DemoIds& ids, const std::string& email) {
  std::optional<Actor> actor;
  db.transaction([&](storage::Connection& conn) { actor = sessions::load_actor(conn, kTenant, ids.users.at(email)); });
  if (!actor) throw std::runtime_error("demo: no actor for " + email);
  return *actor;
}

// 10:00 Danish winter time (09:00 UTC) on the day `days` after now.
std::int64_t at_ten(std::int64_t now_ms, int days) { return (now_ms / kDay + days) * kDay + 9 * kHour; }

// Everyone the type's rules propose (selected, with an account) plus `extra`.
std::vector<std::string> invitees(const ConveneProposal& proposal, const std::vector<std::string>& extra) {
  std::vector<std::string> out;
  for (const auto& p : proposal.participants)
    if (p.selected && !p.user_id.empty()) out.push_back(p.user_id);
  for (const auto& e : extra)
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  return out;
}

}  // namespace

void seed_family_case(storage::Connection& conn, const DemoIds& ids, const crypto::FieldCipher* cipher,
                      std::int64_t now_ms) {
  const std::string pedagogue = ids.users.at("paedagog@demo-kommune.invalid");
  const std::string psychologist = ids.users.at("psykolog@demo-kommune.invalid");
  const std::string guardian = ids.users.at("foraelder@demo-kommune.invalid");
  const std::string district_lead = ids.users.at("ppr-leder@demo-kommune.invalid");
  const std::int64_t opened = now_ms - 40 * kDay;
  storage::CaseRecord c;
  c.id = kEmmaCase;
  c.tenant = kTenant;
  c.child_id = "demo-child-emma";
  c.model_id = "ppr-vejen-ind";
  c.state = "distrikt";
  c.title = "Sprog og leg i børnehaven";
  c.unit_id = ids.units.at("solsikken");
  c.created_by = pedagogue;
  c.opened_at_ms = c.created_at_ms = opened;
  if (cipher != nullptr) c.tried_encrypted = cipher->seal("Demo: små legegrupper og billedstøtte i fire uger.");
  c.tried_recorded_at_ms = opened + 10 * kDay;
  c.ppr_unit_id = ids.units.at("ppr");
  c.ppr_requested_at_ms = opened + 24 * kDay;
  c.assigned_to = psychologist;
  c.updated_at_ms = opened + 30 * kDay;
  storage::insert_case(conn, c);
  // The custody holder's consent to the request about one child (P1), given in the portal.
  storage::insert_consent(conn, {"demo-consent-emma", kTenant, c.child_id, guardian, "ppr_request_single_child",
                                 "Henvendelse til PPR om Emmas sprog", "Børnehuset Solsikken og PPR",
                                 opened + 23 * kDay, "portal", "", std::nullopt, std::nullopt, guardian,
                                 opened + 23 * kDay});
  const std::vector<storage::CaseEventRow> events{
      {"demo-event-emma-1", kTenant, c.id, opened, pedagogue, "registered", R"({"state":"bekymring"})"},
      {"demo-event-emma-2", kTenant, c.id, opened + 7 * kDay, pedagogue, "moved",
       R"({"from":"bekymring","to":"intern_sparring","via":"sparring_holdt"})"},
      {"demo-event-emma-3", kTenant, c.id, opened + 14 * kDay, pedagogue, "moved",
       R"({"from":"intern_sparring","to":"kv","via":"kv_dagtilbud"})"},
      {"demo-event-emma-4", kTenant, c.id, opened + 24 * kDay, pedagogue, "moved",
       R"({"from":"kv","to":"henvendelse","via":"henvendelse_enkeltbarn","ppr_unit_id":"demo-unit-ppr"})"},
      {"demo-event-emma-5", kTenant, c.id, opened + 30 * kDay, pedagogue, "moved",
       R"({"from":"henvendelse","to":"distrikt","via":"distriktsmoede"})"},
      {"demo-event-emma-6", kTenant, c.id, opened + 30 * kDay, district_lead, "assigned",
       R"({"user_id":")" + psychologist + R"("})"},
  };
  for (const auto& e : events) storage::append_case_event(conn, e);
  storage::upsert_participant(conn, kTenant, {c.id, pedagogue, "initiator", opened});
  storage::upsert_participant(conn, kTenant, {c.id, psychologist, "ppr_staff", opened});
}

void add_demo_meetings(storage::Database& db, const DemoIds& ids, const ModelRegistry& models,
                       const crypto::FieldCipher& cipher, std::int64_t now_ms) {
  const Actor pedagogue = actor_of(db, ids, "paedagog@demo-kommune.invalid");
  const Actor psychologist = actor_of(db, ids, "psykolog@demo-kommune.invalid");
  const Actor leader = actor_of(db, ids, "leder@demo-kommune.invalid");
  const Actor guardian = actor_of(db, ids, "foraelder@demo-kommune.invalid");

  // The request form, filled in with the parent (R4): the start-up meeting needs it (P1).
  RequestForms forms(db, {&models, nullptr, &cipher});
  const auto draft = [&](const char* step, std::map<std::string, std::string> answers,
                         std::optional<std::string> perspective, std::optional<std::string> type) {
    forms.save_draft(pedagogue, kEmmaCase, {step, std::move(answers), std::move(type), std::move(perspective)},
                     now_ms - 12 * kDay);
  };
  draft("concern", {{"concern", "Emma taler mest med de voksne og trækker sig fra legen i grupper."},
                    {"tried", "Små legegrupper med to børn og billedstøtte i fire uger."}},
        std::nullopt, std::nullopt);
  draft("child", {{"resources", "Emma er glad for at tegne og bygge."},
                  {"child_view", "Emma siger, at hun gerne vil lege med Alma."}},
        std::string("obtained"), std::nullopt);
  draft("parents", {{"parents_view", "Derhjemme taler Emma meget og leger godt med sin bror."}}, std::nullopt,
        std::nullopt);
  draft("meeting", {{"invitees", "Psykolog, pædagog og leder"}}, std::nullopt, std::string("opstartsmoede"));
  forms.complete(pedagogue, kEmmaCase, {{guardian.user_id}, true, "demo-request-form-emma"}, now_ms - 12 * kDay);

  MeetingsConfig mc;
  mc.models = &models;
  mc.cipher = &cipher;
  Meetings meetings(db, mc);

  // The start-up meeting: convened, accepted, held and its agreement confirmed.
  const auto start_up = meetings.propose(psychologist, kEmmaCase, "opstartsmoede", now_ms);
  ConveneRequest first;
  first.case_id = kEmmaCase;
  first.type_id = "opstartsmoede";
  first.user_ids = invitees(start_up, {leader.user_id, pedagogue.user_id, guardian.user_id});
  first.starts_at_ms = at_ten(now_ms, 1);
  first.location = "Børnehuset Solsikken, mødelokalet";
  const std::string held = meetings.convene(psychologist, first, now_ms);
  meetings.respond(leader, held, "accepted", now_ms);
  meetings.respond(guardian, held, "accepted", now_ms);
  meetings.respond(pedagogue, held, "accepted", now_ms);

  Agreements agreements(db, {&models, &cipher, nullptr, "", false});
  AgreementContent content;
  content.resources = "Emma er glad for at tegne og bygge, og hun har en god ven i gruppen.";
  content.challenges = "Emma trækker sig fra legen, når gruppen er stor.";
  content.goals = "Emma deltager i leg med to til tre børn hver dag.";
  content.signs_child = "Emma tager selv initiativ til leg i den lille gruppe.";
  content.signs_adults = "De voksne sætter små legegrupper i gang hver formiddag.";
  content.child_perspective = "Emma vil gerne lege med Alma og bygge huler.";
  content.next_meeting = "Opfølgende møde om seks uger.";
  const auto stepped = agreements.step(psychologist, held, 1, now_ms);
  agreements.save(psychologist, held, stepped.version, content,
                  {{"Små legegrupper hver formiddag", leader.user_id, "", now_ms + 14 * kDay},
                   {"Fortæl om Emmas leg derhjemme", "", "Forældrene", std::nullopt}},
                  now_ms);
  agreements.read_back(psychologist, held, now_ms);
  agreements.confirm(psychologist, held, now_ms);

  // The follow-up meeting: the leader accepted, the parent has not answered yet.
  ConveneRequest follow;
  follow.case_id = kEmmaCase;
  follow.type_id = "opfoelgende_moede";
  follow.follow_up_of = held;
  const auto follow_up = meetings.propose(psychologist, kEmmaCase, "opfoelgende_moede", now_ms);
  follow.user_ids = invitees(follow_up, {leader.user_id, guardian.user_id});
  follow.starts_at_ms = at_ten(now_ms, 43);
  follow.location = "Børnehuset Solsikken, mødelokalet";
  const std::string next = meetings.convene(psychologist, follow, now_ms);
  meetings.respond(leader, next, "accepted", now_ms);
  // Its agenda from the type's template (made on first view), with the brief.
  Agendas agendas(db, {&models, &cipher, {}});
  agendas.view(psychologist, next, now_ms);
  agendas.save_brief(psychologist, next,
                     "Vi ser på, hvordan de små legegrupper er gået, og justerer handleplanen.", now_ms);

  // A formøde without the parents on a case in the leader's daycare: the leader accepted.
  const std::string other_case = "demo-case-033";
  const auto pre = meetings.propose(psychologist, other_case, "formoede", now_ms);
  ConveneRequest formoede;
  formoede.case_id = other_case;
  formoede.type_id = "formoede";
  formoede.user_ids = invitees(pre, {leader.user_id});
  formoede.starts_at_ms = at_ten(now_ms, 3);
  formoede.location = "PPR Distrikt Vest";
  const std::string pre_meeting = meetings.convene(psychologist, formoede, now_ms);
  meetings.respond(leader, pre_meeting, "accepted", now_ms);
}

}  // namespace samspil::demo::demo_detail
