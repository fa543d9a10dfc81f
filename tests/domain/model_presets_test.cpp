// The four presets load, and every SPEC rule id is expressed where the seeds put it.
#include <gtest/gtest.h>

#include <algorithm>

#include "model_test_support.hpp"

namespace samspil::domain {
namespace {

using test::load_ok;

const char* kFrederiksberg = "models/frederiksberg-dialogmoede.yaml";
const char* kPpr = "models/ppr-vejen-ind.yaml";
const char* kRingsted = "models/ringsted-samarbejdsmoeder.yaml";
const char* kSamarbejdsmodellen = "models/samarbejdsmodellen.yaml";

TEST(ModelPresets, AllFourLoadWithoutErrors) {
  for (const char* preset : {kFrederiksberg, kPpr, kRingsted, kSamarbejdsmodellen}) {
    auto r = test::load(preset);
    std::string all;
    for (const auto& e : r.errors) all += e.to_string() + "\n";
    EXPECT_TRUE(r.model.has_value()) << preset << "\n" << all;
  }
}

// Rule id -> the preset and the element (a prefix of RuleRef::where) that expresses it.
struct Coverage {
  const char* rule;
  const char* preset;
  const char* where;
};

const Coverage kCoverage[] = {
    {"F1", kFrederiksberg, "meeting_types[dialogmoede].participants"},
    {"F2", kFrederiksberg, "meeting_types[dialogmoede].initiators"},
    {"F3", kFrederiksberg, "meeting_types[dialogmoede].preconditions"},
    {"F4", kFrederiksberg, "meeting_types[dialogmoede].booking"},
    {"F5", kFrederiksberg, "meeting_types[dialogmoede]"},
    {"F6", kFrederiksberg, "meeting_types[dialogmoede].deadlines[send_brief]"},
    {"F7", kFrederiksberg, "meeting_types[dialogmoede].ppv_decision"},
    {"F8", kFrederiksberg, "meeting_types[dialogmoede].deadlines[send_agreement]"},
    {"F9", kFrederiksberg, "case.moves[lukket->aaben]"},
    {"P1", kPpr, "case.moves[kv->henvendelse]"},
    {"P2", kPpr, "forums[kv_skole].deadlines[submit_forum_item]"},
    {"P3", kPpr, "professions[ppr_psychologist]"},
    {"P4", kPpr, "action_plan"},
    {"P5", kPpr, "action_plan"},
    {"R1", kRingsted, "meeting_types[samarbejdsmoede].initiators"},
    {"R2", kRingsted, "meeting_types[tvaerfagligt_dialogmoede].roles.chair"},
    {"R3", kRingsted, "meeting_types[samarbejdsmoede].roles.request_qualifier"},
    {"R4", kRingsted, "meeting_types[samarbejdsmoede].deadlines[accept_invitation]"},
    {"R5", kRingsted, "meeting_types[samarbejdsmoede].agendas[initial]"},
    {"R6", kRingsted, "meeting_types[samarbejdsmoede].duties[sum_up_each_item]"},
    {"R7", kRingsted, "meeting_types[samarbejdsmoede].agendas[initial]"},
    {"R8", kRingsted, "meeting_types[samarbejdsmoede].agendas[follow_up]"},
    {"R9", kRingsted, "meeting_types[samarbejdsmoede].documents[evaluation]"},
    {"R10", kRingsted, "transitions[samarbejdsmoede->tvaerfagligt_dialogmoede]"},
    {"R11", kRingsted, "meeting_types[samarbejdsmoede].duties[inform_parents_of_sparring]"},
    {"FP1", kRingsted, "meeting_types[fagprofessionelt_samarbejdsmoede]"},
    {"FP2", kRingsted, "meeting_types[fagprofessionelt_samarbejdsmoede].preconditions"},
    {"FP3", kRingsted, "meeting_types[fagprofessionelt_samarbejdsmoede].participants"},
    {"FP4", kRingsted, "meeting_types[fagprofessionelt_samarbejdsmoede].windows"},
    {"FP5", kRingsted, "meeting_types[fagprofessionelt_samarbejdsmoede].roles.chair"},
    {"FP6", kRingsted, "meeting_types[fagprofessionelt_samarbejdsmoede].duties[secure_consent]"},
    {"FP7", kRingsted, "transitions[monofagligt_moede->fagprofessionelt_samarbejdsmoede]"},
    {"FP8", kRingsted, "professions[leader]"},
    {"FP9", kRingsted, "meeting_types[fagprofessionelt_samarbejdsmoede].roles.documentation_owner"},
    {"S1", kSamarbejdsmodellen, "forums[maanedligt_moede]"},
    {"S2", kSamarbejdsmodellen, "forums[maanedligt_moede]"},
    {"S3", kSamarbejdsmodellen, "forums[socialraadgiver_paa_stedet]"},
    {"S4", kSamarbejdsmodellen, "forums[aarligt_moede]"},
    {"S5", kSamarbejdsmodellen, "meeting_types[samarbejdsmoede].roles.chair"},
    {"S6", kSamarbejdsmodellen, "meeting_types[netvaerksmoede].roles.chair"},
    {"S7", kSamarbejdsmodellen, "meeting_types[samarbejdsmoede].deadlines[send_agenda]"},
    {"S8", kSamarbejdsmodellen, "transitions[netvaerksmoede->samarbejdsmoede]"},
};

class RuleCoverage : public ::testing::TestWithParam<Coverage> {};

TEST_P(RuleCoverage, PresetExpressesRule) {
  const Coverage& c = GetParam();
  const Model m = load_ok(c.preset);
  const bool found = std::any_of(m.rule_refs.begin(), m.rule_refs.end(), [&](const RuleRef& r) {
    return r.rule == c.rule && r.where.rfind(c.where, 0) == 0;
  });
  EXPECT_TRUE(found) << c.rule << " not expressed at " << c.where << " in " << c.preset;
}

INSTANTIATE_TEST_SUITE_P(AllSpecRules, RuleCoverage, ::testing::ValuesIn(kCoverage),
                         [](const auto& info) { return std::string(info.param.rule); });

TEST(ModelPresets, TableNamesEverySpecRuleId) {
  std::vector<std::string> ids;
  for (int i = 1; i <= 9; ++i) ids.push_back("F" + std::to_string(i));
  for (int i = 1; i <= 5; ++i) ids.push_back("P" + std::to_string(i));
  for (int i = 1; i <= 11; ++i) ids.push_back("R" + std::to_string(i));
  for (int i = 1; i <= 9; ++i) ids.push_back("FP" + std::to_string(i));
  for (int i = 1; i <= 8; ++i) ids.push_back("S" + std::to_string(i));
  for (const auto& id : ids) {
    const bool listed = std::any_of(std::begin(kCoverage), std::end(kCoverage),
                                    [&](const Coverage& c) { return id == c.rule; });
    EXPECT_TRUE(listed) << id;
  }
}

TEST(ModelPresets, ObligationIdsFromTheSeeds) {
  struct Want {
    const char* preset;
    const char* type;
    const char* id;
    int offset;
    DayUnit unit;
    const char* anchor;
    const char* rule;
  };
  const Want wants[] = {
      {kFrederiksberg, "dialogmoede", "send_brief", -7, DayUnit::calendar_days, "meeting_start", "F6"},
      {kFrederiksberg, "dialogmoede", "send_agreement", 7, DayUnit::calendar_days, "meeting_end", "F8"},
      {kRingsted, "samarbejdsmoede", "accept_invitation", 10, DayUnit::working_days, "invitation_sent", "R4"},
      {kRingsted, "tvaerfagligt_dialogmoede", "accept_invitation", 10, DayUnit::working_days, "invitation_sent", "R4"},
      {kSamarbejdsmodellen, "samarbejdsmoede", "send_agenda", -7, DayUnit::calendar_days, "meeting_start", "S7"},
      {kSamarbejdsmodellen, "netvaerksmoede", "send_minutes", 7, DayUnit::calendar_days, "meeting_end", "S7"},
  };
  for (const auto& w : wants) {
    const Model m = load_ok(w.preset);
    const MeetingType* t = m.meeting_type(w.type);
    ASSERT_NE(t, nullptr) << w.type;
    auto it = std::find_if(t->deadlines.begin(), t->deadlines.end(), [&](const DeadlineRule& d) { return d.id == w.id; });
    ASSERT_NE(it, t->deadlines.end()) << w.type << " " << w.id;
    EXPECT_EQ(it->offset, w.offset) << w.id;
    EXPECT_EQ(it->unit, w.unit) << w.id;
    EXPECT_EQ(it->anchor, w.anchor) << w.id;
    EXPECT_EQ(it->rule, w.rule) << w.id;
  }
  const Model ppr = load_ok(kPpr);
  for (const char* kv : {"kv_skole", "kv_dagtilbud"}) {
    const Forum* f = ppr.forum(kv);
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(f->deadlines.size(), 1u);
    EXPECT_EQ(f->deadlines[0].id, "submit_forum_item");
    EXPECT_EQ(f->deadlines[0].offset, -5);
    EXPECT_EQ(f->deadlines[0].rule, "P2");
    EXPECT_TRUE(f->anonymous);
    EXPECT_FALSE(f->minutes);
  }
  EXPECT_EQ(ppr.forum("kv_skole")->cadence.every, 2);
  EXPECT_EQ(ppr.forum("kv_dagtilbud")->cadence.every, 6);
}

TEST(ModelPresets, MeetingTypeDetails) {
  const Model r = load_ok(kRingsted);
  const MeetingType* fp = r.meeting_type("fagprofessionelt_samarbejdsmoede");
  ASSERT_NE(fp, nullptr);
  ASSERT_EQ(fp->windows.size(), 2u);
  EXPECT_EQ(fp->windows[0].weekday, 1);
  EXPECT_EQ(fp->windows[0].from_minute, 8 * 60);
  EXPECT_EQ(fp->windows[0].to_minute, 15 * 60);
  EXPECT_EQ(fp->windows[1].weekday, 4);
  EXPECT_EQ(fp->windows[1].from_minute, 9 * 60 + 45);
  EXPECT_EQ(fp->windows[1].to_minute, 16 * 60);
  EXPECT_TRUE(fp->may_run_past_windows);
  EXPECT_EQ(fp->participants.excluded, (std::vector<std::string>{"parents", "child"}));

  const MeetingType* sm = r.meeting_type("samarbejdsmoede");
  ASSERT_NE(sm, nullptr);
  ASSERT_EQ(sm->agendas.size(), 2u);
  EXPECT_EQ(sm->agendas[0].items.size(), 5u);
  EXPECT_EQ(sm->agendas[0].items[3].title, "Hvad skal der til?");
  EXPECT_EQ(sm->agendas[1].items[1].title, "Kort genopfriskning fra sidste møde");
  EXPECT_EQ(sm->agendas[0].speaking_order,
            (std::vector<std::string>{"parents", "child", "local_professionals", "external_professionals"}));
  const RoleAssignment* minutes = sm->role("minute_taker");
  ASSERT_NE(minutes, nullptr);
  EXPECT_TRUE(minutes->delegable);
  EXPECT_EQ(minutes->delegable_to, (std::vector<std::string>{"external_professionals"}));

  const Model f = load_ok(kFrederiksberg);
  const MeetingType* d = f.meeting_type("dialogmoede");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->default_duration_minutes, 90);
  EXPECT_TRUE(d->duration_adjustable);
  EXPECT_TRUE(d->booking.fixed_slots);
  EXPECT_TRUE(d->ppv_decision.required);
  EXPECT_TRUE(d->child_perspective.required);
  using namespace std::chrono;
  EXPECT_EQ(f.closing_days.yearly.size(), 3u);
  EXPECT_EQ(f.closing_days.yearly[0], June / 5);
  EXPECT_EQ(f.closing_days.yearly[1], December / 24);

