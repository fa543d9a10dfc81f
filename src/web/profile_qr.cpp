#include "web/profile_qr.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <utility>

namespace samspil::web {

QrSvg qr_svg(std::string_view text) {
  const std::string input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) throw std::runtime_error("QR encoding failed");
  const int size = code->width;
  const int quiet = 4;  // the quiet zone readers need
  const int total = size + 2 * quiet;
  std::string path;
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      if (code->data[y * size + x] & 1) {
        path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
      }
    }
  }
  return {total, std::move(path)};
}

}  // namespace samspil::web
