// CPR validation. The century table is the CPR office's (digit 7 = first digit of the
// serial part); the modulus-11 rule is kept as a warning only because the CPR office has
// issued numbers without it since 2007.
#include "domain/cpr.hpp"

#include <cctype>

namespace samspil::domain {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int two(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

}  // namespace

int cpr_century_year(int yy, int seventh) {
  if (seventh <= 3) return 1900 + yy;
  if (seventh == 4 || seventh == 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;  // 5–8
}

bool cpr_modulus11(std::string_view d) {
  static constexpr int weights[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  if (d.size() != 10 || !all_digits(d)) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) sum += weights[i] * (d[i] - '0');
  return sum % 11 == 0;
}

std::string mask_cpr(std::string_view d) {
  if (d.size() != 10) return "xxxxxx-xxxx";
  return std::string(d.substr(0, 6)) + "-xxxx";
}

CprCheck check_cpr(std::string_view input) {
  CprCheck out;
  std::string_view s = trim(input);
  std::string digits;
  if (s.size() == 11 && s[6] == '-' && all_digits(s.substr(0, 6)) && all_digits(s.substr(7))) {
    digits = std::string(s.substr(0, 6)) + std::string(s.substr(7));
  } else if (s.size() == 10 && all_digits(s)) {
    digits = std::string(s);
  } else {
    out.error = "CPR-nummeret skal have formen DDMMÅÅ-XXXX eller 10 cifre";
    return out;
  }
  const int day = two(digits, 0);
  const int month = two(digits, 2);
  const int year = cpr_century_year(two(digits, 4), digits[6] - '0');
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) {
    out.error = "CPR-nummeret indeholder ikke en gyldig fødselsdato";
    return out;
  }
  out.valid = true;
  out.digits = digits;
  out.birth_date = date;
  out.modulus11 = cpr_modulus11(digits);
  if (!out.modulus11) {
    out.warning = "CPR-nummeret opfylder ikke modulus 11-kontrollen. Det kan være korrekt (numre uden kontrolciffer udstedes siden 2007), men kontrollér det";
  }
  return out;
}

}  // namespace samspil::domain
