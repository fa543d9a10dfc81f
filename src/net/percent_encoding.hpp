#pragma once
// Percent-encoding (RFC 3986) of a value for a URL query, a form body or an RFC 5987
// header parameter, shared by the pages and the outbound client; decoding an incoming
// value is http::percent_decode (http/message.hpp).
#include <string>
#include <string_view>

namespace samspil::net {

// Every byte but the unreserved ones (A-Z a-z 0-9 - _ . ~) and those in also_keep as %XX.
std::string percent_encode(std::string_view in, std::string_view also_keep = {});

}  // namespace samspil::net
