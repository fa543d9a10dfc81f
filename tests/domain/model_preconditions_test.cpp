// Which meeting types may be convened now, and which case moves are allowed: table-driven
// over the presets, with the exact Danish reasons and rule ids.
#include <gtest/gtest.h>

#include "domain/preconditions.hpp"
#include "model_test_support.hpp"

namespace samspil::domain {
namespace {

const char* kFrederiksberg = "models/frederiksberg-dialogmoede.yaml";
const char* kPpr = "models/ppr-vejen-ind.yaml";
const char* kRingsted = "models/ringsted-samarbejdsmoeder.yaml";
const char* kSamarbejdsmodellen = "models/samarbejdsmodellen.yaml";

const Model& preset(const std::string& path) {
  static std::map<std::string, Model> cache;
  auto it = cache.find(path);
  if (it == cache.end()) it = cache.emplace(path, test::load_ok(path)).first;
  return it->second;
}

const std::string kFpName = "Fagprofessionelt samarbejdsmøde";
const std::string kNoConsentFp2 = "Forældrenes samtykke til at fagpersoner mødes uden dem mangler (FP2, FP6)";

struct ConveneCase {
  const char* name;
  const char* preset;
  CaseHistory history;
  const char* type;
  Course course;
  std::vector<std::string> reasons;  // empty = allowed
};

std::vector<ConveneCase> convene_cases() {
  using RF = RequestFormStatus;
  return {
      {"FP2_nothing_held_no_consent", kRingsted, {"", {}, {}, RF::missing, false}, "fagprofessionelt_samarbejdsmoede", Course::same,
       {kFpName + " kan ikke være sagens første møde (FP2, FP6, FP7)", kNoConsentFp2,
        "Der skal først have været et monofagligt møde med forældrene eller et Samarbejdsmøde/TDM (FP2)"}},
      {"FP2_after_samarbejdsmoede_with_consent", kRingsted,
       {"forloeb", {"samarbejdsmoede"}, {"professionals_meet_without_parents"}, RF::existing, false},
       "fagprofessionelt_samarbejdsmoede", Course::same, {}},
      {"FP2_after_samarbejdsmoede_consent_withdrawn", kRingsted, {"forloeb", {"samarbejdsmoede"}, {}, RF::existing, false},
       "fagprofessionelt_samarbejdsmoede", Course::same, {kNoConsentFp2}},
      {"FP7_after_monofagligt_needs_request_form", kRingsted,
       {"ny", {"monofagligt_moede"}, {"professionals_meet_without_parents"}, RF::missing, false},
       "fagprofessionelt_samarbejdsmoede", Course::same, {"Et nyt eller opdateret anmodningsskema mangler (FP7)"}},
      {"R4_first_samarbejdsmoede_needs_request_form", kRingsted, {"ny", {}, {}, RF::missing, false}, "samarbejdsmoede",
       Course::same, {"Et nyt eller opdateret anmodningsskema mangler (R4)"}},
      {"R4_first_samarbejdsmoede_with_request_form", kRingsted, {"ny", {}, {}, RF::new_or_updated, false},
       "samarbejdsmoede", Course::same, {}},
      {"R10_follow_up_samarbejdsmoede_needs_no_form", kRingsted, {"forloeb", {"samarbejdsmoede"}, {}, RF::existing, false},
       "samarbejdsmoede", Course::same, {}},
      {"R10_follow_up_with_new_course_needs_form", kRingsted, {"forloeb", {"samarbejdsmoede"}, {}, RF::existing, false},
       "samarbejdsmoede", Course::new_course, {"Et nyt eller opdateret anmodningsskema mangler (R10)"}},
      {"R10_escalation_to_tdm_needs_form", kRingsted, {"forloeb", {"samarbejdsmoede"}, {}, RF::existing, false},
       "tvaerfagligt_dialogmoede", Course::same, {"Et nyt eller opdateret anmodningsskema mangler (R10)"}},
      {"R10_escalation_to_tdm_with_updated_form", kRingsted, {"forloeb", {"samarbejdsmoede"}, {}, RF::new_or_updated, false},
       "tvaerfagligt_dialogmoede", Course::same, {}},
      {"R10_closed_case_only_reopens_with_a_meeting", kRingsted,
       {"afsluttet", {"samarbejdsmoede"}, {"professionals_meet_without_parents"}, RF::existing, false},
       "fagprofessionelt_samarbejdsmoede", Course::same,
       {"Sagen er lukket, så " + kFpName +
        " kan ikke indkaldes; et nyt behov starter med et nyt møde: Samarbejdsmøde eller Tværfagligt Dialogmøde (R10)"}},
      {"F3_nothing_tried_recorded", kFrederiksberg, {"", {}, {}, RF::missing, false}, "dialogmoede", Course::same,
       {"Det er ikke registreret, hvad dagtilbuddet/skolen selv har afprøvet inden for egne rammer (F3)"}},
      {"F3_tried_recorded", kFrederiksberg, {"", {}, {}, RF::missing, true}, "dialogmoede", Course::same, {}},
      {"F9_closed_case_new_dialogmoede", kFrederiksberg, {"lukket", {"dialogmoede"}, {}, RF::missing, true}, "dialogmoede",
       Course::same, {}},
      {"P1_startup_before_district_meeting", kPpr, {"henvendelse", {}, {}, RF::existing, false}, "opstartsmoede",
       Course::same, {"Opstartsmøde kan ikke indkaldes, mens sagen er i tilstanden 'Henvendelse sendt til PPR' (P1)"}},
      {"P1_startup_after_district_meeting", kPpr, {"distrikt", {}, {}, RF::existing, false}, "opstartsmoede", Course::same, {}},
      {"P1_startup_without_sos_form", kPpr, {"distrikt", {}, {}, RF::missing, false}, "opstartsmoede", Course::same,
       {"Der er ikke sendt et udfyldt SOS-skema til PPR (P1)"}},
      {"S8_samarbejdsmoede_to_netvaerksmoede", kSamarbejdsmodellen, {"samarbejde", {"samarbejdsmoede"}, {}, RF::missing, false},
       "netvaerksmoede", Course::same, {}},
      {"S8_netvaerksmoede_to_samarbejdsmoede", kSamarbejdsmodellen, {"netvaerk", {"netvaerksmoede"}, {}, RF::missing, false},
       "samarbejdsmoede", Course::same, {}},
      {"unknown_type", kSamarbejdsmodellen, {}, "kaffemoede", Course::same, {"Ukendt mødetype 'kaffemoede'"}},
  };
}

class Convene : public ::testing::TestWithParam<ConveneCase> {};

TEST_P(Convene, AllowedOrRefusedWithReasons) {
  const ConveneCase& c = GetParam();
  const ConveneCheck got = check_convene(preset(c.preset), c.history, c.type, c.course);
  std::vector<std::string> reasons;
  for (const auto& r : got.refusals) reasons.push_back(r.reason);
  EXPECT_EQ(reasons, c.reasons);
  EXPECT_EQ(got.allowed, c.reasons.empty());
}

INSTANTIATE_TEST_SUITE_P(Presets, Convene, ::testing::ValuesIn(convene_cases()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Convene, RefusalsCarryRuleIds) {
  const CaseHistory h{"forloeb", {"samarbejdsmoede"}, {}, RequestFormStatus::existing, false};
  const auto got = check_convene(preset(kRingsted), h, "fagprofessionelt_samarbejdsmoede");
  ASSERT_EQ(got.refusals.size(), 1u);
  EXPECT_EQ(got.refusals[0].rules, (RuleIds{"FP2", "FP6"}));
}

TEST(Convene, OptionsListEveryMeetingType) {
  const CaseHistory h{"ny", {}, {}, RequestFormStatus::new_or_updated, false};
  const auto options = convene_options(preset(kRingsted), h);
  ASSERT_EQ(options.size(), preset(kRingsted).meeting_types.size());
  std::map<std::string, bool> allowed;
  for (const auto& o : options) allowed[o.meeting_type] = o.allowed;
  EXPECT_TRUE(allowed["samarbejdsmoede"]);
  EXPECT_TRUE(allowed["tvaerfagligt_dialogmoede"]);
  EXPECT_TRUE(allowed["monofagligt_moede"]);
  EXPECT_FALSE(allowed["fagprofessionelt_samarbejdsmoede"]);
}

struct MoveCase {
  const char* name;
  const char* preset;
  CaseHistory history;
  const char* to;
  const char* via;
  std::vector<std::string> reasons;  // empty = allowed
};

std::vector<MoveCase> move_cases() {
  using RF = RequestFormStatus;
  return {
      {"P1_request_about_one_child_needs_consent", kPpr, {"kv", {}, {}, RF::existing, false}, "henvendelse",
       "henvendelse_enkeltbarn", {"Samtykke mangler: Henvendelse til PPR om et enkelt barn (P1)"}},
      {"P1_request_about_one_child_with_consent", kPpr, {"kv", {}, {"ppr_request_single_child"}, RF::existing, false},
       "henvendelse", "henvendelse_enkeltbarn", {}},
      {"P1_request_about_a_group_needs_no_consent", kPpr, {"kv", {}, {}, RF::existing, false}, "henvendelse",
       "henvendelse_gruppe", {}},
      {"P1_intake_path_cannot_skip_kv", kPpr, {"bekymring", {}, {}, RF::missing, false}, "henvendelse",
       "henvendelse_gruppe", {"Sagen kan ikke gå fra 'Bekymring for en gruppe/klasse eller et barn' til 'Henvendelse sendt til PPR' (P1)"}},
      {"P1_kv_via_school_forum", kPpr, {"intern_sparring", {}, {}, RF::missing, false}, "kv", "kv_skole", {}},
      {"P1_district_meeting_assigns_staff", kPpr, {"henvendelse", {}, {}, RF::existing, false}, "distrikt", "distriktsmoede", {}},
      {"F9_reopen_without_meeting", kFrederiksberg, {"lukket", {}, {}, RF::missing, true}, "aaben", "",
       {"Skiftet fra 'PPR-sag lukket' til 'PPR-sag åben' kræver: Dialogmøde (F9)"}},
      {"F9_reopen_with_new_dialogmoede", kFrederiksberg, {"lukket", {}, {}, RF::missing, true}, "aaben", "dialogmoede", {}},
      {"F9_close_case", kFrederiksberg, {"aaben", {}, {}, RF::missing, true}, "lukket", "samarbejde_afsluttet", {}},
      // F9 on the road into PPR: a closed case leaves lukket only through a new start-up meeting.
      {"F9_ppr_closed_case_no_back_door_to_sparring", kPpr, {"lukket", {}, {}, RF::existing, true}, "intern_sparring",
       "sparring_holdt", {"Sagen kan ikke gå fra 'Afsluttet' til 'Intern sparring på skole/dagtilbud' (F9)"}},
      {"F9_ppr_reopen_without_meeting", kPpr, {"lukket", {}, {}, RF::existing, true}, "forloeb", "",
       {"Skiftet fra 'Afsluttet' til 'PPR-forløb i gang' kræver: Opstartsmøde (F9)"}},
      {"F9_ppr_reopen_with_new_opstartsmoede", kPpr, {"lukket", {}, {}, RF::existing, true}, "forloeb", "opstartsmoede", {}},
      {"S8_move_between_forums", kSamarbejdsmodellen, {"samarbejde", {}, {}, RF::missing, false}, "netvaerk", "netvaerksmoede", {}},
      {"unknown_state", kSamarbejdsmodellen, {"samarbejde", {}, {}, RF::missing, false}, "arkiv", "", {"Ukendt tilstand 'arkiv'"}},
  };
}

class Move : public ::testing::TestWithParam<MoveCase> {};

TEST_P(Move, AllowedOrRefusedWithReasons) {
  const MoveCase& c = GetParam();
  const MoveCheck got = check_move(preset(c.preset), c.history, c.to, c.via);
  std::vector<std::string> reasons;
  for (const auto& r : got.refusals) reasons.push_back(r.reason);
  EXPECT_EQ(reasons, c.reasons);
  EXPECT_EQ(got.allowed, c.reasons.empty());
  if (got.allowed) {
    ASSERT_NE(got.move, nullptr);
    EXPECT_EQ(got.move->to, c.to);
  }
}

INSTANTIATE_TEST_SUITE_P(Presets, Move, ::testing::ValuesIn(move_cases()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Move, PprClosedCaseLeavesOnlyThroughAMeeting) {
  // F9: every move out of lukket is a meeting type's (convening it reopens the case).
  const auto& model = preset(kPpr);
  const auto moves = moves_from(model, "lukket");
  ASSERT_FALSE(moves.empty());
  for (const auto* m : moves) {
    EXPECT_NE(model.meeting_type(m->via), nullptr) << "lukket -> " << m->to << " via " << m->via;
  }
  const CaseHistory closed{"lukket", {}, {}, RequestFormStatus::existing, true};
  const auto start = check_convene(model, closed, "opstartsmoede");
  EXPECT_TRUE(start.allowed);
  const auto pre = check_convene(model, closed, "formoede");
  ASSERT_FALSE(pre.allowed);
  bool cites_f9 = false;
  for (const auto& r : pre.refusals) cites_f9 = cites_f9 || r.reason.find("F9") != std::string::npos;
  EXPECT_TRUE(cites_f9);
}

TEST(Move, MovesFromListsTheIntakeStep) {
  const auto moves = moves_from(preset(kPpr), "intern_sparring");
  std::vector<std::string> vias;
  for (const auto* m : moves) vias.push_back(m->via);
  EXPECT_EQ(vias, (std::vector<std::string>{"kv_skole", "kv_dagtilbud", "bekymring_loest"}));
}

}  // namespace
}  // namespace samspil::domain
