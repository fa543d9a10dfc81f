#pragma once
// E-mail address syntax: the practical subset forms accept (RFC 5321 local@domain with a
// dotted domain), not every exotic form RFC 5322 allows.
#include <string_view>

namespace samspil::mail {

// True when the text looks like a deliverable address: one '@', a non-empty local part
// without spaces or control characters, a domain with at least one dot, at most 254 bytes.
bool is_valid_address(std::string_view address);

}  // namespace samspil::mail
