#pragma once
// CPR numbers (det centrale personregister): format, birth date with the century rule from
// the 7th digit, and the modulus-11 check. Numbers issued since 2007 need not satisfy
// modulus 11, so a failed check is only a warning. Pure: no I/O, no logging (a CPR number
// must never reach a log).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace samspil::domain {

struct CprCheck {
  bool valid = false;
  std::string digits;                                 // the 10 digits when valid, else ""
  std::optional<std::chrono::year_month_day> birth_date;  // when valid
  bool modulus11 = false;                             // the classic check digit holds
  std::string error;                                  // Danish, when not valid
  std::string warning;                                // Danish, when valid but modulus 11 fails
};

// Checks "DDMMYY-SSSS" or "DDMMYYSSSS" (surrounding spaces ignored).
CprCheck check_cpr(std::string_view input);

// The full year for a two-digit year and the 7th digit of the number (the official table).
int cpr_century_year(int two_digit_year, int seventh_digit);

// True when the weighted sum (4,3,2,7,6,5,4,3,2,1) of the 10 digits is divisible by 11.
bool cpr_modulus11(std::string_view ten_digits);

// "DDMMYY-SSSS" → "DDMMYY-xxxx": for showing that a number is on file without showing it.
std::string mask_cpr(std::string_view ten_digits);

}  // namespace samspil::domain
