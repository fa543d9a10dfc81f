// CPR numbers: format, the century table, real dates, modulus 11 only as a warning.
#include <gtest/gtest.h>

#include "domain/cpr.hpp"

namespace samspil::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

year_month_day ymd(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}; }

struct ValidCase {
  const char* input;
  year_month_day birth;
  bool modulus11;
};

TEST(Cpr, ValidNumbersGiveTheBirthDateByTheCenturyTable) {
  const ValidCase cases[] = {
      {"070761-4285", ymd(1961, 7, 7), true},     // digit 4, year 61 > 36 → 1900s
      {"0707614285", ymd(1961, 7, 7), true},      // 10 digits without the dash
      {"  070761-4285 ", ymd(1961, 7, 7), true},  // surrounding spaces
      {"010190-1234", ymd(1990, 1, 1), false},    // digit 0–3 → 1900s
      {"010100-3000", ymd(1900, 1, 1), true},
      {"010100-4000", ymd(2000, 1, 1), false},    // digit 4, year ≤ 36 → 2000s
      {"010136-4000", ymd(2036, 1, 1), false},
      {"010137-4000", ymd(1937, 1, 1), false},
      {"010136-9000", ymd(2036, 1, 1), false},    // digit 9 like 4
      {"010137-9000", ymd(1937, 1, 1), true},
      {"010157-5000", ymd(2057, 1, 1), false},    // digit 5–8, year ≤ 57 → 2000s
      {"010158-8000", ymd(1858, 1, 1), false},    // digit 5–8, year > 57 → 1800s
      {"010115-6000", ymd(2015, 1, 1), false},
      {"290200-4000", ymd(2000, 2, 29), false},   // 2000 is a leap year
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    const auto r = check_cpr(c.input);
    ASSERT_TRUE(r.valid) << r.error;
    ASSERT_TRUE(r.birth_date.has_value());
    EXPECT_EQ(*r.birth_date, c.birth);
    EXPECT_EQ(r.digits.size(), 10u);
    EXPECT_EQ(r.modulus11, c.modulus11);
    EXPECT_EQ(r.warning.empty(), c.modulus11);
    EXPECT_TRUE(r.error.empty());
  }
}

TEST(Cpr, BadFormatOrDateIsRefusedWithADanishMessage) {
  const struct {
    const char* input;
    const char* error;
  } cases[] = {
      {"", "CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre"},
      {"abc", "CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre"},
      {"01019-01234", "CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre"},
      {"010190 1234", "CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre"},
      {"010190-123", "CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre"},
      {"01019012345", "CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre"},
      {"010190-12a4", "CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre"},
      {"310490-1234", "CPR-nummeret indeholder ikke en gyldig fødselsdato"},  // 31 April
      {"290200-1000", "CPR-nummeret indeholder ikke en gyldig fødselsdato"},  // 1900 not a leap year
      {"001390-1234", "CPR-nummeret indeholder ikke en gyldig fødselsdato"},
      {"011390-1234", "CPR-nummeret indeholder ikke en gyldig fødselsdato"},  // month 13
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    const auto r = check_cpr(c.input);
    EXPECT_FALSE(r.valid);
    EXPECT_EQ(r.error, c.error);
    EXPECT_TRUE(r.digits.empty());
    EXPECT_FALSE(r.birth_date.has_value());
  }
}

TEST(Cpr, CenturyTable) {
  EXPECT_EQ(cpr_century_year(99, 0), 1999);
  EXPECT_EQ(cpr_century_year(0, 3), 1900);
  EXPECT_EQ(cpr_century_year(36, 4), 2036);
  EXPECT_EQ(cpr_century_year(37, 4), 1937);
  EXPECT_EQ(cpr_century_year(57, 7), 2057);
  EXPECT_EQ(cpr_century_year(58, 7), 1858);
  EXPECT_EQ(cpr_century_year(36, 9), 2036);
  EXPECT_EQ(cpr_century_year(99, 9), 1999);
}

TEST(Cpr, Modulus11AndMasking) {
  EXPECT_TRUE(cpr_modulus11("0707614285"));
  EXPECT_FALSE(cpr_modulus11("0707614286"));
  EXPECT_FALSE(cpr_modulus11("070761428"));
  EXPECT_EQ(mask_cpr("0707614285"), "070761-xxxx");
  EXPECT_EQ(mask_cpr("bad"), "xxxxxx-xxxx");
}

}  // namespace
}  // namespace samspil::domain
