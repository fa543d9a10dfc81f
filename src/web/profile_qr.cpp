#include "web/profile_qr.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace samspil::web {

namespace {

std::string escape_xml(std::string_view in) {
  std::string out;
  for (char c : in) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string qr_svg(std::string_view text, std::string_view label) {
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
  const std::string t = std::to_string(total);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + escape_xml(label) +
         "\" viewBox=\"0 0 " + t + " " + t + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\">"
         "<rect width=\"" + t + "\" height=\"" + t + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace samspil::web
