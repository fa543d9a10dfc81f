// One broken model per validation error: the exact position and message of each, and that
// the loader reports every error rather than stopping at the first.
#include <gtest/gtest.h>

#include "model_test_support.hpp"

namespace samspil::domain {
namespace {

struct Broken {
  const char* file;  // under tests/domain/models/
  int line;
  int column;
  const char* message;
  std::size_t total_errors;
};

const Broken kBroken[] = {
    {"syntax-error.yaml", 9, 1, "YAML-syntaksfejl: end of sequence flow not found", 1},
    {"unknown-key.yaml", 12, 5, "Ukendt nøgle 'colour' i en mødetype (tilladt: id, name, purpose, rule, rules, initiators, participants, roles, default_duration_minutes, duration_adjustable, windows, may_run_past_windows, booking, agendas, documents, duties, child_perspective, ppv_decision, deadlines, preconditions)", 1},
    {"duplicate-key.yaml", 12, 5, "Nøglen 'default_duration_minutes' er angivet mere end én gang i en mødetype", 1},
    {"missing-name.yaml", 7, 5, "Mangler påkrævet nøgle 'name' i mødetypen 'm'", 1},
    {"unknown-profession.yaml", 9, 45, "Ukendt faggruppe eller relation 'laerer'", 1},
    {"unknown-role.yaml", 10, 28, "Ukendt rolle 'boss' (kendte roller: chair, convener, agenda_owner, minute_taker, participant_mapper, follow_up_contact, child_perspective, request_qualifier, item_submitter, process_owner, documentation_owner, participant, invitee)", 1},
    {"role-held-by-nobody.yaml", 13, 35, "Rollen 'minute_taker' i fristen 'send_minutes' varetages af ingen", 1},
    {"role-without-holder.yaml", 10, 13, "Rollen 'chair' varetages af ingen", 1},
    {"no-chair.yaml", 7, 5, "Rollen 'chair' (mødeleder) varetages af ingen i mødetypen 'm'", 1},
    {"holder-not-participant.yaml", 10, 20, "'psychologist' varetager rollen 'chair' men deltager ikke", 1},
    {"both-participant-and-excluded.yaml", 9, 57, "'parents' er både deltager og udelukket", 1},
    {"deadline-without-anchor.yaml", 13, 9, "Fristen 'send_agenda' er ikke forankret: angiv anchor (meeting_start, meeting_end, invitation_sent, item_submitted, request_submitted, case_closed)", 1},
    {"deadline-unknown-anchor.yaml", 13, 49, "Ukendt anker 'meeting_begin' for fristen 'send_agenda' (kendte ankre: meeting_start, meeting_end, invitation_sent, item_submitted, request_submitted, case_closed)", 1},
    {"deadline-unknown-fulfilment.yaml", 13, 90, "Ukendt opfyldelse 'agenda_mailed' for fristen 'send_agenda' (kendte: invitation_sent, agenda_sent, agreement_sent, response)", 1},
    {"parents-choose-date-without-parents.yaml", 12, 36, "Forældrene kan kun vælge dato i mødetypen 'm', hvis de altid deltager (participants.fixed: [parents])", 1},
    {"deadline-unknown-unit.yaml", 13, 82, "Ukendt enhed 'hverdage' (brug calendar_days, working_days eller weeks)", 1},
    {"duplicate-deadline-id.yaml", 14, 14, "Dubleret id 'send_agenda'", 1},
    {"transition-unknown-type.yaml", 13, 19, "Ukendt mødetype 'tvaerfagligt_dialogmoede'", 1},
    {"case-never-closes.yaml", 16, 12, "Tilstanden 'a' kan aldrig føre til en lukket sag", 2},
    {"case-without-closed-state.yaml", 13, 12, "Ingen tilstand er markeret closed: true, så en sag kan aldrig lukkes", 1},
    {"case-unknown-state.yaml", 18, 22, "Ukendt tilstand 'afsluttet'", 2},
    {"move-unknown-via.yaml", 18, 35, "Ukendt mødetype, forum eller hændelse 'dialogmoede'", 1},
    {"triage-unknown-decision.yaml", 20, 5, "Ukendt beslutning 'postpone' i case.triage (kendte: assign, more_info, redirect_kv, decline)", 1},
    {"triage-via-without-move.yaml", 19, 13, "Beslutningen 'assign' peger på 'distriktsmoede', som intet skift i case.moves går via", 1},
    {"window-from-after-to.yaml", 13, 9, "Tidsvinduet starter ikke før det slutter (from 15:00 er ikke før to 08:00)", 1},
    {"window-bad-clock.yaml", 13, 34, "Ugyldigt klokkeslæt '9.45' (brug TT:MM)", 1},
    {"window-unknown-weekday.yaml", 13, 19, "Ukendt ugedag 'mandig' (brug mandag … søndag)", 1},
    {"duplicate-id.yaml", 12, 9, "Dubleret id 'm' (første gang i {DIR}duplicate-id.yaml:7:9)", 1},
    {"invalid-id.yaml", 12, 9, "Ugyldigt id 'Møde2' (brug små bogstaver a-z, tal, _ og -)", 1},
    {"anonymous-forum-child-name.yaml", 19, 21, "Forummet 'kv' er anonymt men beder om den identificerende oplysning 'child_name' (X4)", 1},
    {"forum-unknown-cadence.yaml", 15, 31, "Ukendt kadence-enhed 'fortnights' (brug weeks, months, years eller none)", 1},
    {"invalid-duration.yaml", 11, 31, "Ugyldig varighed: 0 minutter (skal være mellem 1 og 1440)", 1},
    {"duration-not-a-number.yaml", 11, 31, "'default_duration_minutes' i mødetypen 'm' skal være et heltal, ikke 'halvanden time'", 1},
    {"include-not-found.yaml", 1, 11, "Filen '{DIR}findes-ikke.yaml' findes ikke eller kan ikke læses", 1},
    {"unknown-consent.yaml", 13, 19, "Ukendt samtykke 'professionals_meet'", 1},
    {"precondition-two-kinds.yaml", 13, 9, "En forudsætning skal have netop én af consent, held_before, request_form og tried_recorded", 1},
    {"held-before-unknown-type.yaml", 13, 24, "Ukendt mødetype 'samarbejdsmoede'", 1},
    {"invalid-rule-id.yaml", 9, 11, "Ugyldigt regel-id 'regel-7' (forventet fx F1, R10 eller FP2)", 1},
    {"invalid-closing-day.yaml", 12, 25, "Ugyldig lukkedag '02-30' (brug MM-DD for hvert år eller ÅÅÅÅ-MM-DD)", 1},
    {"unknown-document-kind.yaml", 13, 16, "Ukendt dokumenttype 'referat' (kendte: request_form, brief, agenda, agreement, minutes, evaluation, action_plan, ppv, consent, task_card, invitation)", 1},
    {"not-a-bool.yaml", 12, 26, "'duration_adjustable' i mødetypen 'm' skal være true eller false, ikke 'måske'", 1},
    {"empty-file.yaml", 1, 1, "Filen er tom; en model er en tabel (nøgle: værdi)", 1},
};

const std::string kDir = test::source_path("tests/domain/models/");

std::string expand(std::string s) {
  const std::string token = "{DIR}";
  if (auto at = s.find(token); at != std::string::npos) s.replace(at, token.size(), kDir);
  return s;
}

class BrokenModel : public ::testing::TestWithParam<Broken> {};

TEST_P(BrokenModel, ReportsExactPositionAndMessage) {
  const Broken& b = GetParam();
  const auto r = load_model(kDir + b.file, test::read_file);
  EXPECT_FALSE(r.model.has_value());
  std::string all;
  for (const auto& e : r.errors) all += e.to_string() + "\n";
  const std::string want = kDir + b.file + ":" + std::to_string(b.line) + ":" + std::to_string(b.column) + ": " + expand(b.message);
  const bool found = std::any_of(r.errors.begin(), r.errors.end(), [&](const Diagnostic& d) { return d.to_string() == want; });
  EXPECT_TRUE(found) << "want: " << want << "\ngot:\n" << all;
  EXPECT_EQ(r.errors.size(), b.total_errors) << all;
}

std::string test_name(const ::testing::TestParamInfo<Broken>& info) {
  std::string name;
  for (const char* c = info.param.file; *c && *c != '.'; ++c) name += (*c == '-') ? '_' : *c;
  return name;
}

INSTANTIATE_TEST_SUITE_P(OnePerValidationError, BrokenModel, ::testing::ValuesIn(kBroken), test_name);

TEST(ModelErrors, IncludeCycleIsReportedAtTheIncludeThatClosesIt) {
  const auto r = load_model(kDir + "include-cycle-a.yaml", test::read_file);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].to_string(), kDir + "include-cycle-b.yaml:1:11: Include-løkke: " + kDir +
                                         "include-cycle-a.yaml -> " + kDir + "include-cycle-b.yaml -> " + kDir +
                                         "include-cycle-a.yaml");
}

