// Consent evaluation (X1): validity window, withdrawal not retroactive, expiry, and the
// one-or-every custody holder rule.
#include <gtest/gtest.h>

#include "domain/consent.hpp"

namespace samspil::domain {
namespace {

constexpr std::int64_t kDay = 86'400'000;
const std::string kScope = "ppr_request_single_child";

ConsentRecord given(std::string guardian, std::int64_t at, std::optional<std::int64_t> expires = std::nullopt,
                    std::optional<std::int64_t> withdrawn = std::nullopt, std::string scope = kScope) {
  return ConsentRecord{std::move(guardian), std::move(scope), at, expires, withdrawn};
}

TEST(Consent, SingleRecordWindow) {
  const struct {
    const char* name;
    ConsentRecord record;
    std::int64_t at;
    bool in_force;
  } cases[] = {
      {"before given", given("m", 10 * kDay), 9 * kDay, false},
      {"at given", given("m", 10 * kDay), 10 * kDay, true},
      {"long after, no expiry", given("m", 10 * kDay), 900 * kDay, true},
      {"before expiry", given("m", 10 * kDay, 20 * kDay), 20 * kDay - 1, true},
      {"at expiry", given("m", 10 * kDay, 20 * kDay), 20 * kDay, false},
      {"before withdrawal (not retroactive)", given("m", 10 * kDay, std::nullopt, 15 * kDay), 15 * kDay - 1, true},
      {"at withdrawal", given("m", 10 * kDay, std::nullopt, 15 * kDay), 15 * kDay, false},
      {"after withdrawal", given("m", 10 * kDay, std::nullopt, 15 * kDay), 16 * kDay, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(record_in_force(c.record, c.at), c.in_force);
  }
}

TEST(Consent, OneOrEveryCustodyHolder) {
  const std::vector<ConsentGuardian> two{{"mother", true}, {"father", true}};
  const std::vector<ConsentGuardian> with_foster{{"mother", true}, {"foster", false}};
  const std::int64_t t = 30 * kDay;
  const struct {
    const char* name;
    ConsentRequirement requirement;
    std::vector<ConsentGuardian> guardians;
    std::vector<ConsentRecord> records;
    bool in_force;
  } cases[] = {
      {"any: nobody consented", ConsentRequirement::any_custody_holder, two, {}, false},
      {"any: one of two", ConsentRequirement::any_custody_holder, two, {given("mother", kDay)}, true},
      {"every: one of two", ConsentRequirement::every_custody_holder, two, {given("mother", kDay)}, false},
      {"every: both", ConsentRequirement::every_custody_holder, two, {given("mother", kDay), given("father", 2 * kDay)}, true},
      {"every: both, one withdrew", ConsentRequirement::every_custody_holder, two,
       {given("mother", kDay), given("father", 2 * kDay, std::nullopt, 20 * kDay)}, false},
      {"any: both, one withdrew", ConsentRequirement::any_custody_holder, two,
       {given("mother", kDay), given("father", 2 * kDay, std::nullopt, 20 * kDay)}, true},
      {"every: both, one expired", ConsentRequirement::every_custody_holder, two,
       {given("mother", kDay), given("father", 2 * kDay, 29 * kDay)}, false},
      {"withdrawn, then given again", ConsentRequirement::every_custody_holder, {{"mother", true}},
       {given("mother", kDay, std::nullopt, 5 * kDay), given("mother", 10 * kDay)}, true},
      {"other scope does not count", ConsentRequirement::any_custody_holder, two,
       {given("mother", kDay, std::nullopt, std::nullopt, "share_with_participants")}, false},
      {"a guardian without custody cannot consent", ConsentRequirement::any_custody_holder, with_foster,
       {given("foster", kDay)}, false},
      {"every: the guardian without custody is not needed", ConsentRequirement::every_custody_holder, with_foster,
       {given("mother", kDay)}, true},
      {"no custody holder on file", ConsentRequirement::any_custody_holder, {}, {given("mother", kDay)}, false},
      {"consent from someone not a guardian", ConsentRequirement::any_custody_holder, two, {given("stranger", kDay)}, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(consent_in_force(c.requirement, c.guardians, c.records, kScope, t), c.in_force);
  }
}

TEST(Consent, ScopesInForceFollowTheModel) {
  Model model;
  model.consent_scopes = {{"ppr_request_single_child", "Henvendelse til PPR", {"P1"}},
                          {"professionals_meet_without_parents", "Fagpersoner uden forældre", {"FP2"}}};
  const std::vector<ConsentGuardian> one{{"mother", true}};
  const std::vector<ConsentRecord> records{given("mother", kDay), given("mother", kDay, std::nullopt, std::nullopt, "unknown")};
  const auto scopes = scopes_in_force(model, ConsentRequirement::every_custody_holder, one, records, 2 * kDay);
  EXPECT_EQ(scopes, (std::set<std::string>{"ppr_request_single_child"}));
  EXPECT_NE(find_consent_scope(model, "professionals_meet_without_parents"), nullptr);
  EXPECT_EQ(find_consent_scope(model, "nope"), nullptr);
  EXPECT_EQ(parse_consent_requirement("any"), ConsentRequirement::any_custody_holder);
  EXPECT_EQ(parse_consent_requirement("every"), ConsentRequirement::every_custody_holder);
  EXPECT_EQ(parse_consent_requirement("both"), std::nullopt);
}

}  // namespace
}  // namespace samspil::domain
