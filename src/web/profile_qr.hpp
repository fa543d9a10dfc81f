#pragma once
// A QR code for the TOTP set-up (libqrencode), drawn on the server as SVG path data, so no
// script and no third party sees the secret. The template owns the <svg> markup and escapes
// the values like any other (no unescaped HTML from C++).
#include <string>
#include <string_view>

namespace samspil::web {

struct QrSvg {
  int size = 0;      // the viewBox side, quiet zone included
  std::string path;  // SVG path data: one "Mx yh1v1h-1z" square per dark module
};

// Encodes text at error-correction level M.
QrSvg qr_svg(std::string_view text);

}  // namespace samspil::web