  const Model s = load_ok(kSamarbejdsmodellen);
  ASSERT_NE(s.meeting_type("netvaerksmoede"), nullptr);
  EXPECT_EQ(s.meeting_type("netvaerksmoede")->role("chair")->holders, (std::vector<std::string>{"social_worker"}));
  EXPECT_TRUE(s.forum("maanedligt_moede")->shared_agenda);
  EXPECT_FALSE(s.forum("socialraadgiver_paa_stedet")->has_agenda);
  EXPECT_FALSE(s.forum("socialraadgiver_paa_stedet")->minutes);
  EXPECT_EQ(s.forum("aarligt_moede")->cadence.unit, CadenceUnit::years);
}

// Which move each of PPR's decisions makes is the model's data (case.triage), not the code's.
TEST(ModelPresets, TriageDecisionsNameTheModelsMoves) {
  const Model m = load_ok(kPpr);
  EXPECT_EQ(m.case_machine.triage_via("assign"), "distriktsmoede");
  EXPECT_EQ(m.case_machine.triage_via("more_info"), "flere_oplysninger");
  EXPECT_EQ(m.case_machine.triage_via("redirect_kv"), "henvist_til_kv");
  EXPECT_EQ(m.case_machine.triage_via("decline"), "henvendelse_afvist");
  EXPECT_EQ(m.case_machine.triage_via("postpone"), "");
  // A model without PPR's intake offers no triage.
  EXPECT_TRUE(load_ok(kFrederiksberg).case_machine.triage.empty());
}

TEST(ModelPresets, CombinedModelIncludesPprIntakeAndRingstedMeetings) {
  const Model m = load_ok("models/examples/ppr-med-ringsted.yaml");
  EXPECT_EQ(m.id, "ppr-med-ringsted");
  EXPECT_NE(m.forum("kv_skole"), nullptr);
  EXPECT_NE(m.meeting_type("opstartsmoede"), nullptr);
  EXPECT_NE(m.meeting_type("fagprofessionelt_samarbejdsmoede"), nullptr);
  // common/professions.yaml is reached twice (diamond) but read once: no duplicate ids.
  EXPECT_EQ(std::count(m.files.begin(), m.files.end(), test::source_path("models/common/professions.yaml")), 1);
}

TEST(ModelLoader, ReadsIncludesThroughTheInjectedReader) {
  std::map<std::string, std::string> files = {
      {"dir/root.yaml", "id: r\nname: R\ninclude: [sub/part.yaml]\n"},
      {"dir/sub/part.yaml", "include: [../../common.yaml]\nconsent_scopes:\n  - {id: a, name: A}\n"},
      {"common.yaml", "professions:\n  - {id: leader, name: Leder, side: local}\n"},
  };
  std::vector<std::string> asked;
  auto r = load_model("dir/root.yaml", [&](const std::string& p) -> std::optional<std::string> {
    asked.push_back(p);
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  });
  ASSERT_TRUE(r.model) << (r.errors.empty() ? "" : r.errors[0].to_string());
  EXPECT_EQ(asked, (std::vector<std::string>{"dir/root.yaml", "dir/sub/part.yaml", "common.yaml"}));
  EXPECT_EQ(r.model->professions.size(), 1u);
  EXPECT_EQ(r.model->consent_scopes.size(), 1u);
}

}  // namespace
}  // namespace samspil::domain