TEST(ModelErrors, BrokenIncludeIsReportedWithoutFollowOnErrors) {
  const auto r = load_model(kDir + "include-broken.yaml", test::read_file);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].to_string(), kDir + "syntax-error.yaml:9:1: YAML-syntaksfejl: end of sequence flow not found");
}

TEST(ModelErrors, EveryErrorIsReportedInFileOrder) {
  const auto r = load_model(kDir + "many-errors.yaml", test::read_file);
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].line, 9);
  EXPECT_EQ(r.errors[0].message, "Ukendt faggruppe eller relation 'laerer'");
  EXPECT_EQ(r.errors[1].line, 10);
  EXPECT_EQ(r.errors[2].line, 11);
  EXPECT_EQ(r.errors[2].message, "Ugyldig varighed: -5 minutter (skal være mellem 1 og 1440)");
  EXPECT_EQ(r.errors[3].line, 12);
}

TEST(ModelErrors, MissingRootFile) {
  const auto r = load_model("nowhere.yaml", [](const std::string&) { return std::optional<std::string>(); });
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].to_string(), "nowhere.yaml:1:1: Filen 'nowhere.yaml' findes ikke eller kan ikke læses");
}

TEST(ModelErrors, MinimalModelLoads) {
  const auto r = load_model(kDir + "ok-minimal.yaml", test::read_file);
  ASSERT_TRUE(r.model.has_value()) << (r.errors.empty() ? "" : r.errors[0].to_string());
  EXPECT_EQ(r.model->meeting_types.size(), 1u);
  EXPECT_EQ(r.model->meeting_types[0].default_duration_minutes, 60);
}

// Garbage must never crash the loader: each input yields a model or diagnostics.
TEST(ModelErrors, OddInputsGiveDiagnosticsNotCrashes) {
  const std::string inputs[] = {
      "", "[]", "- a\n- b\n", "id: [\n", "{id: x, name: y, meeting_types: 5}", "id: x\nname: y\nprofessions: {a: b}\n",
      "id: x\nname: y\nmeeting_types: [{id: m, roles: [chair]}]\n", "id: x\nname: y\ncase: {states: [{id: a}], moves: [5]}\n",
      "? [a, b]\n: c\n", "id: x\nname: y\nclosing_days: [{date: [1]}]\n", std::string(2000, '['),
  };
  for (const std::string& input : inputs) {
    const std::string text = input;
    const auto r = load_model("x.yaml", [&](const std::string&) { return std::optional<std::string>(text); });
    EXPECT_TRUE(r.model.has_value() || !r.errors.empty()) << input;
  }
}

}  // namespace
}  // namespace samspil::domain
