#include "edge/responses.hpp"

#include "net/percent_encoding.hpp"

namespace samspil::edge {
namespace {

// The plain filename= for clients without filename*: printable ASCII, quotes replaced.
std::string ascii_fallback(const std::string& s) {
  std::string out;
  for (unsigned char c : s) out.push_back(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? static_cast<char>(c) : '_');
  return out;
}

}  // namespace

http::Response no_store(http::Response response) {
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response download(const std::string& bytes, const std::string& content_type, const std::string& file_name) {
  http::Response r;
  r.status = 200;
  r.body = bytes;
  r.set_header("Content-Type", content_type);
  // RFC 5987 filename*= carries the UTF-8 name percent-encoded.
  r.set_header("Content-Disposition", "attachment; filename=\"" + ascii_fallback(file_name) +
                                          "\"; filename*=UTF-8''" + net::percent_encode(file_name));
  r.set_header("Cache-Control", "no-store");
  r.set_header("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace samspil::edge
