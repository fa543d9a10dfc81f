// Response serialisation: default security headers unless the handler set its own, framing
// owned by the server, and no header splitting through CR/LF in handler-set values.
#include <gtest/gtest.h>

#include "http/wire.hpp"

namespace samspil::http {
namespace {

TEST(Wire, AddsDefaultsAndLength) {
  Response r = Response::text(200, "hej");
  std::string out;
  EXPECT_TRUE(serialize_head(out, r, {false, true, false, "abc12345"}));
  EXPECT_EQ(out.rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_NE(out.find("\r\nContent-Length: 3\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nX-Request-Id: abc12345\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nX-Content-Type-Options: nosniff\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nReferrer-Policy: no-referrer\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nX-Frame-Options: DENY\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nContent-Security-Policy: default-src 'self'; script-src 'self'"), std::string::npos);
  EXPECT_EQ(out.find("Connection:"), std::string::npos);
  EXPECT_EQ(out.find("Server:"), std::string::npos);
  EXPECT_EQ(out.substr(out.size() - 4), "\r\n\r\n");
}

TEST(Wire, HandlerHeadersWinOverDefaults) {
  Response r = Response::html(200, "<p>");
  r.set_header("Content-Security-Policy", "default-src 'none'");
  r.set_header("x-frame-options", "SAMEORIGIN");
  std::string out;
  serialize_head(out, r, {});
  EXPECT_NE(out.find("Content-Security-Policy: default-src 'none'\r\n"), std::string::npos);
  EXPECT_EQ(out.find("script-src"), std::string::npos);
  EXPECT_EQ(out.find("DENY"), std::string::npos);
}

TEST(Wire, DropsHeadersWithLineBreaksAndServerOwnedFraming) {
  Response r = Response::text(200, "abc");
  r.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: stolen=1");
  r.headers.emplace_back("Content-Length", "999");
  r.headers.emplace_back("Transfer-Encoding", "chunked");
  std::string out;
  serialize_head(out, r, {false, false, false, {}});
  EXPECT_EQ(out.find("stolen"), std::string::npos);
  EXPECT_EQ(out.find("999"), std::string::npos);
  EXPECT_EQ(out.find("chunked"), std::string::npos);
  EXPECT_NE(out.find("Content-Length: 3\r\n"), std::string::npos);
  EXPECT_NE(out.find("Connection: close\r\n"), std::string::npos);
}

TEST(Wire, HeadKeepsDeclaredLengthAndNotModifiedHasNoLength) {
  Response head;
  head.set_header("Content-Length", "42");
  std::string out;
  EXPECT_FALSE(serialize_head(out, head, {true, true, true, {}}));
  EXPECT_NE(out.find("Content-Length: 42\r\n"), std::string::npos);
  EXPECT_NE(out.find("Connection: keep-alive\r\n"), std::string::npos);
  Response nm;
  nm.status = 304;
  EXPECT_FALSE(serialize_head(out, nm, {}));
  EXPECT_EQ(out.find("Content-Length"), std::string::npos);
  EXPECT_EQ(out.rfind("HTTP/1.1 304 Not Modified\r\n", 0), 0u);
}

}  // namespace
}  // namespace samspil::http
