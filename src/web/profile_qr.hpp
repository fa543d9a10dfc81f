#pragma once
// A QR code as inline SVG markup (libqrencode), for the TOTP set-up: drawn on the server, so
// no script and no third party sees the secret.
#include <string>
#include <string_view>

namespace samspil::web {

// An <svg> element (role="img" with the given Danish label) encoding text at level M.
std::string qr_svg(std::string_view text, std::string_view label);

}  // namespace samspil::web
